//! [`Location`]: where in the text an issue's value was read, whatever the source.

use std::fmt;

use serde::Serialize;

/// Where in the text an issue's value was read: the file (for a registry read from several
/// files), the line, and the column when the issue is about one cell.
///
/// Issues of a registry read from CSV carry one (`certifications.csv:12:expires_on`); the
/// JSON Pointer [`Issue::path`](crate::issue::Issue::path) says where the value sits in the document
/// either way.
///
/// # Example
/// ```
/// use pkit::issue::{LocationColumn, Location};
/// let at = Location {
///     file: Some("certifications.csv".into()),
///     line: 12,
///     column: Some(LocationColumn::Header("expires_on".into())),
/// };
/// assert_eq!(at.to_string(), "certifications.csv:12:expires_on");
/// assert_eq!(Location { file: None, line: 3, column: Some(LocationColumn::Char(14)) }.to_string(), "3:14");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Location {
    /// The file within a source of several files (`certifications.csv` of a CSV directory);
    /// `None` for a source that is one text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The line, from 1 (in a CSV file the header is line 1).
    pub line: u64,
    /// The column, when the issue is about one value of the line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<LocationColumn>,
}

/// The column of a [`Location`].
///
/// # Example
/// ```
/// use pkit::issue::LocationColumn;
/// assert_eq!(LocationColumn::Header("as_of".into()).to_string(), "as_of");
/// assert_eq!(LocationColumn::Char(7).to_string(), "7");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
pub enum LocationColumn {
    /// A CSV column, by its header.
    Header(String),
    /// A character of the line, from 1.
    Char(u64),
}

impl Location {
    /// The location of the cell under `header` on `line` of the CSV file `file` (the whole
    /// line when `header` is `None`).
    ///
    /// # Example
    /// ```
    /// let at = pkit::issue::Location::csv("companies.csv", 2, Some("founded_on"));
    /// assert_eq!(at.to_string(), "companies.csv:2:founded_on");
    /// ```
    pub fn csv(file: &str, line: u64, header: Option<&str>) -> Location {
        Location {
            file: Some(file.to_owned()),
            line,
            column: header.map(|h| LocationColumn::Header(h.to_owned())),
        }
    }

    /// The line and column (both from 1, the column in characters) of the byte offset `at` of
    /// `text`; an offset past the end is the end.
    ///
    /// # Example
    /// ```
    /// let at = pkit::issue::Location::in_text("ab\ncé\nx", 6);
    /// assert_eq!(at.to_string(), "2:3");
    /// ```
    pub fn in_text(text: &str, at: usize) -> Location {
        Locator::new(text).locate(at)
    }
}

/// The lines and columns of many byte offsets of one text: in one pass over the text when the
/// offsets come in order (as a document's issues do), however long its lines.
pub(crate) struct Locator<'a> {
    text: &'a str,
    /// The offset located last (a character boundary).
    pos: usize,
    /// Its line, from 1.
    line: u64,
    /// Its column in characters, from 1.
    column: u64,
}

impl<'a> Locator<'a> {
    /// A locator at the start of `text`.
    pub(crate) fn new(text: &'a str) -> Locator<'a> {
        Locator {
            text,
            pos: 0,
            line: 1,
            column: 1,
        }
    }

    /// The line and column of the byte offset `at`; an offset past the end is the end, and a
    /// cut inside a character counts from the character's start.
    pub(crate) fn locate(&mut self, at: usize) -> Location {
        let mut at = at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        if at < self.pos {
            *self = Locator::new(self.text);
        }
        let gap = &self.text.as_bytes()[self.pos..at];
        // Characters are the bytes that do not continue one.
        let chars = |bytes: &[u8]| bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64;
        match gap.iter().rposition(|&b| b == b'\n') {
            Some(last) => {
                self.line += gap.iter().filter(|&&b| b == b'\n').count() as u64;
                self.column = 1 + chars(&gap[last + 1..]);
            }
            None => self.column += chars(gap),
        }
        self.pos = at;
        Location {
            file: None,
            line: self.line,
            column: Some(LocationColumn::Char(self.column)),
        }
    }
}

impl fmt::Display for Location {
    /// `FILE:LINE[:COLUMN]`, or `LINE[:COLUMN]` without a file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}:")?;
        }
        write!(f, "{}", self.line)?;
        if let Some(column) = &self.column {
            write!(f, ":{column}")?;
        }
        Ok(())
    }
}

impl fmt::Display for LocationColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LocationColumn::Header(header) => f.write_str(header),
            LocationColumn::Char(n) => write!(f, "{n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns_in_characters() {
        let at = |text: &str, i| {
            let l = Location::in_text(text, i);
            (l.line, l.column)
        };
        assert_eq!(at("ab\ncé\nx", 6), (2, Some(LocationColumn::Char(3))));
        assert_eq!(at("{", 1), (1, Some(LocationColumn::Char(2))));
        assert_eq!(at("", 0), (1, Some(LocationColumn::Char(1))));
        assert_eq!(at("a\n", 99), (2, Some(LocationColumn::Char(1))));
        // Inside `é` (bytes 1..3): the character's own column.
        assert_eq!(at("aé", 2), (1, Some(LocationColumn::Char(2))));
    }

    #[test]
    fn a_locator_agrees_with_one_offset_at_a_time_in_any_order() {
        let text = "{\n  \"é\": [1,\n2],\r\n\"x\"\u{1F600}: 3\n}";
        let mut locator = Locator::new(text);
        let mut offsets: Vec<usize> = (0..=text.len() + 2).collect();
        offsets.extend([30, 3, 3, 0, 17]);
        for at in offsets {
            let expected = {
                let at = (0..=at.min(text.len()))
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(0);
                let before = &text[..at];
                let line = before.matches('\n').count() as u64 + 1;
                let start = before.rfind('\n').map_or(0, |i| i + 1);
                (line, before[start..].chars().count() as u64 + 1)
            };
            let got = locator.locate(at);
            assert_eq!(
                (got.line, got.column),
                (expected.0, Some(LocationColumn::Char(expected.1))),
                "at {at}"
            );
        }
    }

    #[test]
    fn locations_print_file_line_and_column() {
        assert_eq!(Location::csv("a.csv", 1, None).to_string(), "a.csv:1");
        assert_eq!(
            Location::csv("a.csv", 4, Some("id")).to_string(),
            "a.csv:4:id"
        );
        let json = Location::in_text("{\n  \"x\"", 4);
        assert_eq!(json.to_string(), "2:3");
    }
}
