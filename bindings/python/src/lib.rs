//! `pkit._pkit`: the Python extension module of pkit (pyo3).
//!
//! The binding is thin: every rule and every computation lives in the `pkit` crate. This crate
//! converts Rust values into Python ones (records, dates, issues, Arrow tables) and Rust errors
//! into Python exceptions, and releases the GIL while the core parses, validates or builds
//! tables. The Python package `pkit` (`python/pkit/__init__.py`) re-exports this module.

mod analytics;
mod args;
mod arrow;
mod errors;
mod plain;
mod records;
mod registry;

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::{Issue, PkitResult};
use crate::registry::Registry;

/// Loads a registry from a JSON file, or from the CSV form when `path` is a directory.
#[pyfunction]
fn load(py: Python<'_>, path: PathBuf) -> PyResult<Registry> {
    let loaded = py.detach(|| pkit::Registry::open(&path));
    Ok(Registry::new(loaded.pkit()?))
}

/// Parses and validates a registry document given as JSON text (`str` or UTF-8 `bytes`).
#[pyfunction]
fn loads(py: Python<'_>, text: args::Text) -> PyResult<Registry> {
    let loaded = match text.as_str() {
        Ok(text) => py.detach(|| pkit::Registry::from_json(text)),
        Err(report) => Err(pkit::Error::Invalid(report)),
    };
    Ok(Registry::new(loaded.pkit()?))
}

/// Loads a registry from its CSV form: a directory of CSV files.
#[pyfunction]
fn load_csv(py: Python<'_>, path: PathBuf) -> PyResult<Registry> {
    let loaded = py.detach(|| pkit::Registry::from_csv_dir(&path));
    Ok(Registry::new(loaded.pkit()?))
}

/// The built-in sample registry.
#[pyfunction]
fn sample() -> Registry {
    Registry::new(pkit::Registry::sample())
}

/// A valid synthetic registry of `companies` companies, the same for the same `seed`.
#[pyfunction]
#[pyo3(signature = (companies, seed = 1))]
fn generate(py: Python<'_>, companies: usize, seed: u64) -> Registry {
    Registry::new(py.detach(|| pkit::generate::synthetic(companies, seed)))
}

/// Every issue of a document (errors and warnings), in document order; never raises for bad
/// content.
#[pyfunction]
fn validate(py: Python<'_>, text: args::Text) -> Vec<Issue> {
    let report = match text.as_str() {
        Ok(text) => py.detach(|| pkit::validate(text)),
        Err(report) => report,
    };
    errors::issues(report.issues())
}

/// Every issue of a file, or of a CSV directory; raises `OSError` only when it cannot be read.
#[pyfunction]
fn validate_file(py: Python<'_>, path: PathBuf) -> PyResult<Vec<Issue>> {
    let report = py.detach(|| pkit::validate_path(&path)).pkit()?;
    Ok(errors::issues(report.issues()))
}

/// The JSON Schema (draft 2020-12) of the registry document, as a `dict`.
#[pyfunction]
fn json_schema(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let schema = pkit::schema::registry();
    plain::json_to_python(py, &schema)?
        .cast_into::<PyDict>()
        .map_err(PyErr::from)
}

/// The module `pkit._pkit`.
#[pymodule]
fn _pkit(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    m.add_function(wrap_pyfunction!(loads, m)?)?;
    m.add_function(wrap_pyfunction!(load_csv, m)?)?;
    m.add_function(wrap_pyfunction!(sample, m)?)?;
    m.add_function(wrap_pyfunction!(generate, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(validate_file, m)?)?;
    m.add_function(wrap_pyfunction!(json_schema, m)?)?;
    errors::register(m)?;
    records::register(m)?;
    analytics::register(m)?;
    m.add_class::<Registry>()?;
    m.add_class::<arrow::Table>()?;
    Ok(())
}
