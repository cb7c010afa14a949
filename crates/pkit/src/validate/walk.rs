//! Reads a document into drafts in one pass, checking each value's kind and format.
//!
//! The [`Walker`] knows JSON and the value formats; which fields a record has and which check
//! each takes is the record's declaration ([`super::records`]). Relations between values
//! (dates against `as_of`, duplicates, editions of a scheme) are the rules' job
//! ([`super::rules`]).

use std::borrow::Cow;
use std::ops::RangeInclusive;
use std::str::FromStr;

use super::checked::{offset, Checked, Finish, Place, Placeholder};
use super::reader::{Integer, Kind, Reader, Stop};
use crate::issue::{shorten, Code, Issue, ParseError};
use crate::limits::Limits;
use crate::model::Unit;
use crate::value::{check_text, Period, PeriodForm, TextRule};

/// One field of a record: its name in the document, whether it is required, and how the
/// walker reads its value into the draft.
pub(crate) struct Field<D> {
    pub(crate) name: &'static str,
    pub(crate) required: bool,
    pub(crate) read: for<'a> fn(&mut Walker<'a>, &mut D) -> Res<()>,
}

/// A record as read: its fields ([`Draft::FIELDS`], read by name), where it stands, and the
/// model's record it becomes.
pub(crate) trait Draft: Default + Finish + Placeholder + 'static {
    /// The record's fields, in the order of the spec.
    const FIELDS: &'static [Field<Self>];
    /// Where the record stands in the document.
    fn place(&self) -> Place;
    /// Where the record stands, to set.
    fn place_mut(&mut self) -> &mut Place;
}

/// An issue and the byte offset it is ordered by.
#[derive(Debug)]
pub(crate) struct Located {
    pub(crate) at: u32,
    pub(crate) issue: Issue,
}

/// One step of the path the walker is at.
enum Step<'a> {
    Key(Cow<'a, str>),
    Index(usize),
}

/// Appends `key` to a JSON Pointer, escaped per RFC 6901.
fn push_pointer(path: &mut String, key: &str) {
    path.push('/');
    for c in key.chars() {
        match c {
            '~' => path.push_str("~0"),
            '/' => path.push_str("~1"),
            c => path.push(c),
        }
    }
}

/// Reads a document value by value, keeping the JSON Pointer of where it is and the issues of
/// each value's own check.
pub(crate) struct Walker<'a> {
    text: &'a str,
    r: Reader<'a>,
    path: Vec<Step<'a>>,
    issues: Vec<Located>,
}

impl<'a> Walker<'a> {
    /// A walker at the start of `text`, reading within `limits`.
    pub(crate) fn new(text: &'a str, limits: Limits) -> Walker<'a> {
        Walker {
            text,
            r: Reader::new(text, limits),
            path: Vec::new(),
            issues: Vec::new(),
        }
    }
}

/// What reading a value gives, unless the text stops being readable JSON.
pub(crate) type Res<T> = Result<T, Stop>;

/// The one issue for a document that could not be read.
pub(crate) fn stop_issue(text: &str, stop: Stop, limits: Limits) -> Issue {
    match stop {
        Stop::Limit(message) => Issue::new(Code::LimitExceeded, "", message),
        Stop::Syntax {
            at,
            message,
            in_string,
            depth,
        } => {
            if let Some(message) =
                super::reader::limit_after_syntax_error(text, at, in_string, depth, limits)
            {
                return Issue::new(Code::LimitExceeded, "", message);
            }
            Issue::not_json(text, at, &message)
        }
    }
}

/// Checks an integer: `invalid_type` for a non-integer, `out_of_range` outside `range`.
pub(crate) fn check_integer(n: Integer, range: RangeInclusive<u64>) -> Result<u64, (Code, String)> {
    match n {
        Integer::Fractional => Err((
            Code::InvalidType,
            "expected an integer (no fraction or exponent)".into(),
        )),
        Integer::Value(v) if range.contains(&v) => Ok(v),
        _ => Err((
            Code::OutOfRange,
            if *range.end() == u64::MAX {
                format!("expected an integer of at least {}", range.start())
            } else {
                format!("expected an integer in {}..={}", range.start(), range.end())
            },
        )),
    }
}

/// Checks whole US dollars: an integer in 0..=10^13, else `invalid_amount`.
pub(crate) fn check_usd(n: Integer) -> Result<u64, (Code, String)> {
    match n {
        Integer::Value(v) if v <= Unit::Usd.max() => Ok(v),
        _ => Err((
            Code::InvalidAmount,
            format!(
                "expected whole US dollars: an integer in 0..={}, without fraction or exponent",
                Unit::Usd.max()
            ),
        )),
    }
}

impl<'a> Walker<'a> {
    fn pointer(&self) -> String {
        let mut path = String::new();
        for step in &self.path {
            match step {
                Step::Key(k) => push_pointer(&mut path, k),
                Step::Index(i) => {
                    path.push('/');
                    path.push_str(&i.to_string());
                }
            }
        }
        path
    }

