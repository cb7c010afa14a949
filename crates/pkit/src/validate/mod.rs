//! Validation: every issue of a document in one pass (SPEC §2).
//!
//! A document is read once by a pull parser that checks each value's kind and format as it
//! goes into a draft, then the rules relate the values. Issues carry the
//! byte offset of their value and are sorted by it, so they come in document order. Valid
//! documents pay for no error collection: the same pass builds the records.

mod code;
mod draft;
mod issue;
pub(crate) mod reader;
mod rules;
mod walk;

pub use code::{Code, Severity, UnknownCode};
pub use issue::{Issue, Report, Segment};

use crate::{Limits, Registry};

/// The result of loading: a registry (with its warnings) or the report of a rejected document.
pub(crate) fn load(text: &str, limits: &Limits) -> Result<Registry, Report> {
    if text.len() as u64 > limits.max_bytes {
        return Err(Report::new(vec![too_large(text.len() as u64, limits)]));
    }
    let (draft, mut located) = match walk::read(text, *limits) {
        walk::Read::Alone(issue) => return Err(Report::new(vec![issue])),
        walk::Read::Draft { draft, issues } => (draft, issues),
    };
    rules::check(&draft, &mut located);
    located.sort_by_key(|l| l.at);
    let issues: Vec<Issue> = located.into_iter().map(|l| l.issue).collect();
    if issues.iter().any(Issue::is_error) {
        return Err(Report::new(issues));
    }
    match draft::finish(draft) {
        Some(registry) => Ok(registry.with_warnings(issues)),
        None => Err(Report::new(vec![Issue::new(
            Code::InvalidType,
            "",
            "internal error: a document without errors could not be built; please report this",
        )])),
    }
}

/// The `limit_exceeded` issue of a document of `len` bytes.
pub(crate) fn too_large(len: u64, limits: &Limits) -> Issue {
    Issue::new(
        Code::LimitExceeded,
        "",
        format!(
            "the document has {len} bytes; at most {} are allowed",
            limits.max_bytes
        ),
    )
}

/// The `invalid_json` issue of bytes that are not UTF-8.
pub(crate) fn not_utf8(bytes: &[u8], e: &std::str::Utf8Error) -> Issue {
    let valid = &bytes[..e.valid_up_to()];
    let text = std::str::from_utf8(valid).unwrap_or("");
    let (line, column) = reader::line_column(text, text.len());
    Issue::new(
        Code::InvalidJson,
        "",
        format!("not JSON: the text is not valid UTF-8 at line {line} column {column}"),
    )
}

/// Validates a document and returns every issue, errors and warnings, in document order.
/// Never fails and never panics, whatever the input.
///
/// # Example
/// ```
/// let report = pkit::validate(r#"{
///   "schema_version": 1, "as_of": "2024-06-30",
///   "companies": [{"id": "Bad Id", "legal_name": "", "legal_form": "private_limited",
///                  "headquarters": {"city": "Lahore", "region": "PK-PB"}}]
/// }"#);
/// let found: Vec<_> = report.issues().iter().map(|i| (i.path.as_str(), i.code.as_str())).collect();
/// assert_eq!(found, [("/companies/0/id", "invalid_id"), ("/companies/0/legal_name", "empty_text")]);
/// ```
pub fn validate(text: &str) -> Report {
    validate_with(text, &Limits::default())
}

/// [`validate`] with other [`Limits`] than the spec's.
///
/// # Example
/// ```
/// let limits = pkit::Limits { max_bytes: 10, ..Default::default() };
/// let report = pkit::validate_with(r#"{"schema_version": 1}"#, &limits);
/// assert_eq!(report.issues()[0].code, pkit::Code::LimitExceeded);
/// ```
pub fn validate_with(text: &str, limits: &Limits) -> Report {
    match load(text, limits) {
        Ok(registry) => Report::new(registry.warnings().to_vec()),
        Err(report) => report,
    }
}

/// [`validate`] for raw bytes, which must be UTF-8 (`invalid_json` otherwise).
///
/// # Example
/// ```
/// let report = pkit::validate_bytes(b"{\"as_of\": \"\xff\"}");
/// assert_eq!(report.issues()[0].code, pkit::Code::InvalidJson);
/// ```
pub fn validate_bytes(bytes: &[u8]) -> Report {
    if bytes.len() as u64 > Limits::SPEC.max_bytes {
        return Report::new(vec![too_large(bytes.len() as u64, &Limits::SPEC)]);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => validate(text),
        Err(e) => Report::new(vec![not_utf8(bytes, &e)]),
    }
}

/// [`validate`] for a file or a CSV directory (see [`Registry::open`]): every issue, errors and
/// warnings. Only a file that cannot be read is an `Err`; everything wrong with its content is
/// in the report.
///
/// # Errors
/// [`Error::Io`](crate::Error::Io) when the path cannot be read.
///
/// # Example
/// ```
/// let dir = std::env::temp_dir().join(format!("pkit-doc-validate-path-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let file = dir.join("registry.json");
/// std::fs::write(&file, r#"{"schema_version": 1, "as_of": "2024-02-30"}"#)?;
/// let report = pkit::validate_path(&file)?;
/// assert_eq!(report.issues()[0].path, "/as_of");
/// assert!(pkit::validate_path(dir.join("missing.json")).is_err());
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn validate_path(path: impl AsRef<std::path::Path>) -> Result<Report, crate::Error> {
    match crate::Registry::open(path) {
        Ok(registry) => Ok(Report::new(registry.warnings().to_vec())),
        Err(crate::Error::Invalid(report)) => Ok(report),
        Err(e @ crate::Error::LimitExceeded(_)) => Ok(Report::new(e.issues())),
        Err(e) => Err(e),
    }
}
