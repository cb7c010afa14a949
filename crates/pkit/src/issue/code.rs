//! The stable issue codes of SPEC.md and their severities.

use std::fmt;

super::vocabulary! {
    /// How bad an [`Issue`](crate::issue::Issue) is.
    ///
    /// # Example
    /// ```
    /// use pkit::{Code, Severity};
    /// assert_eq!(Code::DateOrder.severity(), Severity::Error);
    /// assert_eq!(Code::BeyondTransition.severity(), Severity::Warning);
    /// assert_eq!(Severity::Warning.as_str(), "warning");
    /// ```
    pub enum Severity as "a severity" in "pkit" {
        /// The document is rejected.
        Error = "error",
        /// The document loads; the problem is reported.
        Warning = "warning",
    }
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $text:literal, )*) => {
        /// A stable issue code. Its text ([`Code::as_str`]) is the contract: it never changes.
        ///
        /// # Example
        /// ```
        /// use pkit::Code;
        /// assert_eq!(Code::InvalidDate.as_str(), "invalid_date");
        /// assert_eq!("invalid_date".parse::<Code>(), Ok(Code::InvalidDate));
        /// assert_eq!(Code::ALL.len(), 50);
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// Every code, in the order SPEC.md introduces them.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code's stable snake_case text.
            ///
            /// # Example
            /// ```
            /// assert_eq!(pkit::Code::LimitExceeded.as_str(), "limit_exceeded");
            /// ```
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)*
                }
            }
        }

        impl std::str::FromStr for Code {
            type Err = UnknownCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok(Code::$variant),)*
                    _ => Err(UnknownCode(s.to_owned())),
                }
            }
        }
    };
}

codes! {
    /// The document is larger, deeper or has a longer string than [`Limits`](crate::Limits) allow.
    LimitExceeded = "limit_exceeded",
    /// The text is not JSON.
    InvalidJson = "invalid_json",
    /// A JSON value of the wrong kind.
    InvalidType = "invalid_type",
    /// A required field is absent (or `null`).
    MissingField = "missing_field",
    /// A field the format does not define.
    UnknownField = "unknown_field",
    /// An object names the same key twice.
    DuplicateKey = "duplicate_key",
    /// A string outside the field's list of values.
    InvalidEnum = "invalid_enum",
    /// `schema_version` is not 1.
    UnsupportedVersion = "unsupported_version",
    /// Not a `YYYY-MM-DD` date in 1900..=2100.
    InvalidDate = "invalid_date",
    /// Not a slug id.
    InvalidId = "invalid_id",
    /// Not a snake_case key.
    InvalidKey = "invalid_key",
    /// A text that is empty after trimming.
    EmptyText = "empty_text",
    /// A text with a control character.
    InvalidText = "invalid_text",
    /// A text longer than its field allows.
    TextTooLong = "text_too_long",
    /// Not an officially assigned ISO 3166-1 alpha-2 code.
    InvalidCountry = "invalid_country",
    /// Not a region the field accepts.
    InvalidRegion = "invalid_region",
    /// Not an absolute http(s) URL with a host.
    InvalidUrl = "invalid_url",
    /// Not an e-mail address.
    InvalidEmail = "invalid_email",
    /// Not a whole number of US dollars in 0..=10^13.
    InvalidAmount = "invalid_amount",
    /// An integer outside its field's range.
    OutOfRange = "out_of_range",
    /// Not a period of a form the field accepts.
    InvalidPeriod = "invalid_period",
    /// A period that starts after `as_of`.
    PeriodInFuture = "period_in_future",
    /// A date (or year) after `as_of`.
    DateInFuture = "date_in_future",
    /// A second record with the same id.
    DuplicateId = "duplicate_id",
    /// A second company with the same NTN, CUIN or LEI.
    DuplicateIdentifier = "duplicate_identifier",
    /// A repeated value in a list of distinct values.
    DuplicateValue = "duplicate_value",
    /// A second record with the same key fields.
    DuplicateRecord = "duplicate_record",
    /// Export records whose periods overlap without being equal.
    OverlappingPeriods = "overlapping_periods",
    /// A date or period before the company was founded.
    BeforeFounding = "before_founding",
    /// An office abroad that is in Pakistan.
    DomesticOffice = "domestic_office",
    /// Not a National Tax Number.
    InvalidNtn = "invalid_ntn",
    /// Not a Corporate Unique Identification Number.
    InvalidCuin = "invalid_cuin",
    /// Not a Legal Entity Identifier (format or check digits).
    InvalidLei = "invalid_lei",
    /// An edition the certification scheme does not have.
    UnknownEdition = "unknown_edition",
    /// A CMMI level on a scheme that has none.
    LevelNotApplicable = "level_not_applicable",
    /// A CMMI-only field on another scheme.
    NotApplicable = "not_applicable",
    /// Two dates in the wrong order.
    DateOrder = "date_order",
    /// A certificate valid for longer than its scheme allows.
    ValidityTooLong = "validity_too_long",
    /// A certificate to a superseded edition that outlives the transition (warning).
    BeyondTransition = "beyond_transition",
    /// A CMMI 1.3 appraisal after 1.3 was withdrawn (warning).
    EditionWithdrawn = "edition_withdrawn",
    /// An APICTA category outside the known vocabulary (warning).
    UnknownCategory = "unknown_category",
    /// A total that differs from the sum of its parts by more than 1% (warning).
    InconsistentTotal = "inconsistent_total",
    /// A reference to a company the document does not have.
    UnknownCompany = "unknown_company",
    /// A reference to an initiative the document does not have.
    UnknownInitiative = "unknown_initiative",
    /// A reference to a lead the company does not have.
    UnknownLead = "unknown_lead",
    /// An agreement or office dated before the initiative it is credited to began.
    BeforeInitiative = "before_initiative",
    /// A lead, agreement or office credited to an initiative that was not held.
    InitiativeNotHeld = "initiative_not_held",
    /// A lead identified outside the attribution window of its initiative (warning).
    OutsideAttributionWindow = "outside_attribution_window",
    /// A lead or agreement whose counterparty is in Pakistan (warning).
    DomesticCounterparty = "domestic_counterparty",
    /// A value on a non-binding agreement, which counts in no contract total (warning).
    ValueOnNonBinding = "value_on_non_binding",
}

impl Code {
    /// The severity the spec gives this code.
    ///
    /// # Example
    /// ```
    /// use pkit::{Code, Severity};
    /// assert_eq!(Code::InconsistentTotal.severity(), Severity::Warning);
    /// ```
    pub fn severity(self) -> Severity {
        match self {
            Code::BeyondTransition
            | Code::EditionWithdrawn
            | Code::UnknownCategory
            | Code::InconsistentTotal
            | Code::OutsideAttributionWindow
            | Code::DomesticCounterparty
            | Code::ValueOnNonBinding => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A string that is not one of the spec's codes.
///
/// # Example
/// ```
/// assert!("no_such_code".parse::<pkit::Code>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an issue code of pkit")]
pub struct UnknownCode(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_severities_print_their_stable_text() {
        assert_eq!(Code::InvalidDate.to_string(), "invalid_date");
        assert_eq!(Code::LimitExceeded.to_string(), "limit_exceeded");
        assert_eq!(Severity::Error.to_string(), "error");
        assert_eq!(Severity::Warning.to_string(), "warning");
        for &code in Code::ALL {
            assert_eq!(code.to_string(), code.as_str());
            assert_eq!(code.as_str().parse::<Code>(), Ok(code));
        }
    }
}
