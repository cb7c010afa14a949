//! # pkit
//!
//! Typed, validated data about a country's software-export industry, starting with
//! Pakistan's: IT companies, their certifications (CMMI, ISO 9001, ISO/IEC 27001, ...), their
//! awards (APICTA, P@SHA), their export revenue, the national figures and targets the
//! industry is measured by, and the export board's promotion abroad (initiatives, their
//! participants and headcounts, companies' leads and agreements, published claims).
//!
//! - [`Registry::from_json`] / [`Registry::from_path`] load a registry document and validate
//!   it against every rule of the specification; a document with errors is rejected with a
//!   [`Report`] of **every** issue, each with a stable [`Code`], a JSON-Pointer path and a
//!   message.
//! - [`validate()`] returns that report for any text, never failing and never panicking.
//! - [`schema::registry`] gives the JSON Schema (draft 2020-12) generated from the same types.
//! - [`Registry::sample`] is a built-in sample: fictional companies and Pakistan's public
//!   IT-export figures with their sources; real initiatives, headcounts and claims, with
//!   fictional participants, leads and agreements.
//! - The [`analytics`] are methods on [`Registry`]: fiscal-year series and growth, target
//!   progress, company exports, certification coverage, award tallies, and what promotion
//!   yielded ([`Registry::initiative_outcomes`], [`Registry::claims_reconciled`], ...).
//!
//! ```
//! let registry = pkit::Registry::sample();
//! println!("{} companies as of {}", registry.companies().len(), registry.as_of());
//!
//! let report = pkit::validate(r#"{"schema_version": 1, "as_of": "2024-06-31", "targets": 3}"#);
//! for issue in report.issues() {
//!     println!("{}: {} {}", issue.path, issue.code, issue.message);
//! }
//! assert_eq!(report.len(), 2);
//! ```
//!
//! ## Layout
//! Data comes in at [`value`] (text becomes typed values), is checked in [`validate`](mod@validate),
//! lives in [`model`], is computed on in [`analytics`] and [`table`], and leaves through
//! [`schema`], [`csv`] and serde; [`issue`] is the leaf every layer reports through. Nothing flows
//! backwards: `docs/architecture.md` gives the layers (a test holds the code to them), where
//! each fact lives, and how to add a field, a rule or a record family.
//!
//! ## Features
//! Without features, the crate's dependencies are serde, serde_json, thiserror, chrono (date
//! arithmetic), schemars (JSON Schema), url (WHATWG URL parsing) and csv. Two optional
//! features add the columnar forms:
//!
//! - `arrow`: `table::arrow::record_batch`, a table as an Arrow record batch (arrow-array,
//!   arrow-schema and arrow-buffer, without compute kernels).
//! - `parquet` (implies `arrow`): the `parquet` module, `Registry::to_parquet_dir` and
//!   `Registry::to_parquet_dir_partitioned`, one zstd-compressed Parquet file per table,
//!   optionally as Hive partitions by fiscal year (the `parquet` crate's Arrow writer, no
//!   async).

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod analytics;
pub mod csv;
mod error;
pub mod fs;
pub mod generate;
pub mod html;
pub mod issue;
mod limits;
mod load;
pub mod model;
#[cfg(feature = "parquet")]
pub mod parquet;
mod registry;
mod sample;
pub mod schema;
pub mod table;
pub mod validate;
pub mod value;

pub use error::Error;
pub use issue::{Code, Issue, Report, Severity};
pub use limits::Limits;
pub use load::validate_path;
pub use registry::Registry;
pub use validate::{validate, validate_bytes, validate_with};

// Registries, reports, issues and errors cross threads: a registry loaded on one thread can be
// read from many at once (`&Registry` is `Sync`), and a failed load can be sent back. This
// fails to compile if a field ever stops being `Send + Sync` (an `Rc`, a `Cell`).
const _: () = {
    const fn send_sync<T: Send + Sync>() {}
    send_sync::<Registry>();
    send_sync::<Report>();
    send_sync::<Issue>();
    send_sync::<Error>();
    send_sync::<Limits>();
    send_sync::<table::Table>();
};

/// The README's Rust examples, compiled and run as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
