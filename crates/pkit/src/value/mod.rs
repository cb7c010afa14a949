//! The small validated types of the format: dates, periods, ids, keys, countries, regions, and
//! the checks for text, URLs, e-mail addresses and company identifiers.
//!
//! Each type parses from the exact text form of SPEC.md §1.1 and prints back to it.

mod country;
mod country_codes;
mod date;
mod fiscal;
pub(crate) mod identifiers;
pub(crate) mod period;
mod slug;
mod text;

pub use country::{Country, Region, Subdivision};
pub use date::Date;
pub use fiscal::{FiscalSlot, FiscalYear};
pub use identifiers::{check_cuin, check_lei, check_ntn, ntn_taxpayer};
pub use period::{Period, PeriodForm};
pub use slug::{Key, Slug};
pub use text::{check_email, check_text, check_url, TextRule, EMAIL_MAX_CHARS, URL_MAX_CHARS};
pub(crate) use text::{EMAIL_PATTERN, URL_PATTERN};

pub use crate::issue::ParseError;

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
