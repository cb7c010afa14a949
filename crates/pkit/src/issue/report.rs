//! [`Issue`]: one problem of a document, and [`Report`]: all of them.

use std::fmt;

use super::{Code, Location, LocationColumn, Severity};

/// One problem found in a document: a stable code, where it is, and what is wrong.
///
/// # Example
/// ```
/// let report = pkit::validate(r#"{"schema_version": 1, "as_of": "2024-02-30"}"#);
/// let issue = &report.issues()[0];
/// assert_eq!(issue.code, pkit::Code::InvalidDate);
/// assert_eq!(issue.path, "/as_of");
/// assert_eq!(issue.severity, pkit::Severity::Error);
/// assert!(issue.message.contains("2024-02-30"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub struct Issue {
    /// The stable code (SPEC.md).
    pub code: Code,
    /// An RFC 6901 JSON Pointer to the offending value; empty for the whole document.
    pub path: String,
    /// One line for a person: what is wrong and what was expected.
    pub message: String,
    /// Error or warning; always `code.severity()`.
    pub severity: Severity,
    /// Where in the text the value was read: the line and character column in a JSON
    /// document, the file, line and column header in a CSV directory. `None` for an issue about
    /// the whole text that has no place (a size limit) and for issues made by hand.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// The offending value as JSON text (`"2024-02-30"`, `1e3`, `null`), when it is a
    /// scalar of at most [`Issue::INPUT_MAX`] bytes; for an unknown field, its key. `None` for
    /// objects, arrays, long values and missing fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<String>,
}

/// One step of an [`Issue`]'s path: an object key or an array index (see [`Issue::segments`]).
///
/// # Example
/// ```
/// use pkit::validate::Segment;
/// assert_eq!(Segment::Index(3).to_string(), "3");
/// assert_eq!(Segment::Key("as_of".into()).to_string(), "as_of");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// An object key, unescaped.
    Key(String),
    /// An array index.
    Index(usize),
}

impl Segment {
    fn parse(raw: &str) -> Segment {
        let is_index = !raw.is_empty()
            && raw.bytes().all(|b| b.is_ascii_digit())
            && (raw == "0" || !raw.starts_with('0'));
        match raw.parse::<usize>() {
            Ok(index) if is_index => Segment::Index(index),
            _ => Segment::Key(raw.replace("~1", "/").replace("~0", "~")),
        }
    }
}

impl fmt::Display for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Segment::Key(key) => f.write_str(key),
            Segment::Index(index) => write!(f, "{index}"),
        }
    }
}

impl Issue {
    /// Makes an issue; its severity is the code's.
    ///
    /// # Example
    /// ```
    /// let issue = pkit::Issue::new(pkit::Code::MissingField, "/as_of", "`as_of` is required");
    /// assert_eq!(issue.to_string(), "/as_of: error missing_field: `as_of` is required");
    /// // Messages are one line: control characters are escaped.
    /// let issue = pkit::Issue::new(pkit::Code::UnknownField, "/a\nb", "unknown field `a\nb`");
    /// assert_eq!(issue.message, "unknown field `a\\nb`");
    /// ```
    pub fn new(code: Code, path: impl Into<String>, message: impl Into<String>) -> Issue {
        Issue {
            code,
            path: path.into(),
            message: one_line(message.into()),
            severity: code.severity(),
            location: None,
            input: None,
        }
    }

    /// The line the value was read from, from 1 (in the JSON text, or in the CSV file
    /// [`Issue::file`]); `None` for an issue without a place.
    ///
    /// # Example
    /// ```
    /// let report = pkit::validate("{\n  \"schema_version\": 1,\n  \"as_of\": \"2024-02-30\"\n}");
    /// let issue = &report.issues()[0];
    /// assert_eq!((issue.line(), issue.column()), (Some(3), Some(12)));
    /// assert_eq!((issue.file(), issue.header()), (None, None));
    /// ```
    pub fn line(&self) -> Option<u64> {
        self.location.as_ref().map(|at| at.line)
    }

    /// The column in a JSON text, in characters from 1; `None` for CSV (see
    /// [`Issue::header`]) and for an issue without a place.
    pub fn column(&self) -> Option<u64> {
        match self.location.as_ref()?.column.as_ref()? {
            LocationColumn::Char(column) => Some(*column),
            LocationColumn::Header(_) => None,
        }
    }

