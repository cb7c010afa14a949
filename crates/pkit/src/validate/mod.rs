//! Validation: every issue of a document in one pass (SPEC §2).
//!
//! A document is read once by a pull parser that checks each value's kind and format as it
//! goes into a draft, then the rules relate the values. Issues carry the
//! byte offset of their value and are sorted by it, so they come in document order. Valid
//! documents pay for no error collection: the same pass builds the records.

mod checked;
pub(crate) mod reader;
mod records;
mod rules;
mod walk;

pub use crate::issue::{Code, Issue, Report, Segment, Severity, UnknownCode};

use crate::issue::Locator;
use crate::limits::Limits;

use crate::registry::Registry;

/// The result of loading: a registry (with its warnings) or the report of a rejected document.
pub(crate) fn load(text: &str, limits: &Limits) -> Result<Registry, Report> {
    if text.len() as u64 > limits.max_bytes {
        return Err(Report::new(vec![limits.too_large(text.len() as u64)]));
    }
    let (draft, mut located) = match records::read(text, *limits) {
        records::Walked::Alone(issue) => return Err(Report::new(vec![issue])),
        records::Walked::Draft { draft, issues } => (draft, issues),
    };
    rules::check(&draft, &mut located);
    located.sort_by_key(|l| l.at);
    // Lines and columns in one pass, the issues being in document order.
    let mut locator = Locator::new(text);
    let issues: Vec<Issue> = located
        .into_iter()
        .map(|l| {
            let mut issue = l.issue;
            if let Some(at) = checked::position(l.at) {
                issue.location = Some(locator.locate(at));
                issue.input = Issue::input_at(text, at);
            }
            issue
        })
        .collect();
    if issues.iter().any(Issue::is_error) {
        return Err(Report::new(issues));
    }
    match draft.finish() {
        Some(registry) => Ok(registry.with_warnings(issues)),
        None => Err(Report::new(vec![Issue::new(
            Code::InvalidType,
            "",
            "internal error: a document without errors could not be built; please report this",
        )])),
    }
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
        return Report::new(vec![Limits::SPEC.too_large(bytes.len() as u64)]);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => validate(text),
        Err(e) => Report::new(vec![Issue::not_utf8(bytes, &e)]),
    }
}