    fn issue(&mut self, at: usize, code: Code, message: impl Into<String>) {
        let issue = Issue::new(code, self.pointer(), message);
        self.issues.push(Located {
            at: offset(at),
            issue,
        });
    }

    fn parse_error(&mut self, at: usize, e: ParseError) {
        self.issue(at, e.code(), e.message().to_owned());
    }

    /// Reports a value of the wrong kind and skips it.
    fn wrong_kind(&mut self, kind: Kind, expected: &str) -> Res<()> {
        let at = self.r.pos();
        self.r.skip()?;
        self.issue(
            at,
            Code::InvalidType,
            format!("expected {expected}, found {}", kind.noun()),
        );
        Ok(())
    }

    /// Reads an object of `fields` into `draft`, calling each present, non-null field's reader
    /// (the reader is then at its value); returns where the object stood. Reports unknown and
    /// repeated keys, `null` in required fields, and missing required fields. The reader must
    /// be at an object.
    fn fields<D>(&mut self, fields: &[Field<D>], draft: &mut D) -> Res<Place> {
        let at = self.r.pos();
        self.r.begin_object()?;
        let mut seen: u32 = 0;
        // A set, not a list: 100,000 unknown keys would take a minute to search one by one
        // (found by the pathological-input tests). Empty sets do not allocate.
        let mut unknown_seen: rustc_hash::FxHashSet<Cow<'a, str>> = Default::default();
        let mut first = true;
        while let Some((key, key_at)) = self.r.next_key(first)? {
            first = false;
            let known = fields.iter().position(|f| f.name == key);
            let repeated = match known {
                Some(i) => seen & (1 << i) != 0,
                None => unknown_seen.contains(&key),
            };
            self.path.push(Step::Key(key.clone()));
            if repeated {
                self.issue(
                    key_at,
                    Code::DuplicateKey,
                    format!(
                        "the key `{}` appears more than once; only the first is read",
                        shorten(&key)
                    ),
                );
                self.r.skip()?;
            } else if let Some(i) = known {
                seen |= 1 << i;
                let kind = self.r.peek()?;
                if kind == Kind::Null {
                    let value_at = self.r.pos();
                    self.r.null()?;
                    if fields[i].required {
                        self.issue(
                            value_at,
                            Code::InvalidType,
                            format!("`{key}` is required and cannot be null"),
                        );
                    }
                } else {
                    (fields[i].read)(self, draft)?;
                }
            } else {
                self.issue(
                    key_at,
                    Code::UnknownField,
                    format!("unknown field `{}`", shorten(&key)),
                );
                unknown_seen.insert(key);
                self.r.skip()?;
            }
            self.path.pop();
        }
        let end = self.r.pos() - 1;
        for (i, f) in fields.iter().enumerate() {
            if f.required && seen & (1 << i) == 0 {
                self.missing(end, f.name);
            }
        }
        Ok(Place {
            index: 0,
            at: offset(at),
            end: offset(end),
        })
    }

    /// Reads a record (a JSON object) by its declared fields.
    pub(crate) fn record<D: Draft>(&mut self) -> Res<Checked<D>> {
        let kind = self.r.peek()?;
        if kind != Kind::Object {
            self.wrong_kind(kind, "an object")?;
            return Ok(Checked::invalid());
        }
        let at = self.r.pos();
        let mut draft = D::default();
        let place = self.fields(D::FIELDS, &mut draft)?;
        *draft.place_mut() = place;
        Ok(Checked::at(draft, at))
    }

