//! The integration tests of the core, in one binary (one link step).

mod limits;
mod roundtrip;
mod sample;
mod schema;
mod vectors;

use std::path::PathBuf;

/// The repository's root folder.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}
