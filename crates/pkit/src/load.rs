//! Loading: a registry from JSON text, a file, a CSV directory or CSV files in memory, and
//! the report of a file or directory ([`validate_path`]).
//!
//! Every constructor of [`Registry`] that reads a document is here, over the two readers below
//! it: [`crate::validate`] for JSON text and [`crate::csv`] for the CSV form. Nothing below
//! this module knows about files of either kind.

use std::path::Path;

use crate::error::Error;

use crate::issue::Report;

use crate::limits::Limits;

use crate::registry::Registry;

impl Registry {
    /// Parses and validates a registry document.
    ///
    /// # Errors
    /// [`Error::Invalid`] with every issue when the document has any error;
    /// [`Error::LimitExceeded`] when it breaks the spec's [`Limits`].
    ///
    /// # Example
    /// ```
    /// let err = pkit::Registry::from_json(r#"{"schema_version": 1, "as_of": "2024-13-01"}"#).unwrap_err();
    /// assert_eq!(err.issues()[0].path, "/as_of");
    /// ```
    pub fn from_json(text: &str) -> Result<Registry, Error> {
        Registry::from_json_with(text, &Limits::default())
    }

    /// [`Registry::from_json`] with other limits.
    ///
    /// # Errors
    /// As [`Registry::from_json`].
    ///
    /// # Example
    /// ```
    /// let limits = pkit::Limits { max_depth: 1, ..Default::default() };
    /// let err = pkit::Registry::from_json_with(r#"{"schema_version": 1, "as_of": "2024-06-30", "companies": []}"#, &limits);
    /// assert!(matches!(err, Err(pkit::Error::LimitExceeded(_))));
    /// ```
    pub fn from_json_with(text: &str, limits: &Limits) -> Result<Registry, Error> {
        crate::validate::load(text, limits).map_err(Error::from_report)
    }

    /// Reads, parses and validates a registry file. A file larger than the size limit is
    /// refused before it is read.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read, otherwise as [`Registry::from_json`]
    /// (text that is not UTF-8 is `invalid_json`).
    ///
    /// # Example
    /// ```
    /// let err = pkit::Registry::from_path("no/such/registry.json").unwrap_err();
    /// assert!(matches!(err, pkit::Error::Io { .. }));
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Registry, Error> {
        Registry::from_path_with(path, &Limits::default())
    }

    /// [`Registry::from_path`] with other limits.
    ///
    /// # Errors
    /// As [`Registry::from_path`].
    ///
    /// # Example
    /// ```
    /// let dir = std::env::temp_dir().join(format!("pkit-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// let file = dir.join("big.json");
    /// std::fs::write(&file, r#"{"schema_version": 1, "as_of": "2024-06-30"}"#)?;
    /// let small = pkit::Limits { max_bytes: 8, ..Default::default() };
    /// assert!(matches!(pkit::Registry::from_path_with(&file, &small), Err(pkit::Error::LimitExceeded(_))));
    /// assert!(pkit::Registry::from_path(&file).is_ok());
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_path_with(path: impl AsRef<Path>, limits: &Limits) -> Result<Registry, Error> {
        let text = crate::fs::read_limited(path.as_ref(), limits)?;
        match text {
            Ok(text) => Registry::from_json_with(&text, limits),
            Err(report) => Err(Error::from_report(report)),
        }
    }

    /// Loads a registry from a path: a directory is read as the CSV form
    /// ([`Registry::from_csv_dir`]), anything else as a JSON document ([`Registry::from_path`]).
    ///
    /// # Errors
    /// As [`Registry::from_path`] and [`Registry::from_csv_dir`].
    ///
    /// # Example
    /// ```
    /// let err = pkit::Registry::open("no/such/registry.json").unwrap_err();
    /// assert!(matches!(err, pkit::Error::Io { .. }));
    /// ```
    pub fn open(path: impl AsRef<Path>) -> Result<Registry, Error> {
        let path = path.as_ref();
        if path.is_dir() {
            Registry::from_csv_dir(path)
        } else {
            Registry::from_path(path)
        }
    }

    /// The built-in sample registry: 28 fictional companies and Pakistan's public IT-export
    /// figures, targets and rankings with their sources (see `data/README.md` of the crate).
    ///
    /// # Example
    /// ```
    /// let sample = pkit::Registry::sample();
    /// assert!(sample.companies().len() >= 25);
    /// assert_eq!(sample.warnings().len(), 2);
    /// ```
    #[allow(clippy::expect_used)]
    pub fn sample() -> Registry {
        // A constant of the crate, checked by its tests; not outside input.
        Registry::from_json(crate::sample::SAMPLE_JSON).expect("the built-in sample is valid")
    }

    /// Reads and validates a CSV directory written by [`Registry::to_csv_dir`] (or by a
    /// spreadsheet in the same shape).
    ///
    /// # Errors
    /// [`Error::Invalid`] with every issue, each located in the CSV (see
    /// [`Issue::location`](crate::Issue::location)); [`Error::LimitExceeded`]; [`Error::Io`] when the directory or
    /// `registry.csv` cannot be read.
    ///
    /// # Example
    /// ```
    /// let dir = std::env::temp_dir().join(format!("pkit-csv-read-{}", std::process::id()));
    /// pkit::Registry::sample().to_csv_dir(&dir)?;
    /// let path = dir.join("certifications.csv");
    /// // A spreadsheet wrote a date the American way in the first certification row.
    /// let text = std::fs::read_to_string(&path).unwrap();
    /// let first_row: Vec<&str> = text.lines().nth(1).unwrap().split(',').collect();
    /// let issued = first_row[8]; // the issued_on column
    /// let (y, m, d) = (&issued[..4], &issued[5..7], &issued[8..]);
    /// std::fs::write(&path, text.replacen(issued, &format!("{m}/{d}/{y}"), 1)).unwrap();
    /// let err = pkit::Registry::from_csv_dir(&dir).unwrap_err();
    /// let issue = &err.issues()[0];
    /// assert_eq!(issue.code, pkit::Code::InvalidDate);
    /// assert_eq!(issue.location.as_ref().map(|l| l.to_string()).as_deref(), Some("certifications.csv:2:issued_on"));
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok::<(), pkit::Error>(())
    /// ```
    pub fn from_csv_dir(dir: impl AsRef<Path>) -> Result<Registry, Error> {
        Registry::from_csv_dir_with(dir, &Limits::default())
    }

