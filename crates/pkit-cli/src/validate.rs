//! `pkit validate`: every issue of each file, for a person (`text`), a program (`json`,
//! `jsonl`), a GitHub workflow (`github`: annotations) or a code-scanning tool (`sarif`).
//!
//! Each format only arranges what the core says of an issue: its code, severity, message,
//! JSON Pointer and location ([`pkit::issue::Location`]: line and character column in a JSON
//! file, file, line and column header in a CSV directory).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use serde_json::{json, Value};

/// How `pkit validate` prints the issues.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum IssueFormat {
    /// One line per issue: `FILE:LINE:COL: severity code: message (PATH)`.
    Text,
    /// One JSON object per file, `{"file", "issues"}`, one per line.
    Json,
    /// One JSON object per issue, one per line: `file`, `line`, `column`, `header`,
    /// `severity`, `code`, `message`, `path`.
    Jsonl,
    /// GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=code::message`.
    Github,
    /// One SARIF 2.1.0 log, one result per issue with its region.
    Sarif,
}

/// The issues of one file or CSV directory.
struct Checked {
    name: String,
    report: pkit::Report,
}

impl Checked {
    /// Each issue with the name of the file it was read from: the file itself, or for a CSV
    /// directory the CSV file inside it.
    fn issues(&self) -> impl Iterator<Item = (String, &pkit::Issue)> {
        self.report.issues().iter().map(|issue| {
            let file = match issue.file() {
                Some(inner) => format!("{}/{inner}", self.name.trim_end_matches('/')),
                None => self.name.clone(),
            };
            (file, issue)
        })
    }
}

