//! A pull parser for JSON text that enforces [`Limits`] as it reads.
//!
//! The document walker drives it value by value, so a document is read once, without building
//! a tree, and every value's byte offset is known (issues are ordered by it).

use std::borrow::Cow;

use crate::limits::Limits;

/// Why reading stopped: the text is not JSON, or it breaks a limit.
#[derive(Debug)]
pub(crate) enum Stop {
    /// Not JSON: the byte offset and what was expected.
    Syntax {
        at: usize,
        message: String,
        /// The reader was inside a string that started at this offset.
        in_string: Option<usize>,
        /// How deep the reader was.
        depth: u32,
    },
    /// A limit of [`Limits`] was exceeded.
    Limit(String),
}

/// The kind of the next JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Object,
    Array,
    String,
    Number,
    Bool,
    Null,
}

impl Kind {
    /// The kind as a person names it, for messages.
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Kind::Object => "an object",
            Kind::Array => "an array",
            Kind::String => "a string",
            Kind::Number => "a number",
            Kind::Bool => "a boolean",
            Kind::Null => "null",
        }
    }
}

/// A JSON number as written.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Number<'a> {
    pub(crate) text: &'a str,
    /// No fraction and no exponent.
    pub(crate) integer: bool,
}

/// What an integer literal means for a range check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Integer {
    /// A non-negative integer literal that fits in u64.
    Value(u64),
    /// An integer literal that is negative or too large for u64.
    OutOfRange,
    /// A number with a fraction or an exponent.
    Fractional,
}

impl Number<'_> {
    pub(crate) fn integer(self) -> Integer {
        if !self.integer {
            return Integer::Fractional;
        }
        if self.text.starts_with('-') {
            // `-0` is zero.
            return if self.text[1..].bytes().all(|b| b == b'0') {
                Integer::Value(0)
            } else {
                Integer::OutOfRange
            };
        }
        self.text
            .parse()
            .map_or(Integer::OutOfRange, Integer::Value)
    }
}

pub(crate) struct Reader<'a> {
    text: &'a str,
    src: &'a [u8],
    pos: usize,
    depth: u32,
    limits: Limits,
}

type Result<T> = std::result::Result<T, Stop>;

impl<'a> Reader<'a> {
    pub(crate) fn new(text: &'a str, limits: Limits) -> Reader<'a> {
        Reader {
            text,
            src: text.as_bytes(),
            pos: 0,
            depth: 0,
            limits,
        }
    }

    /// The offset of the next byte (after [`Reader::peek`], the start of the value).
    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    fn syntax(&self, message: impl Into<String>) -> Stop {
        Stop::Syntax {
            at: self.pos,
            message: message.into(),
            in_string: None,
            depth: self.depth,
        }
    }

    fn unexpected(&self, expected: &str) -> Stop {
        match self.text[self.pos..].chars().next() {
            None => self.syntax(format!(
                "unexpected end of the document; expected {expected}"
            )),
            Some(c) => self.syntax(format!("unexpected {c:?}; expected {expected}")),
        }
    }

    #[inline]
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.src.get(self.pos) {
            self.pos += 1;
        }
    }

    /// Skips white space and tells the kind of the next value.
    #[inline]
    pub(crate) fn peek(&mut self) -> Result<Kind> {
        self.skip_ws();
        match self.src.get(self.pos) {
            Some(b'{') => Ok(Kind::Object),
            Some(b'[') => Ok(Kind::Array),
            Some(b'"') => Ok(Kind::String),
            Some(b'-' | b'0'..=b'9') => Ok(Kind::Number),
            Some(b't' | b'f') => Ok(Kind::Bool),
            Some(b'n') => Ok(Kind::Null),
            _ => Err(self.unexpected("a JSON value")),
        }
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > self.limits.max_depth {
            return Err(Stop::Limit(format!(
                "the document is nested deeper than {} levels",
                self.limits.max_depth
            )));
        }
        self.pos += 1;
        Ok(())
    }

    /// Consumes `{`; call after `peek` returned [`Kind::Object`].
    pub(crate) fn begin_object(&mut self) -> Result<()> {
        self.enter()
    }

    /// Moves to the next key of the current object, or past its `}`.
    /// Returns the key and the offset where it starts; the reader is then at the value.
    #[inline]
    pub(crate) fn next_key(&mut self, first: bool) -> Result<Option<(Cow<'a, str>, usize)>> {
        self.skip_ws();
        match self.src.get(self.pos) {
            Some(b'}') => {
                self.pos += 1;
                self.depth -= 1;
                return Ok(None);
            }
            Some(b',') if !first => {
                self.pos += 1;
                self.skip_ws();
            }
            _ if !first => return Err(self.unexpected("`,` or `}`")),
            _ => {}
        }
        if self.src.get(self.pos) != Some(&b'"') {
            return Err(self.unexpected("a key in double quotes"));
        }
        let at = self.pos;
        let key = self.string()?;
        self.skip_ws();
        if self.src.get(self.pos) != Some(&b':') {
            return Err(self.unexpected("`:`"));
        }
        self.pos += 1;
        Ok(Some((key, at)))
    }

