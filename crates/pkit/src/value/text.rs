//! Checks for free text, URLs and e-mail addresses (SPEC §1.1).

use crate::issue::{shorten, Code, ParseError};

/// The rule a text field follows: its maximum length and whether it may hold line feeds.
///
/// # Example
/// ```
/// use pkit::value::{check_text, TextRule};
/// let name = TextRule::line(200);
/// assert!(check_text("  Indus Byteworks  ", name).is_ok());
/// assert!(check_text("two\nlines", name).is_err());
/// assert!(check_text("two\nlines", TextRule::paragraph(2000)).is_ok());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextRule {
    /// The most characters (Unicode scalar values) allowed.
    pub max_chars: usize,
    /// Whether line feeds are allowed (`scope` and `note`).
    pub line_feeds: bool,
}

impl TextRule {
    /// Names, issuers, publishers, entries, statements: one line of at most 200 characters.
    pub const NAME: TextRule = TextRule::line(200);
    /// Cities: one line of at most 100 characters.
    pub const CITY: TextRule = TextRule::line(100);
    /// Titles of publications: one line of at most 500 characters.
    pub const TITLE: TextRule = TextRule::line(500);
    /// Certificate numbers: one line of at most 60 characters.
    pub const CERTIFICATE_NUMBER: TextRule = TextRule::line(60);
    /// PSEB registrations: one line of at most 40 characters.
    pub const PSEB: TextRule = TextRule::line(40);
    /// Notes and scopes: at most 2000 characters, line feeds allowed.
    pub const NOTE: TextRule = TextRule::paragraph(2000);

    /// The JSON Schema pattern of the rule: no control characters (but line feeds where
    /// allowed), something besides white space.
    ///
    /// # Example
    /// ```
    /// use pkit::value::TextRule;
    /// assert_ne!(TextRule::NAME.pattern(), TextRule::NOTE.pattern());
    /// ```
    pub const fn pattern(self) -> &'static str {
        if self.line_feeds {
            TEXT_PARAGRAPH
        } else {
            TEXT_LINE
        }
    }

    /// A one-line text of at most `max_chars` characters.
    ///
    /// # Example
    /// ```
    /// assert!(!pkit::value::TextRule::line(200).line_feeds);
    /// ```
    pub const fn line(max_chars: usize) -> TextRule {
        TextRule {
            max_chars,
            line_feeds: false,
        }
    }

    /// A text of at most `max_chars` characters that may hold line feeds.
    ///
    /// # Example
    /// ```
    /// assert!(pkit::value::TextRule::paragraph(2000).line_feeds);
    /// ```
    pub const fn paragraph(max_chars: usize) -> TextRule {
        TextRule {
            max_chars,
            line_feeds: true,
        }
    }
}

/// Checks a text value: not empty after trimming, no control character, not too long.
///
/// # Errors
/// `empty_text` (which wins over the others), `invalid_text` or `text_too_long`.
///
/// # Example
/// ```
/// use pkit::{value::{check_text, TextRule}, Code};
/// assert_eq!(check_text(" \t ", TextRule::line(10)).unwrap_err().code(), Code::EmptyText);
/// assert_eq!(check_text("a\u{7f}", TextRule::line(10)).unwrap_err().code(), Code::InvalidText);
/// assert_eq!(check_text(&"é".repeat(11), TextRule::line(10)).unwrap_err().code(), Code::TextTooLong);
/// assert!(check_text(&"é".repeat(10), TextRule::line(10)).is_ok());
/// ```
pub fn check_text(s: &str, rule: TextRule) -> Result<(), ParseError> {
    if s.trim().is_empty() {
        return Err(ParseError::new(
            Code::EmptyText,
            "the text is empty (or only white space)",
        ));
    }
    // Control characters are single bytes in UTF-8 that never occur inside another character.
    let bad = |b: u8| (b < b' ' && !(rule.line_feeds && b == b'\n')) || b == 0x7f;
    if let Some(b) = s.bytes().find(|&b| bad(b)) {
        return Err(ParseError::new(
            Code::InvalidText,
            format!(
                "the text contains the control character U+{:04X}{}",
                u32::from(b),
                if rule.line_feeds {
                    ""
                } else {
                    "; this field is one line"
                }
            ),
        ));
    }
    // Byte length bounds the character count from above: skip counting short texts.
    if s.len() > rule.max_chars {
        let chars = s.chars().count();
        if chars > rule.max_chars {
            return Err(ParseError::new(
                Code::TextTooLong,
                format!(
                    "the text has {chars} characters; at most {} are allowed",
                    rule.max_chars
                ),
            ));
        }
    }
    Ok(())
}

