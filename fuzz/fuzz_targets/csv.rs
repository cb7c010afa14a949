//! Fuzz target `csv`: the invariants of `pkit_fuzz::csv` (`src/checks.rs`, see `README.md`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pkit_fuzz::csv(data));
