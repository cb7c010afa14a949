//! Where the files of a CSV registry come from (a directory or memory), and reading each into
//! rows with their line numbers.

use std::path::Path;

use super::{io, located};
use crate::error::Error;
use crate::issue::{Code, Issue, Report};
use crate::limits::Limits;

/// One CSV file, read.
pub(super) struct Sheet {
    pub(super) file: String,
    pub(super) header: Vec<String>,
    /// Each row with its line number.
    pub(super) rows: Vec<(u64, Vec<String>)>,
}

/// Where the files of a CSV registry come from: a directory or memory.
pub(super) trait Files {
    /// The names of the files there are, for the unknown-file check.
    fn names(&self) -> Result<Vec<String>, Error>;
    /// The text of the file `name`, within `limits`: `None` when there is no such file, a
    /// report when it is too large or not UTF-8.
    fn read(&self, name: &str, limits: &Limits) -> Result<Option<Result<String, Report>>, Error>;
    /// The path an I/O error names.
    fn path(&self, name: &str) -> std::path::PathBuf;
}

/// A CSV directory.
pub(super) struct Dir<'a>(pub(super) &'a Path);

impl Files for Dir<'_> {
    fn names(&self) -> Result<Vec<String>, Error> {
        let entries = std::fs::read_dir(self.0).map_err(io(self.0))?;
        Ok(entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect())
    }

    fn read(&self, name: &str, limits: &Limits) -> Result<Option<Result<String, Report>>, Error> {
        match crate::fs::read_limited(&self.0.join(name), limits) {
            Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                Ok(None)
            }
            other => other.map(Some),
        }
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        self.0.join(name)
    }
}

/// The files held in memory: names and contents.
pub(super) struct Memory<'a, N, C>(pub(super) &'a [(N, C)]);

impl<N: AsRef<str>, C: AsRef<[u8]>> Files for Memory<'_, N, C> {
    fn names(&self) -> Result<Vec<String>, Error> {
        let mut names: Vec<String> = Vec::with_capacity(self.0.len());
        for (name, _) in self.0 {
            if !names.iter().any(|n| n == name.as_ref()) {
                names.push(name.as_ref().to_owned());
            }
        }
        Ok(names)
    }

    fn read(&self, name: &str, limits: &Limits) -> Result<Option<Result<String, Report>>, Error> {
        let Some((_, bytes)) = self.0.iter().find(|(n, _)| n.as_ref() == name) else {
            return Ok(None);
        };
        let bytes = bytes.as_ref();
        if bytes.len() as u64 > limits.max_bytes {
            return Ok(Some(Err(Report::new(vec![
                limits.too_large(bytes.len() as u64)
            ]))));
        }
        Ok(Some(match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text.to_owned()),
            Err(e) => Err(Report::new(vec![Issue::not_utf8(bytes, &e)])),
        }))
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        std::path::PathBuf::from(name)
    }
}