/// One-line text: no control characters, something besides white space.
const TEXT_LINE: &str =
    "^[^\\u0000-\\u001F\\u007F]*[^\\s\\u0000-\\u001F\\u007F][^\\u0000-\\u001F\\u007F]*$";
/// Text that may hold line feeds.
const TEXT_PARAGRAPH: &str =
    "^[^\\u0000-\\u0009\\u000B-\\u001F\\u007F]*[^\\s\\u0000-\\u001F\\u007F][^\\u0000-\\u0009\\u000B-\\u001F\\u007F]*$";
/// The JSON Schema pattern of a URL: absolute http(s) with a host (the WHATWG parse is the
/// validator's).
pub(crate) const URL_PATTERN: &str = "^[hH][tT][tT][pP][sS]?://[^/?#\\s]+";
/// The JSON Schema pattern of an e-mail address: `local@domain` with a dot inside the domain.
pub(crate) const EMAIL_PATTERN: &str = "^[^@\\s]+@[^@\\s.][^@\\s]*\\.[^@\\s]*[^@\\s.]$";

/// The longest URL accepted, in characters.
pub const URL_MAX_CHARS: usize = 2048;
/// The longest e-mail address accepted, in characters.
pub const EMAIL_MAX_CHARS: usize = 254;

/// Checks a URL: absolute, scheme `http` or `https` (any case), with a host, ≤ 2048 characters,
/// parsed as a WHATWG URL.
///
/// # Errors
/// `invalid_url`.
///
/// # Example
/// ```
/// use pkit::value::check_url;
/// assert!(check_url("https://pseb.org.pk/").is_ok());
/// assert!(check_url("HTTPS://example.com").is_ok());
/// for bad in ["ftp://example.com", "example.com", "https://", "/relative"] {
///     assert!(check_url(bad).is_err(), "{bad}");
/// }
/// ```
pub fn check_url(s: &str) -> Result<(), ParseError> {
    let fail = |why: &str| {
        ParseError::new(
            Code::InvalidUrl,
            format!("`{}` is not a URL: {why}", shorten(s)),
        )
    };
    if s.chars().count() > URL_MAX_CHARS {
        return Err(fail("longer than 2048 characters"));
    }
    let url = url::Url::parse(s).map_err(|e| fail(&e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(fail("expected an http or https URL"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(fail("it has no host"));
    }
    Ok(())
}

/// Checks an e-mail address: `local@domain`, exactly one `@`, a dot inside the domain (not
/// first or last), no white space, ≤ 254 characters.
///
/// # Errors
/// `invalid_email`.
///
/// # Example
/// ```
/// use pkit::value::check_email;
/// assert!(check_email("info@pseb.org.pk").is_ok());
/// for bad in ["info.pseb.org.pk", "a b@x.pk", "info@localhost", "info@.pk", "@x.pk", "a@b@x.pk"] {
///     assert!(check_email(bad).is_err(), "{bad}");
/// }
/// ```
pub fn check_email(s: &str) -> Result<(), ParseError> {
    let ok = s.chars().count() <= EMAIL_MAX_CHARS
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && match s.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain
                        .find('.')
                        .is_some_and(|_| !domain.starts_with('.') && !domain.ends_with('.'))
            }
            None => false,
        };
    if ok {
        Ok(())
    } else {
        Err(ParseError::new(
            Code::InvalidEmail,
            format!(
                "`{}` is not an e-mail address: expected local@domain.tld without spaces",
                shorten(s)
            ),
        ))
    }
}