    /// Reads an array of records, each with its index; an element that is not an object is
    /// reported and left out. Each record is read in place, at the end of the list.
    pub(crate) fn records<D: Draft>(&mut self) -> Res<Vec<D>> {
        let kind = self.r.peek()?;
        if kind != Kind::Array {
            self.wrong_kind(kind, "an array")?;
            return Ok(Vec::new());
        }
        self.r.begin_array()?;
        let mut records: Vec<D> = Vec::new();
        let mut index = 0;
        while self.r.next_element(index == 0)? {
            self.path.push(Step::Index(index));
            let kind = self.r.peek()?;
            if kind == Kind::Object {
                records.push(D::default());
                if let Some(draft) = records.last_mut() {
                    let mut place = self.fields(D::FIELDS, draft)?;
                    place.index = offset(index);
                    *draft.place_mut() = place;
                }
            } else {
                self.wrong_kind(kind, "an object")?;
            }
            self.path.pop();
            index += 1;
        }
        // A vector grows to at least four elements, and most companies have one or two
        // offices, certificates and awards: shrinking each list once read keeps the drafts
        // (and the registry built from them in place) under three times the document's size.
        records.shrink_to_fit();
        Ok(records)
    }

    /// Reports the required field `name` of the current object as missing.
    fn missing(&mut self, end: usize, name: &'static str) {
        self.path.push(Step::Key(Cow::Borrowed(name)));
        self.issue(
            end,
            Code::MissingField,
            format!("the required field `{name}` is missing"),
        );
        self.path.pop();
    }

    /// Reads an array, each element with `item`.
    pub(crate) fn list<T: Placeholder>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Res<Checked<T>>,
    ) -> Res<Vec<Checked<T>>> {
        let kind = self.r.peek()?;
        if kind != Kind::Array {
            self.wrong_kind(kind, "an array")?;
            return Ok(Vec::new());
        }
        self.r.begin_array()?;
        let mut items = Vec::new();
        while self.r.next_element(items.is_empty())? {
            self.path.push(Step::Index(items.len()));
            items.push(item(self)?);
            self.path.pop();
        }
        // A vector grows to at least four elements, and most companies have one or two
        // offices, certificates and awards: shrinking each list once read keeps the drafts
        // (and the registry built from them in place) under three times the document's size.
        items.shrink_to_fit();
        Ok(items)
    }

    /// Reads a string, or reports the wrong kind.
    fn string(&mut self) -> Res<Option<(Cow<'a, str>, usize)>> {
        let kind = self.r.peek()?;
        if kind != Kind::String {
            self.wrong_kind(kind, "a string")?;
            return Ok(None);
        }
        let at = self.r.pos();
        Ok(Some((self.r.string()?, at)))
    }

    /// Reads any string (an edition, which the rules check against its scheme).
    pub(crate) fn any_string(&mut self) -> Res<Checked<String>> {
        Ok(match self.string()? {
            Some((s, at)) => Checked::at(s.into_owned(), at),
            None => Checked::invalid(),
        })
    }

    /// Reads a string and parses it with `parse`.
    fn parsed_with<T: Placeholder>(
        &mut self,
        parse: impl FnOnce(&str) -> Result<T, ParseError>,
    ) -> Res<Checked<T>> {
        let Some((s, at)) = self.string()? else {
            return Ok(Checked::invalid());
        };
        Ok(match parse(&s) {
            Ok(v) => Checked::at(v, at),
            Err(e) => {
                self.parse_error(at, e);
                Checked::invalid()
            }
        })
    }

    /// Reads a string and checks it with `check`.
    pub(crate) fn checked(
        &mut self,
        check: impl FnOnce(&str) -> Result<(), ParseError>,
    ) -> Res<Checked<String>> {
        let Some((s, at)) = self.string()? else {
            return Ok(Checked::invalid());
        };
        Ok(match check(&s) {
            Ok(()) => Checked::at(s.into_owned(), at),
            Err(e) => {
                self.parse_error(at, e);
                Checked::invalid()
            }
        })
    }