pub(super) fn read_sheet(
    files: &impl Files,
    file: &str,
    budget: &mut u64,
    limits: &Limits,
) -> Result<Option<Sheet>, ReadStop> {
    let text = match files.read(
        file,
        &Limits {
            max_bytes: *budget,
            ..*limits
        },
    ) {
        Err(e) => return Err(ReadStop::Error(e)),
        Ok(None) => return Ok(None),
        Ok(Some(Err(report))) => {
            let only = report.into_issues().into_iter().next();
            let issue = match only {
                Some(i) if i.code == Code::LimitExceeded => Issue::new(
                    Code::LimitExceeded,
                    "",
                    format!(
                        "the CSV directory is larger than {} bytes",
                        limits.max_bytes
                    ),
                ),
                Some(i) => i,
                None => Issue::new(Code::InvalidJson, "", "unreadable file"),
            };
            return Err(ReadStop::alone(located(issue, file, 1, None)));
        }
        Ok(Some(Ok(text))) => text,
    };
    *budget = budget.saturating_sub(text.len() as u64);
    if let Some(line) = unterminated_quote(&text) {
        return Err(ReadStop::alone(located(
            Issue::new(
                Code::InvalidJson,
                "",
                format!("not CSV: the quoted cell that starts on line {line} is never closed"),
            ),
            file,
            line,
            None,
        )));
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let bad_csv = |e: ::csv::Error| {
        let line = e.position().map_or(1, ::csv::Position::line);
        ReadStop::alone(located(
            Issue::new(Code::InvalidJson, "", format!("not CSV: {e}")),
            file,
            line,
            None,
        ))
    };
    let header: Vec<String> = match records.next() {
        Some(record) => record
            .map_err(bad_csv)?
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').to_owned())
            .collect(),
        None => Vec::new(),
    };
    // A header cell is a string too (a key, in the JSON form).
    if let Some(cell) = header.iter().find(|c| c.len() > limits.max_string_bytes) {
        return Err(ReadStop::alone(located(
            too_long_cell(cell, limits),
            file,
            1,
            None,
        )));
    }
    let mut rows = Vec::new();
    let mut lines = LineCounter::default();
    for record in records {
        let record = record.map_err(bad_csv)?;
        let line = lines.line_at(&text, record.position().map_or(0, |p| p.byte()));
        if let Some(cell) = record.iter().find(|c| c.len() > limits.max_string_bytes) {
            return Err(ReadStop::alone(located(
                too_long_cell(cell, limits),
                file,
                line,
                None,
            )));
        }
        // A row of empty cells (a spreadsheet's trailing line) is no record.
        if record.iter().all(str::is_empty) {
            continue;
        }
        rows.push((line, record.iter().map(str::to_owned).collect()));
    }
    Ok(Some(Sheet {
        file: file.to_owned(),
        header,
        rows,
    }))
}

/// The `limit_exceeded` issue of a cell longer than the string limit.
fn too_long_cell(cell: &str, limits: &Limits) -> Issue {
    Issue::new(
        Code::LimitExceeded,
        "",
        format!(
            "a cell is longer than {} bytes ({} bytes)",
            limits.max_string_bytes,
            cell.len()
        ),
    )
}

/// Line numbers of byte offsets, counted once through the text.
#[derive(Default)]
struct LineCounter {
    byte: usize,
    newlines: u64,
}

impl LineCounter {
    /// The line (from 1) a record starting at `byte` begins on. The CSV reader may give the
    /// offset of the previous record's `\n`; the record starts after it.
    fn line_at(&mut self, text: &str, byte: u64) -> u64 {
        let bytes = text.as_bytes();
        let mut at = usize::try_from(byte)
            .unwrap_or(bytes.len())
            .min(bytes.len());
        while matches!(bytes.get(at), Some(b'\r' | b'\n')) {
            at += 1;
        }
        let from = self.byte.min(at);
        self.newlines += bytes[from..at].iter().filter(|&&b| b == b'\n').count() as u64;
        self.byte = at;
        self.newlines + 1
    }
}

pub(super) enum ReadStop {
    Error(Error),
    /// The one issue of a directory that cannot be read further (boxed: an issue is large).
    Alone(Box<Issue>),
}

impl ReadStop {
    fn alone(issue: Issue) -> ReadStop {
        ReadStop::Alone(Box::new(issue))
    }
}

/// The line (from 1) of a quoted cell that the text never closes, if any. The `csv` crate reads
/// such a cell to the end of the file without complaint; RFC 4180 makes it broken CSV.
fn unterminated_quote(text: &str) -> Option<u64> {
    let bytes = text.as_bytes();
    let (mut in_quotes, mut at_cell_start, mut opened_at) = (false, true, 0);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_quotes {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                    at_cell_start = false;
                }
            }
        } else if b == b'"' && at_cell_start {
            in_quotes = true;
            opened_at = i;
        } else {
            at_cell_start = matches!(b, b',' | b'\n' | b'\r');
        }
        i += 1;
    }
    in_quotes.then(|| 1 + bytes[..opened_at].iter().filter(|&&b| b == b'\n').count() as u64)
}

#[cfg(test)]
mod quote_tests {
    use super::unterminated_quote;

    #[test]
    fn an_open_quote_is_found_with_its_line() {
        assert_eq!(unterminated_quote("a,b\n\"x,y\n"), Some(2));
        assert_eq!(unterminated_quote("\"a"), Some(1));
        assert_eq!(unterminated_quote("a,b\r\n1,\"2\n3"), Some(2));
    }

    #[test]
    fn closed_and_escaped_quotes_are_fine() {
        assert_eq!(unterminated_quote("a,b\n\"x\"\"y\",z\n"), None);
        assert_eq!(unterminated_quote("a,\"multi\nline\"\n"), None);
        assert_eq!(unterminated_quote("a\"b,c\n"), None);
        assert_eq!(unterminated_quote(""), None);
    }
}
