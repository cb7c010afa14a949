//! [`Registry`]: a validated registry document and its records.

use std::io::Read;
use std::path::Path;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::model::{Company, Observation, Ranking, Target};
use crate::validate::{self, not_utf8, too_large, Report};
use crate::value::Date;
use crate::{Error, Issue, Limits};

/// A validated registry: companies with their certifications, awards and exports, national
/// observations, targets and rankings, as of a date.
///
/// A `Registry` exists only for a document without errors; its warnings are kept.
///
/// # Example
/// ```
/// let text = r#"{"schema_version": 1, "as_of": "2024-06-30", "companies": [
///   {"id": "indus-byteworks", "legal_name": "Indus Byteworks (Pvt) Ltd",
///    "legal_form": "private_limited", "headquarters": {"city": "Lahore", "region": "PK-PB"}}]}"#;
/// let registry = pkit::Registry::from_json(text)?;
/// assert_eq!(registry.as_of().to_string(), "2024-06-30");
/// assert_eq!(registry.company("indus-byteworks").map(|c| c.legal_name.as_str()),
///            Some("Indus Byteworks (Pvt) Ltd"));
/// assert_eq!(pkit::Registry::from_json(&registry.to_json())?, registry);
/// # Ok::<(), pkit::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Registry {
    as_of: Date,
    companies: Vec<Company>,
    observations: Vec<Observation>,
    targets: Vec<Target>,
    rankings: Vec<Ranking>,
    warnings: Vec<Issue>,
    by_id: FxHashMap<String, usize>,
}

/// Two registries are equal when their data is: `as_of` and every record, in order.
impl PartialEq for Registry {
    fn eq(&self, other: &Registry) -> bool {
        self.as_of == other.as_of
            && self.companies == other.companies
            && self.observations == other.observations
            && self.targets == other.targets
            && self.rankings == other.rankings
    }
}

impl Eq for Registry {}

/// The document form of a registry, for serialization.
#[derive(Serialize)]
struct Document<'a> {
    schema_version: u8,
    as_of: Date,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    companies: &'a [Company],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    observations: &'a [Observation],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    targets: &'a [Target],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    rankings: &'a [Ranking],
}

impl Registry {
    pub(crate) fn from_parts(
        as_of: Date,
        companies: Vec<Company>,
        observations: Vec<Observation>,
        targets: Vec<Target>,
        rankings: Vec<Ranking>,
    ) -> Registry {
        let by_id = companies
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str().to_owned(), i))
            .collect();
        Registry {
            as_of,
            companies,
            observations,
            targets,
            rankings,
            warnings: Vec::new(),
            by_id,
        }
    }

    pub(crate) fn with_warnings(mut self, warnings: Vec<Issue>) -> Registry {
        self.warnings = warnings;
        self
    }

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
        validate::load(text, limits).map_err(Error::from_report)
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
        let text = read_limited(path.as_ref(), limits)?;
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

    /// The date the data describes.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::Registry::sample().as_of().to_string(), "2026-01-31");
    /// ```
    pub fn as_of(&self) -> Date {
        self.as_of
    }

    /// The companies, in document order.
    ///
    /// # Example
    /// ```
    /// assert!(!pkit::Registry::sample().companies().is_empty());
    /// ```
    pub fn companies(&self) -> &[Company] {
        &self.companies
    }

    /// The company with this id.
    ///
    /// # Example
    /// ```
    /// let sample = pkit::Registry::sample();
    /// assert!(sample.company("indus-byteworks").is_some());
    /// assert!(sample.company("no-such-company").is_none());
    /// ```
    pub fn company(&self, id: &str) -> Option<&Company> {
        self.by_id.get(id).and_then(|&i| self.companies.get(i))
    }

    /// The observations (national and regional statistics), in document order.
    ///
    /// # Example
    /// ```
    /// assert!(pkit::Registry::sample().observations().len() >= 38);
    /// ```
    pub fn observations(&self) -> &[Observation] {
        &self.observations
    }

    /// The policy targets, in document order.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::Registry::sample().targets().len(), 5);
    /// ```
    pub fn targets(&self) -> &[Target] {
        &self.targets
    }

    /// The international rankings, in document order.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::Registry::sample().rankings().len(), 3);
    /// ```
    pub fn rankings(&self) -> &[Ranking] {
        &self.rankings
    }

    /// The warnings found when the document was loaded, in document order.
    ///
    /// # Example
    /// ```
    /// let codes: Vec<_> = pkit::Registry::sample().warnings().iter().map(|w| w.code.as_str()).collect();
    /// assert_eq!(codes, ["beyond_transition", "edition_withdrawn"]);
    /// ```
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }

    fn document(&self) -> Document<'_> {
        Document {
            schema_version: 1,
            as_of: self.as_of,
            companies: &self.companies,
            observations: &self.observations,
            targets: &self.targets,
            rankings: &self.rankings,
        }
    }

    /// The registry as a compact JSON document; `Registry::from_json` gives it back equal.
    ///
    /// # Example
    /// ```
    /// let sample = pkit::Registry::sample();
    /// assert_eq!(pkit::Registry::from_json(&sample.to_json()).unwrap(), sample);
    /// ```
    #[allow(clippy::expect_used)]
    pub fn to_json(&self) -> String {
        // Plain structs with string keys: serializing to a String cannot fail.
        serde_json::to_string(&self.document()).expect("a registry serializes to JSON")
    }

    /// The registry as an indented JSON document.
    ///
    /// # Example
    /// ```
    /// assert!(pkit::Registry::sample().to_json_pretty().starts_with("{\n  \"schema_version\": 1,"));
    /// ```
    #[allow(clippy::expect_used)]
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.document()).expect("a registry serializes to JSON")
    }
}

impl Registry {
    /// Writes the registry as an indented JSON file, atomically: the text goes to a temporary
    /// file beside `path`, which then replaces `path`, so a crash never leaves half a file.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be written.
    ///
    /// # Example
    /// ```
    /// let path = std::env::temp_dir().join(format!("pkit-doc-{}.json", std::process::id()));
    /// let sample = pkit::Registry::sample();
    /// sample.to_json_file(&path)?;
    /// assert_eq!(pkit::Registry::from_path(&path)?, sample);
    /// # std::fs::remove_file(&path).ok();
    /// # Ok::<(), pkit::Error>(())
    /// ```
    pub fn to_json_file(&self, path: impl AsRef<Path>) -> Result<(), Error> {
        let mut text = self.to_json_pretty();
        text.push('\n');
        crate::fs::write_atomic(path.as_ref(), text.as_bytes())
    }
}

/// Reads a file of at most `limits.max_bytes` bytes as UTF-8 text. The outer error is I/O;
/// the inner one a report (too large, not UTF-8).
pub(crate) fn read_limited(path: &Path, limits: &Limits) -> Result<Result<String, Report>, Error> {
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    if len > limits.max_bytes {
        return Ok(Err(Report::new(vec![too_large(len, limits)])));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    // A file that grows while it is read is still cut at the limit.
    file.take(limits.max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limits.max_bytes {
        return Ok(Err(Report::new(vec![too_large(
            bytes.len() as u64,
            limits,
        )])));
    }
    Ok(match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => Err(Report::new(vec![not_utf8(e.as_bytes(), &e.utf8_error())])),
    })
}