    /// The header of the CSV column the value was read from; `None` for JSON.
    pub fn header(&self) -> Option<&str> {
        match self.location.as_ref()?.column.as_ref()? {
            LocationColumn::Header(header) => Some(header),
            LocationColumn::Char(_) => None,
        }
    }

    /// The CSV file inside the directory the value was read from (`companies.csv`); `None`
    /// for JSON.
    pub fn file(&self) -> Option<&str> {
        self.location.as_ref()?.file.as_deref()
    }

    /// The longest [`Issue::input`] kept, in bytes.
    pub const INPUT_MAX: usize = 64;

    /// The JSON scalar that starts at byte `at` of `text`, as its text, when it is at most
    /// [`Issue::INPUT_MAX`] bytes long.
    pub(crate) fn input_at(text: &str, at: usize) -> Option<String> {
        let rest = text.get(at..)?;
        let bytes = rest.as_bytes();
        let end = match *bytes.first()? {
            b'"' => {
                let mut escaped = false;
                let close = bytes
                    .iter()
                    .enumerate()
                    .skip(1)
                    .take(Self::INPUT_MAX)
                    .find(|&(_, &b)| {
                        let close = b == b'"' && !escaped;
                        escaped = b == b'\\' && !escaped;
                        close
                    })?;
                close.0 + 1
            }
            b'-' | b'0'..=b'9' => bytes
                .iter()
                .position(|b| !matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
                .unwrap_or(bytes.len()),
            b't' if rest.starts_with("true") => 4,
            b'f' if rest.starts_with("false") => 5,
            b'n' if rest.starts_with("null") => 4,
            _ => return None,
        };
        (end <= Self::INPUT_MAX).then(|| rest[..end].to_owned())
    }

    /// The path as a sequence of object keys and array indices, the way pydantic and most
    /// data tools spell a location: `/companies/0/id` is `[Key("companies"), Index(0),
    /// Key("id")]`. RFC 6901 escapes (`~1`, `~0`) are undone. A segment of decimal digits
    /// without a leading zero is an index: registry documents have no object keys of that
    /// shape (an unknown field named `"7"` is the one exception, and reads as an index).
    ///
    /// # Example
    /// ```
    /// use pkit::validate::Segment;
    /// let issue = pkit::Issue::new(pkit::Code::InvalidDate, "/companies/0/founded_on", "bad");
    /// assert_eq!(
    ///     issue.segments(),
    ///     [Segment::Key("companies".into()), Segment::Index(0), Segment::Key("founded_on".into())]
    /// );
    /// assert!(pkit::Issue::new(pkit::Code::InvalidJson, "", "bad").segments().is_empty());
    /// ```
    pub fn segments(&self) -> Vec<Segment> {
        if self.path.is_empty() {
            return Vec::new();
        }
        self.path
            .strip_prefix('/')
            .unwrap_or(&self.path)
            .split('/')
            .map(Segment::parse)
            .collect()
    }

    /// True for errors, false for warnings.
    ///
    /// # Example
    /// ```
    /// assert!(pkit::Issue::new(pkit::Code::InvalidDate, "/as_of", "bad").is_error());
    /// ```
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The `invalid_json` issue of a text that stops being JSON at byte `at`: `not JSON:
    /// {what} at line L column C`, located there.
    pub(crate) fn not_json(text: &str, at: usize, what: &str) -> Issue {
        let at = Location::in_text(text, at);
        let column = at
            .column
            .as_ref()
            .map(|c| c.to_string())
            .unwrap_or_default();
        let mut issue = Issue::new(
            Code::InvalidJson,
            "",
            format!("not JSON: {what} at line {} column {column}", at.line),
        );
        issue.location = Some(at);
        issue
    }

    /// The `invalid_json` issue of bytes that are not UTF-8: where the first bad byte is.
    pub(crate) fn not_utf8(bytes: &[u8], e: &std::str::Utf8Error) -> Issue {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
        Issue::not_json(valid, valid.len(), "the text is not valid UTF-8")
    }
}

#[cfg(test)]
mod input_tests {
    use super::Issue;

