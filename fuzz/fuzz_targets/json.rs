//! Fuzz target `json`: the invariants of `pkit_fuzz::json` (`src/checks.rs`, see `README.md`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pkit_fuzz::json(data));
