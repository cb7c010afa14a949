//! The built-in sample registry (see `data/README.md`): fictional companies, real national
//! figures with their sources.

/// The sample document, compiled into the crate.
pub(crate) const SAMPLE_JSON: &str = include_str!("../data/sample.json");