    #[test]
    fn inputs_are_short_json_scalars() {
        let input = |text: &str| Issue::input_at(text, 0);
        assert_eq!(
            input(r#""2024-02-30", "#).as_deref(),
            Some(r#""2024-02-30""#)
        );
        assert_eq!(input(r#""a\"b" }"#).as_deref(), Some(r#""a\"b""#));
        assert_eq!(input("-1.5e3,").as_deref(), Some("-1.5e3"));
        assert_eq!(input("true}").as_deref(), Some("true"));
        assert_eq!(input("null").as_deref(), Some("null"));
        assert_eq!(input("{\"a\": 1}"), None);
        assert_eq!(input("[1]"), None);
        let long = format!("\"{}\"", "x".repeat(Issue::INPUT_MAX));
        assert_eq!(input(&long), None);
        let fits = format!("\"{}\"", "x".repeat(Issue::INPUT_MAX - 2));
        assert_eq!(input(&fits), Some(fits.clone()));
        assert_eq!(Issue::input_at("1", 5), None);
    }
}

impl fmt::Display for Issue {
    /// `PATH: severity code: message`, or for an issue read from CSV
    /// `FILE:LINE[:COLUMN]: severity code: message (PATH)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            None => write!(
                f,
                "{}: {} {}: {}",
                self.path, self.severity, self.code, self.message
            ),
            Some(at) => {
                write!(f, "{at}: {} {}: {}", self.severity, self.code, self.message)?;
                if !self.path.is_empty() {
                    write!(f, " ({})", self.path)?;
                }
                Ok(())
            }
        }
    }
}

/// A message is one line: control characters from the document (a line feed in a key, say)
/// and the Unicode line and paragraph separators (U+2028, U+2029, which text may hold and
/// which Python's `splitlines` breaks at) are shown escaped.
fn one_line(message: String) -> String {
    let breaks = |c: char| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}');
    if !message.chars().any(breaks) {
        return message;
    }
    message
        .chars()
        .map(|c| {
            if breaks(c) {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Every issue of one document, in document order.
///
/// # Example
/// ```
/// let report = pkit::validate(r#"{"schema_version": 1}"#);
/// assert!(!report.is_valid());
/// assert_eq!(report.errors().count(), 1);
/// assert_eq!(report.warnings().count(), 0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct Report {
    issues: Vec<Issue>,
}

impl Report {
    /// A report of these issues, kept in the given order.
    ///
    /// # Example
    /// ```
    /// let report = pkit::Report::new(vec![]);
    /// assert!(report.is_valid());
    /// ```
    pub fn new(issues: Vec<Issue>) -> Report {
        Report { issues }
    }

    /// All issues, errors and warnings, in document order.
    ///
    /// # Example
    /// ```
    /// assert!(pkit::validate(&pkit::Registry::sample().to_json()).issues().iter().all(|i| !i.is_error()));
    /// ```
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// The issues, by value.
    ///
    /// # Example
    /// ```
    /// let issues = pkit::validate("[]").into_issues();
    /// assert_eq!(issues[0].code, pkit::Code::InvalidType);
    /// ```
    pub fn into_issues(self) -> Vec<Issue> {
        self.issues
    }

    /// The errors only.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::validate("{").errors().count(), 1);
    /// ```
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.is_error())
    }

    /// The warnings only.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::validate("{").warnings().count(), 0);
    /// ```
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| !i.is_error())
    }

    /// True when there is no error (warnings are allowed).
    ///
    /// # Example
    /// ```
    /// assert!(pkit::validate(r#"{"schema_version": 1, "as_of": "2024-06-30"}"#).is_valid());
    /// ```
    pub fn is_valid(&self) -> bool {
        self.errors().next().is_none()
    }

    /// True when there is no issue at all.
    ///
    /// # Example
    /// ```
    /// assert!(pkit::validate(r#"{"schema_version": 1, "as_of": "2024-06-30"}"#).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.issues.is_empty()
    }

    /// How many issues there are.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::validate("42").len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.issues.len()
    }

    /// One line on the whole report: `invalid registry: 2 errors and 1 warning` when it has an
    /// error, else `valid registry: 1 warning` (or `valid registry: no issues`).
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::validate("{}").headline(), "invalid registry: 2 errors");
    /// assert_eq!(pkit::Report::new(vec![]).headline(), "valid registry: no issues");
    /// ```
    pub fn headline(&self) -> String {
        let (errors, warnings) = (self.errors().count(), self.warnings().count());
        let count = |n: usize, word: &str| match n {
            1 => format!("1 {word}"),
            n => format!("{n} {word}s"),
        };
        match (errors, warnings) {
            (0, 0) => "valid registry: no issues".to_owned(),
            (0, w) => format!("valid registry: {}", count(w, "warning")),
            (e, 0) => format!("invalid registry: {}", count(e, "error")),
            (e, w) => format!(
                "invalid registry: {} and {}",
                count(e, "error"),
                count(w, "warning")
            ),
        }
    }

    /// The report for a person: the [`headline`](Report::headline), then the first `shown`
    /// issues one per line (indented by two spaces), then `... and N more (see .issues)` when
    /// there are more. Every binding and the command line show a rejected document this way.
    ///
    /// # Example
    /// ```
    /// let report = pkit::validate("{}");
    /// assert_eq!(report.summary(1), "invalid registry: 2 errors\n  \
    ///     1:2: error missing_field: the required field `schema_version` is missing \
    ///     (/schema_version)\n  ... and 1 more (see .issues)");
    /// ```
    pub fn summary(&self, shown: usize) -> String {
        let mut text = self.headline();
        for issue in self.issues.iter().take(shown) {
            text.push_str(&format!("\n  {issue}"));
        }
        if self.issues.len() > shown {
            text.push_str(&format!(
                "\n  ... and {} more (see .issues)",
                self.issues.len() - shown
            ));
        }
        text
    }
}

