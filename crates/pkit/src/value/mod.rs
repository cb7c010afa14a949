//! The small validated types of the format: dates, periods, ids, keys, countries, regions, and
//! the checks for text, URLs, e-mail addresses and company identifiers.
//!
//! Each type parses from the exact text form of SPEC.md §1.1 and prints back to it.

mod country;
mod country_codes;
mod date;
pub(crate) mod identifiers;
pub(crate) mod period;
mod slug;
mod text;

pub use country::{Country, Region, Subdivision};
pub use date::Date;
pub use identifiers::{check_cuin, check_lei, check_ntn, ntn_taxpayer};
pub use period::{Period, PeriodForm};
pub use slug::{Key, Slug};
pub(crate) use text::shorten;
pub use text::{check_email, check_text, check_url, TextRule};

use crate::validate::Code;

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

/// Serializes a value through its `Display` form (dates, periods, codes).
macro_rules! serialize_display {
    ($($t:ty),*) => {$(
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    )*};
}
pub(crate) use serialize_display;