    /// Consumes `[`; call after `peek` returned [`Kind::Array`].
    pub(crate) fn begin_array(&mut self) -> Result<()> {
        self.enter()
    }

    /// Moves to the next element of the current array (true), or past its `]` (false).
    #[inline]
    pub(crate) fn next_element(&mut self, first: bool) -> Result<bool> {
        self.skip_ws();
        match self.src.get(self.pos) {
            Some(b']') => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            Some(b',') if !first => {
                self.pos += 1;
                Ok(true)
            }
            _ if !first => Err(self.unexpected("`,` or `]`")),
            _ => Ok(true),
        }
    }

    /// Reads a string; call after `peek` returned [`Kind::String`].
    #[inline]
    pub(crate) fn string(&mut self) -> Result<Cow<'a, str>> {
        let start = self.pos + 1;
        let mut i = start;
        loop {
            match self.src.get(i) {
                Some(b'"') => {
                    self.check_string_len(i - start)?;
                    self.pos = i + 1;
                    return Ok(Cow::Borrowed(&self.text[start..i]));
                }
                Some(b'\\') => return self.escaped_string(start, i).map(Cow::Owned),
                Some(&b) if b < 0x20 => {
                    self.pos = i;
                    return Err(self.in_string(
                        start,
                        format!("control character U+{b:04X} inside a string must be escaped"),
                    ));
                }
                Some(_) => i += 1,
                None => {
                    self.pos = i;
                    return Err(
                        self.in_string(start, "unexpected end of the document inside a string")
                    );
                }
            }
        }
    }

    /// A syntax error inside the string whose content starts at `start`.
    fn in_string(&self, start: usize, message: impl Into<String>) -> Stop {
        Stop::Syntax {
            at: self.pos,
            message: message.into(),
            // The scan after the error counts from the opening quote.
            in_string: Some(start.saturating_sub(1)),
            depth: self.depth,
        }
    }

    fn check_string_len(&self, len: usize) -> Result<()> {
        if len > self.limits.max_string_bytes {
            return Err(Stop::Limit(format!(
                "a string is longer than {} bytes",
                self.limits.max_string_bytes
            )));
        }
        Ok(())
    }

    fn escaped_string(&mut self, start: usize, first_escape: usize) -> Result<String> {
        let mut out = String::with_capacity(first_escape - start + 16);
        out.push_str(&self.text[start..first_escape]);
        let mut i = first_escape;
        loop {
            self.check_string_len(out.len())?;
            match self.src.get(i) {
                Some(b'"') => {
                    self.pos = i + 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let c = match self.src.get(i + 1) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let (c, len) = self.unicode_escape(start, i)?;
                            out.push(c);
                            i += len;
                            continue;
                        }
                        _ => {
                            self.pos = i;
                            return Err(self.in_string(start, "invalid escape in a string"));
                        }
                    };
                    out.push(c);
                    i += 2;
                }
                Some(&b) if b < 0x20 => {
                    self.pos = i;
                    return Err(self.in_string(
                        start,
                        format!("control character U+{b:04X} inside a string must be escaped"),
                    ));
                }
                Some(_) => {
                    // Copy the run up to the next quote, backslash or control character.
                    let run_end = self.src[i..]
                        .iter()
                        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                        .map_or(self.src.len(), |n| i + n);
                    out.push_str(&self.text[i..run_end]);
                    i = run_end;
                }
                None => {
                    self.pos = i;
                    return Err(
                        self.in_string(start, "unexpected end of the document inside a string")
                    );
                }
            }
        }
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let digits = self.src.get(at..at + 4)?;
        digits.iter().try_fold(0u32, |acc, &b| {
            char::from(b).to_digit(16).map(|d| acc * 16 + d)
        })
    }

    /// Decodes `\uXXXX` (and a following low surrogate) at `i`; returns the char and the bytes used.
    fn unicode_escape(&mut self, start: usize, i: usize) -> Result<(char, usize)> {
        let bad = |r: &mut Reader<'a>, why: &str| {
            r.pos = i;
            Err(r.in_string(start, why.to_owned()))
        };
        let Some(hi) = self.hex4(i + 2) else {
            return bad(
                self,
                "invalid \\u escape in a string: expected four hex digits",
            );
        };
        match hi {
            0xD800..=0xDBFF => {
                let lo = (self.src.get(i + 6..i + 8) == Some(b"\\u"))
                    .then(|| self.hex4(i + 8))
                    .flatten();
                match lo {
                    Some(lo @ 0xDC00..=0xDFFF) => {
                        let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                        match char::from_u32(c) {
                            Some(c) => Ok((c, 12)),
                            None => bad(self, "invalid surrogate pair in a string"),
                        }
                    }
                    _ => bad(self, "lone leading surrogate in a \\u escape"),
                }
            }
            0xDC00..=0xDFFF => bad(self, "lone trailing surrogate in a \\u escape"),
            _ => match char::from_u32(hi) {
                Some(c) => Ok((c, 6)),
                None => bad(self, "invalid \\u escape"),
            },
        }
    }

    /// Reads a number; call after `peek` returned [`Kind::Number`].
    #[inline]
    pub(crate) fn number(&mut self) -> Result<Number<'a>> {
        let start = self.pos;
        let mut i = start;
        let digits = |i: &mut usize, src: &[u8]| {
            let s = *i;
            while src.get(*i).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            }
            *i - s
        };
        if self.src.get(i) == Some(&b'-') {
            i += 1;
        }
        match self.src.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                digits(&mut i, self.src);
            }
            _ => {
                self.pos = i;
                return Err(self.unexpected("a digit"));
            }
        }
        let mut integer = true;
        if self.src.get(i) == Some(&b'.') {
            i += 1;
            integer = false;
            if digits(&mut i, self.src) == 0 {
                self.pos = i;
                return Err(self.unexpected("a digit after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.src.get(i) {
            i += 1;
            integer = false;
            if let Some(b'+' | b'-') = self.src.get(i) {
                i += 1;
            }
            if digits(&mut i, self.src) == 0 {
                self.pos = i;
                return Err(self.unexpected("a digit in the exponent"));
            }
        }
        self.pos = i;
        Ok(Number {
            text: &self.text[start..i],
            integer,
        })
    }

    fn literal(&mut self, word: &str) -> Result<()> {
        if self.src[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.unexpected(&format!("`{word}`")))
        }
    }

    /// Reads `true` or `false`; call after `peek` returned [`Kind::Bool`].
    pub(crate) fn boolean(&mut self) -> Result<bool> {
        if self.src.get(self.pos) == Some(&b't') {
            self.literal("true").map(|()| true)
        } else {
            self.literal("false").map(|()| false)
        }
    }

    /// Reads `null`; call after `peek` returned [`Kind::Null`].
    pub(crate) fn null(&mut self) -> Result<()> {
        self.literal("null")
    }

    /// Reads and discards the next value, checking its syntax and limits.
    pub(crate) fn skip(&mut self) -> Result<()> {
        match self.peek()? {
            Kind::Object => {
                self.begin_object()?;
                let mut first = true;
                while self.next_key(first)?.is_some() {
                    first = false;
                    self.skip()?;
                }
                Ok(())
            }
            Kind::Array => {
                self.begin_array()?;
                let mut first = true;
                while self.next_element(first)? {
                    first = false;
                    self.skip()?;
                }
                Ok(())
            }
            Kind::String => self.string().map(drop),
            Kind::Number => self.number().map(drop),
            Kind::Bool => self.boolean().map(drop),
            Kind::Null => self.null(),
        }
    }

    /// Checks that nothing but white space follows the top-level value.
    pub(crate) fn finish(&mut self) -> Result<()> {
        self.skip_ws();
        if self.pos < self.src.len() {
            return Err(self.unexpected("the end of the document after the top-level value"));
        }
        Ok(())
    }
}

