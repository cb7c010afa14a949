//! What is wrong with a document, and where: [`Issue`] (a stable [`Code`], a JSON-Pointer path,
//! a message, a [`Severity`] and, for a source of several files, a [`Location`]), every issue of
//! a document at once ([`Report`]), and why one value fails its own check ([`ParseError`]).
//!
//! The leaf of the crate: it imports no other module of pkit, so every layer (values, records,
//! reading, CSV, the bindings) reports problems in the same terms, and an issue is rendered to
//! text in one place ([`Issue`]'s `Display`, [`Report::summary`]).
//!
//! # Example
//! ```
//! use pkit::issue::{Code, Issue, Severity};
//! let issue = Issue::new(Code::InvalidDate, "/as_of", "`2024-02-30` is not a date");
//! assert_eq!(issue.severity, Severity::Error);
//! assert_eq!(issue.to_string(), "/as_of: error invalid_date: `2024-02-30` is not a date");
//! ```

mod code;
mod location;
mod parse_error;
mod report;
mod vocabulary;

pub use code::{Code, Severity, UnknownCode};
pub(crate) use location::Locator;
pub use location::{Location, LocationColumn};
pub(crate) use parse_error::shorten;
pub use parse_error::ParseError;
pub use report::{Issue, Report, Segment};
pub(crate) use vocabulary::{vocabulary, Word};
