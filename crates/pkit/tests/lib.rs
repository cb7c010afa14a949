//! The integration tests of the core, in one binary (one link step).

// Test helpers outside #[test] functions may fail loudly: a broken fixture is a failed test.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod architecture;
mod csv;
mod datapackage;
mod fuzz_regressions;
mod limits;
mod messages;
#[cfg(feature = "parquet")]
mod parquet;
mod promotion;
mod properties;
mod robustness;
mod roundtrip;
mod sample;
mod schema;
mod threads;
mod vectors;

use std::path::PathBuf;

/// The repository's root folder.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}
