//! Fuzz target `identifiers`: the invariants of `pkit_fuzz::identifiers` (`src/checks.rs`, see `README.md`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pkit_fuzz::identifiers(data));