/// Validates `files` and prints their issues in `format`. Exit 0 when no file has an error
/// (nor, with `deny_warnings`, a warning), 1 when any has, 2 when a file cannot be read.
pub(crate) fn run(
    files: &[PathBuf],
    format: IssueFormat,
    deny_warnings: bool,
) -> Result<ExitCode, String> {
    let (mut failed, mut io_error) = (false, false);
    let mut checked = Vec::new();
    for file in files {
        let Some(report) = check_file(file) else {
            io_error = true;
            continue;
        };
        failed |= !report.is_valid() || (deny_warnings && !report.is_empty());
        checked.push(Checked {
            name: file.to_string_lossy().into_owned(),
            report,
        });
    }
    let out = match format {
        IssueFormat::Text => {
            let mut out = String::new();
            for file in &checked {
                for issue in file.report.issues() {
                    out.push_str(&issue_line(&file.name, issue));
                    out.push('\n');
                }
            }
            out
        }
        IssueFormat::Json => lines_per_file(&checked),
        IssueFormat::Jsonl => lines(&checked, |file, issue| jsonl(&file, issue).to_string()),
        IssueFormat::Github => lines(&checked, |file, issue| github(&file, issue)),
        IssueFormat::Sarif => {
            let mut text = sarif(&checked).to_string();
            text.push('\n');
            text
        }
    };
    crate::print(&out)?;
    Ok(if io_error {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The report of one file or CSV directory, or `None` when it could not be read (said on
/// stderr).
fn check_file(file: &Path) -> Option<pkit::Report> {
    match pkit::validate_path(file) {
        Ok(report) => Some(report),
        Err(e) => {
            eprintln!("pkit: {e}");
            None
        }
    }
}

fn lines(checked: &[Checked], line: impl Fn(String, &pkit::Issue) -> String) -> String {
    let mut out = String::new();
    for file in checked {
        for (name, issue) in file.issues() {
            out.push_str(&line(name, issue));
            out.push('\n');
        }
    }
    out
}

fn lines_per_file(checked: &[Checked]) -> String {
    let mut out = String::new();
    for file in checked {
        out.push_str(&json!({ "file": file.name, "issues": file.report }).to_string());
        out.push('\n');
    }
    out
}

/// One issue as a line: the file, then the core's text of the issue:
/// `FILE:LINE:COL: severity code: message (PATH)` for JSON,
/// `DIR/FILE.csv:LINE:COLUMN: severity code: message (PATH)` for CSV, and `FILE:: severity
/// code: message` for an issue about the whole text that has no place (a size limit).
pub(crate) fn issue_line(name: &str, issue: &pkit::Issue) -> String {
    match issue.file() {
        Some(_) => format!("{}/{issue}", name.trim_end_matches('/')),
        None => format!("{name}:{issue}"),
    }
}

fn jsonl(file: &str, issue: &pkit::Issue) -> Value {
    json!({
        "file": file,
        "line": issue.line(),
        "column": issue.column(),
        "header": issue.header(),
        "severity": issue.severity.as_str(),
        "code": issue.code.as_str(),
        "message": issue.message,
        "path": issue.path,
    })
}

/// A workflow command's message, escaped as GitHub's runner unescapes it.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value, escaped.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One issue as a GitHub Actions annotation:
/// `::error file=F,line=L,col=C,title=pkit code::message (PATH)`.
fn github(file: &str, issue: &pkit::Issue) -> String {
    let command = match issue.severity {
        pkit::Severity::Error => "error",
        pkit::Severity::Warning => "warning",
    };
    let mut properties = vec![format!("file={}", escape_property(file))];
    if let Some(line) = issue.line() {
        properties.push(format!("line={line}"));
    }
    if let Some(column) = issue.column() {
        properties.push(format!("col={column}"));
    }
    properties.push(format!(
        "title={}",
        escape_property(&format!("pkit {}", issue.code))
    ));
    let mut message = issue.message.clone();
    if !issue.path.is_empty() {
        message.push_str(&format!(" ({})", issue.path));
    }
    format!(
        "::{command} {}::{}",
        properties.join(","),
        escape_data(&message)
    )
}

/// A file name as a relative URI reference (RFC 3986): unreserved characters and `/` as
/// they are, every other byte percent-encoded.
fn uri(file: &str) -> String {
    let mut out = String::new();
    for byte in file.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The SARIF level of a severity.
fn level(severity: pkit::Severity) -> &'static str {
    match severity {
        pkit::Severity::Error => "error",
        pkit::Severity::Warning => "warning",
    }
}

/// One SARIF 2.1.0 log of every file: one run of pkit, a rule per code that occurs (its
/// default level the code's severity), and one result per issue, located by its file and
/// region (line and column, columns counted in Unicode code points) with its JSON Pointer as a
/// logical location.
fn sarif(checked: &[Checked]) -> Value {
    let mut codes: Vec<pkit::Code> = Vec::new();
    for file in checked {
        for issue in file.report.issues() {
            if !codes.contains(&issue.code) {
                codes.push(issue.code);
            }
        }
    }
    codes.sort_by_key(|code| code.as_str());
    let rules: Vec<Value> = codes
        .iter()
        .map(|code| {
            json!({
                "id": code.as_str(),
                "defaultConfiguration": { "level": level(code.severity()) },
            })
        })
        .collect();
    let mut results = Vec::new();
    for file in checked {
        for (name, issue) in file.issues() {
            let mut physical = json!({ "artifactLocation": { "uri": uri(&name) } });
            if let Some(line) = issue.line() {
                let mut region = json!({ "startLine": line });
                if let Some(column) = issue.column() {
                    region["startColumn"] = json!(column);
                }
                physical["region"] = region;
            }
            let mut location = json!({ "physicalLocation": physical });
            if !issue.path.is_empty() {
                location["logicalLocations"] = json!([{ "fullyQualifiedName": issue.path }]);
            }
            let mut result = json!({
                "ruleId": issue.code.as_str(),
                "ruleIndex": codes.iter().position(|c| *c == issue.code),
                "level": level(issue.severity),
                "message": { "text": issue.message },
                "locations": [location],
            });
            if let Some(header) = issue.header() {
                result["properties"] = json!({ "csvColumn": header });
            }
            results.push(result);
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "pkit",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "rules": rules,
            } },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_escape_what_the_runner_unescapes() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn file_names_become_uri_references() {
        assert_eq!(uri("data/ok.json"), "data/ok.json");
        assert_eq!(uri("my dir/é,1.json"), "my%20dir/%C3%A9%2C1.json");
    }
}