    /// [`Registry::from_csv_dir`] with other limits.
    ///
    /// # Errors
    /// As [`Registry::from_csv_dir`].
    ///
    /// # Example
    /// ```
    /// let dir = std::env::temp_dir().join(format!("pkit-csv-limits-{}", std::process::id()));
    /// pkit::Registry::sample().to_csv_dir(&dir)?;
    /// let tiny = pkit::Limits { max_bytes: 100, ..Default::default() };
    /// assert!(matches!(pkit::Registry::from_csv_dir_with(&dir, &tiny), Err(pkit::Error::LimitExceeded(_))));
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok::<(), pkit::Error>(())
    /// ```
    pub fn from_csv_dir_with(dir: impl AsRef<Path>, limits: &Limits) -> Result<Registry, Error> {
        crate::csv::load_dir(dir.as_ref(), limits)
    }

    /// Reads and validates the CSV form held in memory: each file's name (`registry.csv`,
    /// `companies.csv`, ...) and contents, as a directory would hold them. This is
    /// [`Registry::from_csv_dir`] without the file system: the same reading, the same issues
    /// located the same way. A name given twice is read once, the first time; names are
    /// matched exactly, as in a directory.
    ///
    /// # Errors
    /// [`Error::Invalid`] with every issue; [`Error::LimitExceeded`]; [`Error::Io`] (with the
    /// path `registry.csv`) when no `registry.csv` is given.
    ///
    /// # Example
    /// ```
    /// let files = [
    ///     ("registry.csv", "schema_version,as_of\n1,2024-06-30\n"),
    ///     ("companies.csv", "id,legal_name,legal_form,headquarters_city,headquarters_region\n\
    ///                        indus-byteworks,Indus Byteworks,private_limited,Lahore,PK-PB\n"),
    ///     ("offices.csv", "company_id,country,city\nindus-byteworks,AE,Dubai\n"),
    /// ];
    /// let registry = pkit::Registry::from_csv_files(&files)?;
    /// assert_eq!(registry.companies()[0].offices[0].city, "Dubai");
    ///
    /// let broken = [("registry.csv", "schema_version,as_of\n1,2024-02-30\n")];
    /// let err = pkit::Registry::from_csv_files(&broken).unwrap_err();
    /// assert_eq!(err.issues()[0].location.as_ref().map(|l| l.to_string()).as_deref(), Some("registry.csv:2:as_of"));
    /// # Ok::<(), pkit::Error>(())
    /// ```
    pub fn from_csv_files<N: AsRef<str>, C: AsRef<[u8]>>(
        files: &[(N, C)],
    ) -> Result<Registry, Error> {
        Registry::from_csv_files_with(files, &Limits::default())
    }

    /// [`Registry::from_csv_files`] with other limits.
    ///
    /// # Errors
    /// As [`Registry::from_csv_files`].
    ///
    /// # Example
    /// ```
    /// let files = [("registry.csv", "schema_version,as_of\n1,2024-06-30\n")];
    /// let tiny = pkit::Limits { max_bytes: 10, ..Default::default() };
    /// assert!(matches!(pkit::Registry::from_csv_files_with(&files, &tiny), Err(pkit::Error::LimitExceeded(_))));
    /// ```
    pub fn from_csv_files_with<N: AsRef<str>, C: AsRef<[u8]>>(
        files: &[(N, C)],
        limits: &Limits,
    ) -> Result<Registry, Error> {
        crate::csv::load_files(files, limits)
    }
}

/// [`validate`](crate::validate()) for a file or a CSV directory (see [`Registry::open`]): every issue, errors and
/// warnings. Only a file that cannot be read is an `Err`; everything wrong with its content is
/// in the report.
///
/// # Errors
/// [`Error::Io`](crate::error::Error::Io) when the path cannot be read.
///
/// # Example
/// ```
/// let dir = std::env::temp_dir().join(format!("pkit-doc-validate-path-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let file = dir.join("registry.json");
/// std::fs::write(&file, r#"{"schema_version": 1, "as_of": "2024-02-30"}"#)?;
/// let report = pkit::validate_path(&file)?;
/// assert_eq!(report.issues()[0].path, "/as_of");
/// assert!(pkit::validate_path(dir.join("missing.json")).is_err());
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn validate_path(path: impl AsRef<std::path::Path>) -> Result<Report, crate::error::Error> {
    match crate::registry::Registry::open(path) {
        Ok(registry) => Ok(Report::new(registry.warnings().to_vec())),
        Err(crate::error::Error::Invalid(report)) => Ok(report),
        Err(e @ crate::error::Error::LimitExceeded(_)) => Ok(Report::new(e.issues())),
        Err(e) => Err(e),
    }
}