/// After a syntax error, looks through the rest of the text for a broken limit, so that
/// `limit_exceeded` wins over `invalid_json` wherever the two occur (SPEC §2.1). This is a
/// lexical scan: strings and brackets only.
pub(crate) fn limit_after_syntax_error(
    text: &str,
    at: usize,
    in_string: Option<usize>,
    depth: u32,
    limits: Limits,
) -> Option<String> {
    let src = text.as_bytes();
    let mut depth = depth;
    let mut string_start = in_string;
    let mut i = at;
    let too_long = || {
        Some(format!(
            "a string is longer than {} bytes",
            limits.max_string_bytes
        ))
    };
    while i < src.len() {
        let b = src[i];
        match string_start {
            Some(start) => match b {
                b'\\' => i += 1,
                b'"' => {
                    if i.saturating_sub(start + 1) > limits.max_string_bytes {
                        return too_long();
                    }
                    string_start = None;
                }
                _ => {}
            },
            None => match b {
                b'"' => string_start = Some(i),
                b'{' | b'[' => {
                    depth += 1;
                    if depth > limits.max_depth {
                        return Some(format!(
                            "the document is nested deeper than {} levels",
                            limits.max_depth
                        ));
                    }
                }
                b'}' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        i += 1;
    }
    match string_start {
        Some(start) if src.len().saturating_sub(start + 1) > limits.max_string_bytes => too_long(),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
