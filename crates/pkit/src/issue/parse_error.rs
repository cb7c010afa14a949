//! [`ParseError`]: why one value fails its own check, and [`shorten`] for quoting values in
//! messages.

use super::Code;

/// Why a string is not a valid value of its format: the spec's code and a message.
///
/// # Example
/// ```
/// let err = "2024-02-30".parse::<pkit::value::Date>().unwrap_err();
/// assert_eq!(err.code(), pkit::Code::InvalidDate);
/// assert!(err.to_string().contains("2024-02-30"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ParseError {
    code: Code,
    message: String,
}

impl ParseError {
    pub(crate) fn new(code: Code, message: impl Into<String>) -> ParseError {
        ParseError {
            code,
            message: message.into(),
        }
    }

    /// `invalid_enum` for `text`, which is none of `allowed`: "`text` is not {noun}" (or "is
    /// not allowed here" without a noun), "expected one of" the allowed words.
    pub(crate) fn not_in_vocabulary(
        text: &str,
        noun: Option<&str>,
        allowed: &[&str],
    ) -> ParseError {
        let what = noun.map_or_else(|| "allowed here".to_owned(), str::to_owned);
        ParseError::new(
            Code::InvalidEnum,
            format!(
                "`{}` is not {what}: expected one of {}",
                shorten(text),
                allowed.join(", ")
            ),
        )
    }

    /// The issue code this failure is reported with.
    ///
    /// # Example
    /// ```
    /// let err = "pk".parse::<pkit::value::Country>().unwrap_err();
    /// assert_eq!(err.code(), pkit::Code::InvalidCountry);
    /// ```
    pub fn code(&self) -> Code {
        self.code
    }

    /// What is wrong, for a person.
    ///
    /// # Example
    /// ```
    /// let err = "Bad Id".parse::<pkit::value::Slug>().unwrap_err();
    /// assert!(err.message().contains("Bad Id"));
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// A value as quoted in a message: its first 60 characters, with `…` when it is longer.
pub(crate) fn shorten(s: &str) -> String {
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_errors_name_the_noun_or_say_not_allowed() {
        let named = ParseError::not_in_vocabulary("x", Some("a table"), &["a", "b"]);
        assert_eq!(named.code(), Code::InvalidEnum);
        assert_eq!(named.message(), "`x` is not a table: expected one of a, b");
        let plain = ParseError::not_in_vocabulary("x", None, &["a"]);
        assert_eq!(
            plain.message(),
            "`x` is not allowed here: expected one of a"
        );
    }

    #[test]
    fn long_values_are_shortened_to_sixty_characters() {
        assert_eq!(shorten("short"), "short");
        let long = "é".repeat(61);
        assert_eq!(shorten(&long), format!("{}…", "é".repeat(60)));
        assert_eq!(shorten(&"é".repeat(60)), "é".repeat(60));
    }
}
