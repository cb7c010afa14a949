//! Fuzz target `date`: the invariants of `pkit_fuzz::date` (`src/checks.rs`, see `README.md`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pkit_fuzz::date(data));
