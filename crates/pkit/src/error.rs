//! [`Error`]: the one error type of the core.

use std::path::PathBuf;

use crate::issue::Report;

/// Why a registry could not be loaded.
///
/// # Example
/// ```
/// let err = pkit::Registry::from_json("{}").unwrap_err();
/// assert!(err.to_string().starts_with("invalid registry: 2 errors\n  1:2: error missing_field: "));
/// match err {
///     pkit::Error::Invalid(report) => assert_eq!(report.errors().count(), 2),
///     other => panic!("expected an invalid document, got {other:?}"),
/// }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The document has errors; the report lists every issue (warnings too). It displays as
    /// the report's [summary](Report::summary) of ten issues, as every binding shows it.
    #[error("{}", .0.summary(Error::SHOWN))]
    Invalid(Report),
    /// The document breaks a [`Limits`](crate::Limits) limit (size, depth or string length);
    /// nothing of it was built.
    #[error("the document is too large to load: {0}")]
    LimitExceeded(String),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// How many issues the display of [`Error::Invalid`] lists.
    pub const SHOWN: usize = 10;

    /// The issues of the document: the report's for [`Error::Invalid`], a single
    /// `limit_exceeded` for [`Error::LimitExceeded`], none for I/O errors.
    ///
    /// # Example
    /// ```
    /// let err = pkit::Registry::from_json("[]").unwrap_err();
    /// assert_eq!(err.issues()[0].code, pkit::Code::InvalidType);
    /// ```
    pub fn issues(&self) -> Vec<crate::issue::Issue> {
        match self {
            Error::Invalid(report) => report.issues().to_vec(),
            Error::LimitExceeded(message) => vec![crate::issue::Issue::new(
                crate::issue::Code::LimitExceeded,
                "",
                message.clone(),
            )],
            Error::Io { .. } => Vec::new(),
        }
    }

    /// Sorts a rejected document's report into [`Error::LimitExceeded`] or [`Error::Invalid`].
    pub(crate) fn from_report(report: Report) -> Error {
        match report.issues() {
            [only] if only.code == crate::issue::Code::LimitExceeded => {
                Error::LimitExceeded(only.message.clone())
            }
            _ => Error::Invalid(report),
        }
    }
}
