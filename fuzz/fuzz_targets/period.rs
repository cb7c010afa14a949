//! Fuzz target `period`: the invariants of `pkit_fuzz::period` (`src/checks.rs`, see `README.md`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pkit_fuzz::period(data));