    /// Reads a text of `rule`.
    pub(crate) fn text(&mut self, rule: TextRule) -> Res<Checked<String>> {
        self.checked(|s| check_text(s, rule))
    }

    /// Reads a string and parses it as `T`.
    pub(crate) fn parsed<T: FromStr<Err = ParseError> + Placeholder>(&mut self) -> Res<Checked<T>> {
        self.parsed_with(|s| s.parse())
    }

    /// Reads a period of one of `forms`.
    pub(crate) fn period(&mut self, forms: &[PeriodForm]) -> Res<Checked<Period>> {
        self.parsed_with(|s| Period::parse_form(s, forms))
    }

    /// Reads a JSON number, whose check depends on another field (an observation's value).
    pub(crate) fn number(&mut self) -> Res<Checked<Integer>> {
        let kind = self.r.peek()?;
        if kind != Kind::Number {
            self.wrong_kind(kind, "a number")?;
            return Ok(Checked::invalid());
        }
        let at = self.r.pos();
        let n = self.r.number()?;
        Ok(Checked::at(n.integer(), at))
    }

    /// Reads a number and checks it with `check`.
    fn number_checked(
        &mut self,
        check: impl FnOnce(Integer) -> Result<u64, (Code, String)>,
    ) -> Res<Checked<u64>> {
        let number = self.number()?;
        let Some(n) = number.valid() else {
            return Ok(Checked::invalid());
        };
        Ok(match check(n.v) {
            Ok(v) => Checked::at(v, n.at as usize),
            Err((code, message)) => {
                self.issue(n.at as usize, code, message);
                Checked::invalid()
            }
        })
    }

    /// Reads an integer in `range` (`invalid_type` for a non-integer, `out_of_range`).
    pub(crate) fn integer(&mut self, range: RangeInclusive<u64>) -> Res<Checked<u64>> {
        self.number_checked(|n| check_integer(n, range))
    }

    /// Reads an integer in `range` of a narrow type (a CMMI level, an award year).
    pub(crate) fn small<T>(&mut self, range: RangeInclusive<T>) -> Res<Checked<T>>
    where
        T: Copy + Into<u64> + TryFrom<u64> + Placeholder,
    {
        let (start, end) = (*range.start(), *range.end());
        let wide = self.integer(start.into()..=end.into())?;
        // In range, so the value fits.
        Ok(wide.map(|v| T::try_from(v).unwrap_or(end)))
    }

    /// Reads whole US dollars (`invalid_amount` for anything but an integer in 0..=10^13).
    pub(crate) fn usd(&mut self) -> Res<Checked<u64>> {
        self.number_checked(check_usd)
    }

    /// Reads the top-level value into `draft` by `fields`; false when it is not an object (an
    /// `invalid_type` is reported). The whole text is read either way.
    pub(crate) fn document<D>(&mut self, fields: &[Field<D>], draft: &mut D) -> Res<bool> {
        let kind = self.r.peek()?;
        if kind != Kind::Object {
            self.r.skip()?;
            self.r.finish()?;
            self.issue(
                0,
                Code::InvalidType,
                format!("the document must be a JSON object, found {}", kind.noun()),
            );
            return Ok(false);
        }
        self.fields(fields, draft)?;
        self.r.finish()?;
        Ok(true)
    }

    /// Reports an issue at the top-level field `key`, whose value is at `at`.
    pub(crate) fn issue_at_key(
        &mut self,
        key: &'static str,
        at: usize,
        code: Code,
        message: impl Into<String>,
    ) {
        self.path.push(Step::Key(Cow::Borrowed(key)));
        self.issue(at, code, message);
        self.path.pop();
    }

    /// The text from byte offset `at` on.
    pub(crate) fn text_from(&self, at: usize) -> &'a str {
        self.text.get(at..).unwrap_or("")
    }

    /// The issues found, in the order they were found.
    pub(crate) fn into_issues(self) -> Vec<Located> {
        self.issues
    }
}
