//! [`PkitError`]: the one error of the bindings (Kotlin `PkitException`, Swift `PkitError`),
//! and the parsing of text arguments (dates, regions, periods) into core values.

use std::str::FromStr;

use crate::records::Issue;

/// How many issues the summary of an invalid document lists.
const SHOWN: usize = 10;

/// Why a call failed. Kotlin sees it as the sealed class `PkitException` (`catch (e:
/// PkitException.Invalid) { e.issues }`), Swift as `PkitError`, Python as the exception
/// `PkitError` with one subclass per variant.
///
/// No variant has a field named `message`: Kotlin's `Throwable.message` owns that name.
#[derive(Debug, Clone, PartialEq, thiserror::Error, uniffi::Error)]
pub enum PkitError {
    /// The document has errors; `issues` lists every issue, errors and warnings, in document
    /// order.
    #[error("{summary}")]
    Invalid {
        /// Every issue of the document.
        issues: Vec<Issue>,
        /// The issues for a person, as every binding shows them: the counts, then the first
        /// ten issues one per line (`invalid registry: 2 errors` ...).
        summary: String,
    },
    /// The document breaks a limit of the spec (256 MiB, nesting 64, strings of 1 MiB);
    /// nothing of it was built.
    #[error("the document is too large to load: {reason}")]
    LimitExceeded {
        /// Which limit, and by how much.
        reason: String,
    },
    /// A file or directory could not be read or written.
    #[error("{path}: {reason}")]
    Io {
        /// The file or directory, as given.
        path: String,
        /// What the operating system said.
        reason: String,
    },
    /// An argument is not valid text for its type: a date that is not `YYYY-MM-DD`, an
    /// unknown region, a malformed period.
    #[error("argument `{argument}`: {reason}")]
    InvalidArgument {
        /// The parameter's name (`on`, `region`, `period`).
        argument: String,
        /// The spec's code for the problem (`invalid_date`, `invalid_region`,
        /// `invalid_period`).
        code: String,
        /// What is wrong, for a person.
        reason: String,
    },
    /// A failure of a kind this version of the bindings does not know (the core's error type
    /// may grow).
    #[error("{reason}")]
    Other {
        /// What went wrong.
        reason: String,
    },
}

impl From<pkit::Error> for PkitError {
    fn from(error: pkit::Error) -> PkitError {
        match error {
            pkit::Error::Invalid(report) => PkitError::Invalid {
                issues: report.issues().iter().map(Issue::from).collect(),
                summary: report.summary(SHOWN),
            },
            pkit::Error::LimitExceeded(reason) => PkitError::LimitExceeded { reason },
            pkit::Error::Io { path, source } => PkitError::Io {
                path: path.display().to_string(),
                reason: source.to_string(),
            },
            other => PkitError::Other {
                reason: other.to_string(),
            },
        }
    }
}

/// Parses an argument given as text (a date, a region, a period) with the core's parser.
pub(crate) fn parse<T>(argument: &str, text: &str) -> Result<T, PkitError>
where
    T: FromStr<Err = pkit::value::ParseError>,
{
    text.parse()
        .map_err(|e: pkit::value::ParseError| PkitError::InvalidArgument {
            argument: argument.to_owned(),
            code: e.code().as_str().to_owned(),
            reason: e.message().to_owned(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use pkit::value::{Date, Period, Region};

    #[test]
    fn bad_arguments_are_errors_with_the_spec_code() {
        let err = parse::<Date>("on", "2024-02-30").unwrap_err();
        assert!(matches!(
            &err,
            PkitError::InvalidArgument { argument, code, .. } if argument == "on" && code == "invalid_date"
        ));
        assert!(err.to_string().contains("2024-02-30"), "{err}");
        let err = parse::<Region>("region", "PK-XX").unwrap_err();
        assert!(matches!(err, PkitError::InvalidArgument { code, .. } if code == "invalid_region"));
        let err = parse::<Period>("period", "FY2023-25").unwrap_err();
        assert!(matches!(err, PkitError::InvalidArgument { code, .. } if code == "invalid_period"));
        assert_eq!(
            parse::<Date>("on", "2024-02-29")
                .map(|d| d.to_string())
                .ok()
                .as_deref(),
            Some("2024-02-29")
        );
    }

    #[test]
    fn core_errors_keep_their_kind() {
        let err = PkitError::from(pkit::Registry::from_json("{}").unwrap_err());
        let PkitError::Invalid { issues, summary } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(issues.len(), 2);
        assert_eq!(err.to_string(), *summary);
        assert!(
            summary.starts_with("invalid registry: 2 errors\n  1:2: error missing_field: "),
            "{err}"
        );
        let limits = pkit::Limits {
            max_depth: 1,
            ..Default::default()
        };
        let err = pkit::Registry::from_json_with(r#"{"a": []}"#, &limits).unwrap_err();
        assert!(matches!(
            PkitError::from(err),
            PkitError::LimitExceeded { .. }
        ));
        let err = pkit::Registry::from_path("no/such/file.json").unwrap_err();
        assert!(
            matches!(PkitError::from(err), PkitError::Io { path, .. } if path == "no/such/file.json")
        );
    }
}