impl fmt::Display for Report {
    /// One issue per line; `no issues` when there is none.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.issues.is_empty() {
            return f.write_str("no issues");
        }
        let (errors, warnings) = (self.errors().count(), self.warnings().count());
        write!(f, "{errors} error(s), {warnings} warning(s)")?;
        for issue in &self.issues {
            write!(f, "\n{issue}")?;
        }
        Ok(())
    }
}

impl IntoIterator for Report {
    type Item = Issue;
    type IntoIter = std::vec::IntoIter<Issue>;
    fn into_iter(self) -> Self::IntoIter {
        self.issues.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Segment {
        Segment::Key(s.to_owned())
    }

    #[test]
    fn segments_split_keys_and_indices() {
        let issue = |path: &str| Issue::new(Code::InvalidType, path, "bad");
        assert!(issue("").segments().is_empty());
        assert_eq!(
            issue("/companies/0/exports/12/amount_usd").segments(),
            [
                key("companies"),
                Segment::Index(0),
                key("exports"),
                Segment::Index(12),
                key("amount_usd")
            ]
        );
        // A leading zero, a sign, letters or nothing at all make a key; escapes are undone.
        assert_eq!(
            issue("/01/-1/1a//a~1b~0c/~01").segments(),
            [
                key("01"),
                key("-1"),
                key("1a"),
                key(""),
                key("a/b~c"),
                key("~1")
            ]
        );
        assert_eq!(
            issue("/99999999999999999999999").segments(),
            [key("99999999999999999999999")]
        );
        assert_eq!(Segment::Index(7).to_string(), "7");
        assert_eq!(key("a/b").to_string(), "a/b");
    }

    #[test]
    fn issues_print_their_path_or_csv_location() {
        let mut issue = Issue::new(Code::InvalidDate, "/as_of", "bad date");
        assert_eq!(issue.to_string(), "/as_of: error invalid_date: bad date");
        issue.location = Some(Location::csv("registry.csv", 2, Some("as_of")));
        assert_eq!(
            issue.to_string(),
            "registry.csv:2:as_of: error invalid_date: bad date (/as_of)"
        );
        issue.path.clear();
        assert_eq!(
            issue.to_string(),
            "registry.csv:2:as_of: error invalid_date: bad date"
        );
    }

    #[test]
    fn a_report_splits_counts_prints_and_yields_its_issues() {
        let error = Issue::new(Code::InvalidDate, "/as_of", "bad date");
        let warning = Issue::new(Code::UnknownCategory, "/x", "unknown category");
        assert!(error.is_error() && !warning.is_error());
        let report = Report {
            issues: vec![warning.clone(), error.clone(), warning.clone()],
        };
        assert_eq!(report.errors().collect::<Vec<_>>(), [&error]);
        assert_eq!(report.warnings().collect::<Vec<_>>(), [&warning, &warning]);
        assert!(!report.is_valid());
        assert_eq!(report.len(), 3);
        assert_eq!(
            report.to_string(),
            "1 error(s), 2 warning(s)\n\
             /x: warning unknown_category: unknown category\n\
             /as_of: error invalid_date: bad date\n\
             /x: warning unknown_category: unknown category"
        );
        assert_eq!(Report { issues: Vec::new() }.to_string(), "no issues");
        assert_eq!(
            report.into_iter().collect::<Vec<_>>(),
            [warning.clone(), error, warning]
        );
    }
}
