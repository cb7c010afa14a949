//! The CSV form of a registry: a directory with one RFC 4180 file per table (a header row,
//! then one row per record) and `registry.csv` holding `schema_version` and `as_of`.
//!
//! Writing uses the columns of [`crate::table`] that are fields of the document (derived
//! columns are left out). Reading rebuilds the JSON document from the rows and runs the same
//! validation as JSON, so a CSV directory gets exactly the issues its JSON form would, each
//! also located in the CSV: file, line and column (`certifications.csv:12:expires_on`).
//! Child rows (offices, certifications, awards, exports) name their company in `company_id`
//! and keep their order within it.
//!
//! The same files can be held in memory ([`Registry::to_csv_files`],
//! [`Registry::from_csv_files`], [`validate_files`]): reading them goes through the same code
//! as reading a directory, without the file system.
//!
//! ```
//! let dir = std::env::temp_dir().join(format!("pkit-csv-doc-{}", std::process::id()));
//! let sample = pkit::Registry::sample();
//! sample.to_csv_dir(&dir)?;
//! assert_eq!(pkit::Registry::from_csv_dir(&dir)?, sample);
//! # std::fs::remove_dir_all(&dir).ok();
//! # Ok::<(), pkit::Error>(())
//! ```

use std::fmt::Write as _;
use std::path::Path;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::table::TableName;
use crate::{Code, Error, Issue, Limits, Registry, Report};

/// Where in a CSV directory a value was read: the file, its line (from 1, the header is line
/// 1) and the column, when the issue is about one cell.
///
/// # Example
/// ```
/// let at = pkit::csv::CsvLocation { file: "certifications.csv".into(), line: 12, column: Some("expires_on".into()) };
/// assert_eq!(at.to_string(), "certifications.csv:12:expires_on");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct CsvLocation {
    /// The file name inside the directory (`certifications.csv`).
    pub file: String,
    /// The line, from 1 (the header).
    pub line: u64,
    /// The column's header, when the issue is about one cell.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
}

impl std::fmt::Display for CsvLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)?;
        if let Some(column) = &self.column {
            write!(f, ":{column}")?;
        }
        Ok(())
    }
}

/// The file that holds `schema_version` and `as_of`.
pub const REGISTRY_FILE: &str = "registry.csv";

/// How a CSV column maps to the document.
#[derive(Clone, Copy)]
enum Target {
    /// A field of the record; `number` when its cells are written as JSON numbers.
    Field { key: &'static str, number: bool },
    /// A field of a nested object of the record (`headquarters`, `identifiers`, `source`).
    Nested {
        object: &'static str,
        key: &'static str,
    },
    /// A list of strings joined by `;` (`services`).
    List(&'static str),
    /// The company a child row belongs to.
    CompanyId,
}

const fn field(key: &'static str) -> Target {
    Target::Field { key, number: false }
}

const fn number(key: &'static str) -> Target {
    Target::Field { key, number: true }
}

const fn nested(object: &'static str, key: &'static str) -> Target {
    Target::Nested { object, key }
}

/// The document columns of each table, in the order [`crate::table`] writes them.
fn layout(table: TableName) -> &'static [(&'static str, Target)] {
    match table {
        TableName::Companies => {
            const {
                &[
                    ("id", field("id")),
                    ("legal_name", field("legal_name")),
                    ("trade_name", field("trade_name")),
                    ("legal_form", field("legal_form")),
                    ("ntn", nested("identifiers", "ntn")),
                    ("cuin", nested("identifiers", "cuin")),
                    ("lei", nested("identifiers", "lei")),
                    ("pseb", nested("identifiers", "pseb")),
                    ("founded_on", field("founded_on")),
                    ("headquarters_city", nested("headquarters", "city")),
                    ("headquarters_region", nested("headquarters", "region")),
                    ("website", field("website")),
                    ("email", field("email")),
                    ("employees", number("employees")),
                    ("services", Target::List("services")),
                ]
            }
        }
        TableName::Offices => {
            const {
                &[
                    ("company_id", Target::CompanyId),
                    ("country", field("country")),
                    ("city", field("city")),
                    ("opened_on", field("opened_on")),
                ]
            }
        }
        TableName::Certifications => {
            const {
                &[
                    ("company_id", Target::CompanyId),
                    ("scheme", field("scheme")),
                    ("edition", field("edition")),
                    ("level", number("level")),
                    ("appraisal", field("appraisal")),
                    ("certificate_number", field("certificate_number")),
                    ("issuer", field("issuer")),
                    ("accredited_by", field("accredited_by")),
                    ("issued_on", field("issued_on")),
                    ("expires_on", field("expires_on")),
                    ("status", field("status")),
                    ("scope", field("scope")),
                ]
            }
        }
        TableName::Awards => {
            const {
                &[
                    ("company_id", Target::CompanyId),
                    ("program", field("program")),
                    ("program_name", field("program_name")),
                    ("year", number("year")),
                    ("category", field("category")),
                    ("result", field("result")),
                    ("entry", field("entry")),
                    ("host_country", field("host_country")),
                ]
            }
        }
        TableName::Exports => {
            const {
                &[
                    ("company_id", Target::CompanyId),
                    ("period", field("period")),
                    ("amount_usd", number("amount_usd")),
                    ("market", field("market")),
                    ("service", field("service")),
                ]
            }
        }
        TableName::Observations => {
            const {
                &[
                    ("indicator", field("indicator")),
                    ("region", field("region")),
                    ("period", field("period")),
                    ("value", number("value")),
                    ("source_publisher", nested("source", "publisher")),
                    ("source_title", nested("source", "title")),
                    ("source_url", nested("source", "url")),
                    ("published_on", field("published_on")),
                    ("note", field("note")),
                ]
            }
        }
        TableName::Targets => {
            const {
                &[
                    ("id", field("id")),
                    ("indicator", field("indicator")),
                    ("region", field("region")),
                    ("value", number("value")),
                    ("deadline", field("deadline")),
                    ("stated_by", field("stated_by")),
                    ("stated_on", field("stated_on")),
                    ("source_publisher", nested("source", "publisher")),
                    ("source_title", nested("source", "title")),
                    ("source_url", nested("source", "url")),
                    ("note", field("note")),
                ]
            }
        }
        TableName::Rankings => {
            const {
                &[
                    ("index", field("index")),
                    ("publisher", field("publisher")),
                    ("period", field("period")),
                    ("metric", field("metric")),
                    ("country", field("country")),
                    ("rank", number("rank")),
                    ("out_of", number("out_of")),
                    ("source_publisher", nested("source", "publisher")),
                    ("source_title", nested("source", "title")),
                    ("source_url", nested("source", "url")),
                    ("note", field("note")),
                ]
            }
        }
    }
}

fn file_name(table: TableName) -> String {
    format!("{}.csv", table.as_str())
}

// ---------------------------------------------------------------------------------- writing

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_owned(),
        source,
    }
}

fn csv_io(path: &Path) -> impl Fn(::csv::Error) -> Error + '_ {
    move |e| Error::Io {
        path: path.to_owned(),
        source: std::io::Error::other(e.to_string()),
    }
}

/// One CSV file in memory: the header, then the rows, CRLF line ends (RFC 4180).
fn table_text(
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<String, ::csv::Error> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(&row)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ::csv::Error::from(e.into_error()))?;
    // Every cell is a `String`: the bytes are UTF-8.
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

impl Registry {
    /// Writes the registry as a CSV directory: `registry.csv` and one file per table.
    ///
    /// The files are written to a temporary directory beside `dir`, which then takes its
    /// place, so `dir` is never left half-written or missing, even if the process is killed
    /// (see [`crate::fs`]). An existing `dir` is replaced when it is empty or a CSV registry
    /// (it holds `registry.csv`); any other existing path is refused, so that no file pkit
    /// did not write is deleted.
    ///
    /// # Errors
    /// [`Error::Io`] when a file cannot be written, or when `dir` exists and is a file or a
    /// directory with other files (kind `AlreadyExists`); `dir` is then unchanged.
    ///
    /// # Example
    /// ```
    /// let dir = std::env::temp_dir().join(format!("pkit-csv-write-{}", std::process::id()));
    /// pkit::Registry::sample().to_csv_dir(&dir)?;
    /// let registry_csv = std::fs::read_to_string(dir.join("registry.csv")).unwrap();
    /// assert_eq!(registry_csv, "schema_version,as_of\r\n1,2026-01-31\r\n");
    /// assert!(dir.join("certifications.csv").exists());
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok::<(), pkit::Error>(())
    /// ```
    pub fn to_csv_dir(&self, dir: impl AsRef<Path>) -> Result<(), Error> {
        let dir = dir.as_ref();
        check_replaceable(dir)?;
        let tmp = crate::fs::sibling(dir, "tmp");
        std::fs::create_dir_all(&tmp).map_err(io(&tmp))?;
        let written = self
            .write_csv_files(&tmp)
            .and_then(|()| crate::fs::replace_dir(&tmp, dir).map_err(io(dir)));
        if written.is_err() {
            let _ = std::fs::remove_dir_all(&tmp);
        }
        written
    }

    fn write_csv_files(&self, dir: &Path) -> Result<(), Error> {
        for (name, text) in self.csv_files() {
            let path = dir.join(&name);
            let text = text.map_err(csv_io(&path))?;
            let mut file = std::fs::File::create(&path).map_err(io(&path))?;
            std::io::Write::write_all(&mut file, text.as_bytes()).map_err(io(&path))?;
            file.sync_all().map_err(io(&path))?;
        }
        Ok(())
    }

    /// The CSV form of the registry in memory: the name and text of each file that
    /// [`Registry::to_csv_dir`] writes, `registry.csv` first, then the tables in the order of
    /// [`TableName::ALL`](crate::table::TableName::ALL). [`Registry::from_csv_files`] reads
    /// them back equal.
    ///
    /// # Example
    /// ```
    /// let sample = pkit::Registry::sample();
    /// let files = sample.to_csv_files();
    /// assert_eq!(files[0], ("registry.csv".to_owned(), "schema_version,as_of\r\n1,2026-01-31\r\n".to_owned()));
    /// assert_eq!(files.len(), 9);
    /// assert_eq!(pkit::Registry::from_csv_files(&files)?, sample);
    /// # Ok::<(), pkit::Error>(())
    /// ```
    #[allow(clippy::expect_used)]
    pub fn to_csv_files(&self) -> Vec<(String, String)> {
        self.csv_files()
            .map(|(name, text)| {
                // The writer writes to a Vec, which cannot fail.
                (name, text.expect("CSV is written to memory"))
            })
            .collect()
    }

    /// Each file of the CSV form, made when the iterator reaches it.
    fn csv_files(&self) -> impl Iterator<Item = (String, Result<String, ::csv::Error>)> + '_ {
        let as_of = vec!["1".to_owned(), self.as_of().to_string()];
        let registry = table_text(&["schema_version", "as_of"], std::iter::once(as_of));
        let tables = self.tables().into_iter().map(|table| {
            let columns: Vec<_> = table.columns().iter().filter(|c| !c.is_derived()).collect();
            let header: Vec<&str> = columns.iter().map(|c| c.name()).collect();
            let rows = (0..table.rows()).map(|row| {
                columns
                    .iter()
                    .map(|c| c.values().cell(row).unwrap_or_default())
                    .collect()
            });
            (file_name(table.name()), table_text(&header, rows))
        });
        std::iter::once((REGISTRY_FILE.to_owned(), registry)).chain(tables)
    }

    /// Reads and validates a CSV directory written by [`Registry::to_csv_dir`] (or by a
    /// spreadsheet in the same shape).
    ///
    /// # Errors
    /// [`Error::Invalid`] with every issue, each located in the CSV (see
    /// [`Issue::location`]); [`Error::LimitExceeded`]; [`Error::Io`] when the directory or
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
        let read = read_files(&Dir(dir.as_ref()), limits)?;
        read.load(limits).map_err(Error::from_report)
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
        let read = read_files(&Memory(files), limits)?;
        read.load(limits).map_err(Error::from_report)
    }
}

/// Validates a CSV directory: every issue, located in the CSV, errors and warnings.
///
/// # Errors
/// [`Error::Io`] when the directory or `registry.csv` cannot be read.
///
/// # Example
/// ```
/// let dir = std::env::temp_dir().join(format!("pkit-csv-validate-{}", std::process::id()));
/// pkit::Registry::sample().to_csv_dir(&dir)?;
/// let report = pkit::csv::validate_dir(&dir)?;
/// assert!(report.is_valid());
/// assert_eq!(report.warnings().count(), 2);
/// # std::fs::remove_dir_all(&dir).ok();
/// # Ok::<(), pkit::Error>(())
/// ```
pub fn validate_dir(dir: impl AsRef<Path>) -> Result<Report, Error> {
    validate_source(&Dir(dir.as_ref()))
}

/// [`validate_dir`] for the files held in memory (see [`Registry::from_csv_files`]).
///
/// # Errors
/// [`Error::Io`] (with the path `registry.csv`) when no `registry.csv` is given.
///
/// # Example
/// ```
/// let files = [("registry.csv", "schema_version,as_of\n1,2024-06-30\n"), ("notes.csv", "")];
/// let report = pkit::csv::validate_files(&files)?;
/// assert_eq!(report.issues()[0].code, pkit::Code::UnknownField);
/// assert_eq!(report.issues()[0].location.as_ref().map(|l| l.file.as_str()), Some("notes.csv"));
/// # Ok::<(), pkit::Error>(())
/// ```
pub fn validate_files<N: AsRef<str>, C: AsRef<[u8]>>(files: &[(N, C)]) -> Result<Report, Error> {
    validate_source(&Memory(files))
}

fn validate_source(files: &impl Files) -> Result<Report, Error> {
    let limits = Limits::default();
    let read = read_files(files, &limits)?;
    Ok(match read.load(&limits) {
        Ok(registry) => Report::new(registry.warnings().to_vec()),
        Err(report) => report,
    })
}

/// Refuses a target that is not a CSV directory pkit may replace: an existing file, or a
/// directory that is neither empty nor holds a `registry.csv` (replacing it would delete
/// files pkit did not write).
fn check_replaceable(dir: &Path) -> Result<(), Error> {
    let refuse = |why: &str| Error::Io {
        path: dir.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, why.to_owned()),
    };
    let Ok(meta) = std::fs::symlink_metadata(dir) else {
        return Ok(());
    };
    if !meta.is_dir() {
        return Err(refuse(
            "exists and is not a directory; a CSV registry is written as a directory",
        ));
    }
    let mut entries = std::fs::read_dir(dir).map_err(io(dir))?;
    if entries.next().is_none() || dir.join(REGISTRY_FILE).is_file() {
        return Ok(());
    }
    Err(refuse(
        "is a directory that holds files but no registry.csv; pkit replaces only empty \
         directories and CSV registries, so as not to delete other files",
    ))
}

// ---------------------------------------------------------------------------------- reading

/// One CSV file, read.
struct Sheet {
    file: String,
    header: Vec<String>,
    /// Each row with its line number.
    rows: Vec<(u64, Vec<String>)>,
}

/// A CSV directory turned into a JSON document, with the location of every value.
struct Read {
    json: String,
    /// JSON Pointer → where it came from.
    locations: FxHashMap<String, CsvLocation>,
    /// Issues found while reading the CSV itself (unknown files and columns, orphan rows).
    issues: Vec<Issue>,
    /// Files in the order they sort issues.
    file_rank: Vec<String>,
}

/// Where the files of a CSV registry come from: a directory or memory.
trait Files {
    /// The names of the files there are, for the unknown-file check.
    fn names(&self) -> Result<Vec<String>, Error>;
    /// The text of the file `name`, within `limits`: `None` when there is no such file, a
    /// report when it is too large or not UTF-8.
    fn read(&self, name: &str, limits: &Limits) -> Result<Option<Result<String, Report>>, Error>;
    /// The path an I/O error names.
    fn path(&self, name: &str) -> std::path::PathBuf;
}

/// A CSV directory.
struct Dir<'a>(&'a Path);

impl Files for Dir<'_> {
    fn names(&self) -> Result<Vec<String>, Error> {
        let entries = std::fs::read_dir(self.0).map_err(io(self.0))?;
        Ok(entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect())
    }

    fn read(&self, name: &str, limits: &Limits) -> Result<Option<Result<String, Report>>, Error> {
        match crate::registry::read_limited(&self.0.join(name), limits) {
            Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                Ok(None)
            }
            other => other.map(Some),
        }
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        self.0.join(name)
    }
}

/// The files held in memory: names and contents.
struct Memory<'a, N, C>(&'a [(N, C)]);

impl<N: AsRef<str>, C: AsRef<[u8]>> Files for Memory<'_, N, C> {
    fn names(&self) -> Result<Vec<String>, Error> {
        let mut names: Vec<String> = Vec::with_capacity(self.0.len());
        for (name, _) in self.0 {
            if !names.iter().any(|n| n == name.as_ref()) {
                names.push(name.as_ref().to_owned());
            }
        }
        Ok(names)
    }

    fn read(&self, name: &str, limits: &Limits) -> Result<Option<Result<String, Report>>, Error> {
        let Some((_, bytes)) = self.0.iter().find(|(n, _)| n.as_ref() == name) else {
            return Ok(None);
        };
        let bytes = bytes.as_ref();
        if bytes.len() as u64 > limits.max_bytes {
            return Ok(Some(Err(Report::new(vec![crate::validate::too_large(
                bytes.len() as u64,
                limits,
            )]))));
        }
        Ok(Some(match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text.to_owned()),
            Err(e) => Err(Report::new(vec![crate::validate::not_utf8(bytes, &e)])),
        }))
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        std::path::PathBuf::from(name)
    }
}

fn read_sheet(
    files: &impl Files,
    file: &str,
    budget: &mut u64,
    limits: &Limits,
) -> Result<Option<Sheet>, ReadStop> {
    let text = match files.read(
        file,
        &Limits {
            max_bytes: *budget,
            ..*limits
        },
    ) {
        Err(e) => return Err(ReadStop::Error(e)),
        Ok(None) => return Ok(None),
        Ok(Some(Err(report))) => {
            let only = report.into_issues().into_iter().next();
            let issue = match only {
                Some(i) if i.code == Code::LimitExceeded => Issue::new(
                    Code::LimitExceeded,
                    "",
                    format!(
                        "the CSV directory is larger than {} bytes",
                        limits.max_bytes
                    ),
                ),
                Some(i) => i,
                None => Issue::new(Code::InvalidJson, "", "unreadable file"),
            };
            return Err(ReadStop::Alone(located(issue, file, 1, None)));
        }
        Ok(Some(Ok(text))) => text,
    };
    *budget = budget.saturating_sub(text.len() as u64);
    if let Some(line) = unterminated_quote(&text) {
        return Err(ReadStop::Alone(located(
            Issue::new(
                Code::InvalidJson,
                "",
                format!("not CSV: the quoted cell that starts on line {line} is never closed"),
            ),
            file,
            line,
            None,
        )));
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let bad_csv = |e: ::csv::Error| {
        let line = e.position().map_or(1, ::csv::Position::line);
        ReadStop::Alone(located(
            Issue::new(Code::InvalidJson, "", format!("not CSV: {e}")),
            file,
            line,
            None,
        ))
    };
    let header: Vec<String> = match records.next() {
        Some(record) => record
            .map_err(bad_csv)?
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').to_owned())
            .collect(),
        None => Vec::new(),
    };
    // A header cell is a string too (a key, in the JSON form).
    if let Some(cell) = header.iter().find(|c| c.len() > limits.max_string_bytes) {
        return Err(ReadStop::Alone(located(
            too_long_cell(cell, limits),
            file,
            1,
            None,
        )));
    }
    let mut rows = Vec::new();
    let mut lines = LineCounter::default();
    for record in records {
        let record = record.map_err(bad_csv)?;
        let line = lines.line_at(&text, record.position().map_or(0, |p| p.byte()));
        if let Some(cell) = record.iter().find(|c| c.len() > limits.max_string_bytes) {
            return Err(ReadStop::Alone(located(
                too_long_cell(cell, limits),
                file,
                line,
                None,
            )));
        }
        // A row of empty cells (a spreadsheet's trailing line) is no record.
        if record.iter().all(str::is_empty) {
            continue;
        }
        rows.push((line, record.iter().map(str::to_owned).collect()));
    }
    Ok(Some(Sheet {
        file: file.to_owned(),
        header,
        rows,
    }))
}

/// The `limit_exceeded` issue of a cell longer than the string limit.
fn too_long_cell(cell: &str, limits: &Limits) -> Issue {
    Issue::new(
        Code::LimitExceeded,
        "",
        format!(
            "a cell is longer than {} bytes ({} bytes)",
            limits.max_string_bytes,
            cell.len()
        ),
    )
}

/// Line numbers of byte offsets, counted once through the text.
#[derive(Default)]
struct LineCounter {
    byte: usize,
    newlines: u64,
}

impl LineCounter {
    /// The line (from 1) a record starting at `byte` begins on. The CSV reader may give the
    /// offset of the previous record's `\n`; the record starts after it.
    fn line_at(&mut self, text: &str, byte: u64) -> u64 {
        let bytes = text.as_bytes();
        let mut at = usize::try_from(byte)
            .unwrap_or(bytes.len())
            .min(bytes.len());
        while matches!(bytes.get(at), Some(b'\r' | b'\n')) {
            at += 1;
        }
        let from = self.byte.min(at);
        self.newlines += bytes[from..at].iter().filter(|&&b| b == b'\n').count() as u64;
        self.byte = at;
        self.newlines + 1
    }
}

enum ReadStop {
    Error(Error),
    Alone(Issue),
}

fn located(mut issue: Issue, file: &str, line: u64, column: Option<&str>) -> Issue {
    issue.location = Some(CsvLocation {
        file: file.to_owned(),
        line,
        column: column.map(str::to_owned),
    });
    issue
}

/// Reads the files of a CSV directory (or their copies in memory) into a JSON document.
fn read_files(files: &impl Files, limits: &Limits) -> Result<Read, Error> {
    match read_sheets(files, limits) {
        Ok(read) => Ok(read),
        Err(ReadStop::Error(e)) => Err(e),
        Err(ReadStop::Alone(issue)) => Ok(Read {
            json: String::new(),
            locations: FxHashMap::default(),
            issues: vec![issue],
            file_rank: Vec::new(),
        }),
    }
}

fn read_sheets(files: &impl Files, limits: &Limits) -> Result<Read, ReadStop> {
    let names = files.names().map_err(ReadStop::Error)?;
    let mut budget = limits.max_bytes;
    let mut issues = Vec::new();
    let known: Vec<String> = std::iter::once(REGISTRY_FILE.to_owned())
        .chain(TableName::ALL.iter().map(|&t| file_name(t)))
        .collect();
    let mut extra: Vec<String> = names
        .into_iter()
        .filter(|n| n.to_ascii_lowercase().ends_with(".csv") && !known.contains(n))
        .collect();
    extra.sort();
    for name in &extra {
        issues.push(located(
            Issue::new(
                Code::UnknownField,
                "",
                format!(
                    "`{name}` is not a file of a pkit CSV directory; expected {}",
                    known.join(", ")
                ),
            ),
            name,
            1,
            None,
        ));
    }
    let Some(registry) = read_sheet(files, REGISTRY_FILE, &mut budget, limits)? else {
        return Err(ReadStop::Error(Error::Io {
            path: files.path(REGISTRY_FILE),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "a CSV registry needs registry.csv (schema_version, as_of)",
            ),
        }));
    };
    let mut sheets = Vec::new();
    for table in TableName::ALL {
        if let Some(sheet) = read_sheet(files, &file_name(table), &mut budget, limits)? {
            sheets.push((table, sheet));
        }
    }
    let mut builder = Builder {
        issues,
        ..Builder::default()
    };
    builder.document(&registry, &sheets);
    let mut file_rank = known;
    file_rank.extend(extra);
    Ok(Read {
        json: builder.json,
        locations: builder.locations,
        issues: builder.issues,
        file_rank,
    })
}

/// Writes the JSON document and remembers where each value came from.
#[derive(Default)]
struct Builder {
    json: String,
    locations: FxHashMap<String, CsvLocation>,
    issues: Vec<Issue>,
}

/// A header's columns matched to the table layout.
struct Columns {
    /// For each layout column, its index in the header.
    index: Vec<Option<usize>>,
}

impl Builder {
    fn locate(&mut self, path: &str, file: &str, line: u64, column: Option<&str>) {
        self.locations.insert(
            path.to_owned(),
            CsvLocation {
                file: file.to_owned(),
                line,
                column: column.map(str::to_owned),
            },
        );
    }

    /// Writes a cell as a JSON value: a number when the column is numeric and the cell is a
    /// JSON number, a string otherwise.
    fn value(&mut self, cell: &str, number: bool) {
        if number && is_json_number(cell) {
            self.json.push_str(cell);
        } else {
            push_json_string(&mut self.json, cell);
        }
    }

    fn key(&mut self, first: &mut bool, key: &str) {
        if !*first {
            self.json.push(',');
        }
        *first = false;
        push_json_string(&mut self.json, key);
        self.json.push(':');
    }

    fn document(&mut self, registry: &Sheet, sheets: &[(TableName, Sheet)]) {
        self.json.push('{');
        let mut first = true;
        self.registry_row(registry, &mut first);
        // Company ids → index, for child rows.
        let companies = sheets.iter().find(|(t, _)| *t == TableName::Companies);
        let mut children: Vec<Vec<(TableName, usize)>> = Vec::new();
        let mut ids: FxHashMap<String, usize> = FxHashMap::default();
        if let Some((_, sheet)) = companies {
            for (i, (_, row)) in sheet.rows.iter().enumerate() {
                let id_column = sheet.header.iter().position(|h| h == "id");
                if let Some(id) = id_column.and_then(|c| row.get(c)) {
                    // A stray space in an id is the company's issue, not its children's.
                    ids.entry(id.trim().to_owned()).or_insert(i);
                }
            }
            children = vec![Vec::new(); sheet.rows.len()];
        }
        for (table, sheet) in sheets.iter().filter(|(t, _)| is_child(*t)) {
            let Some(c) = sheet.header.iter().position(|h| h == "company_id") else {
                if !sheet.rows.is_empty() {
                    self.issues.push(located(
                        Issue::new(Code::MissingField, "", format!("{} has no `company_id` column: its rows cannot be given to a company", sheet.file)),
                        &sheet.file,
                        1,
                        None,
                    ));
                }
                continue;
            };
            for (r, (line, row)) in sheet.rows.iter().enumerate() {
                let id = row.get(c).map_or("", String::as_str);
                match ids.get(id.trim()) {
                    Some(&company) => children[company].push((*table, r)),
                    None => self.issues.push(located(
                        Issue::new(Code::InvalidId, "", format!("no company in companies.csv has the id `{}`: this row belongs to none", crate::value::shorten(id))),
                        &sheet.file,
                        *line,
                        Some("company_id"),
                    )),
                }
            }
        }
        let child_columns: Vec<(TableName, Columns)> = sheets
            .iter()
            .filter(|(t, _)| is_child(*t))
            .map(|(t, sheet)| (*t, self.columns(*t, sheet)))
            .collect();
        for &table in TableName::ALL.iter().filter(|t| !is_child(**t)) {
            let Some((_, sheet)) = sheets.iter().find(|(t, _)| *t == table) else {
                continue;
            };
            let columns = self.columns(table, sheet);
            // A table is named after the array of the document its records go to.
            self.key(&mut first, table.as_str());
            self.json.push('[');
            for (i, (line, row)) in sheet.rows.iter().enumerate() {
                if i > 0 {
                    self.json.push(',');
                }
                let path = format!("/{}/{i}", table.as_str());
                let mut first = self.record(table, &columns, sheet, *line, row, &path);
                if table == TableName::Companies {
                    self.children(&path, &mut first, &children[i], sheets, &child_columns);
                }
                self.json.push('}');
            }
            self.json.push(']');
        }
        self.json.push('}');
    }

    fn registry_row(&mut self, sheet: &Sheet, first: &mut bool) {
        let file = sheet.file.clone();
        let row = sheet.rows.first();
        let line = row.map_or(2, |(line, _)| *line);
        for name in ["schema_version", "as_of"] {
            let column = sheet.header.iter().any(|h| h == name).then_some(name);
            self.locate(&format!("/{name}"), &file, line, column);
        }
        let Some((_, row)) = row else {
            self.issues.push(located(
                Issue::new(
                    Code::MissingField,
                    "",
                    "registry.csv has no row: it needs schema_version and as_of",
                ),
                &file,
                2,
                None,
            ));
            return;
        };
        for (c, name) in sheet.header.iter().enumerate() {
            let cell = row.get(c).map_or("", String::as_str);
            match name.as_str() {
                "schema_version" | "as_of" if !cell.is_empty() => {
                    self.key(first, name);
                    self.value(cell, name == "schema_version");
                }
                "schema_version" | "as_of" => {}
                _ => self.issues.push(located(
                    Issue::new(
                        Code::UnknownField,
                        "",
                        format!(
                            "unknown column `{}` in registry.csv",
                            crate::value::shorten(name)
                        ),
                    ),
                    &file,
                    1,
                    Some(name),
                )),
            }
        }
        for (line, _) in sheet.rows.iter().skip(1) {
            self.issues.push(located(
                Issue::new(
                    Code::UnknownField,
                    "",
                    "registry.csv has one row; this one is extra",
                ),
                &file,
                *line,
                None,
            ));
        }
    }

    /// Matches a sheet's header to the table layout; reports unknown and repeated columns.
    fn columns(&mut self, table: TableName, sheet: &Sheet) -> Columns {
        let layout = layout(table);
        let mut index = vec![None; layout.len()];
        for (c, name) in sheet.header.iter().enumerate() {
            match layout.iter().position(|(n, _)| n == name) {
                Some(k) if index[k].is_none() => index[k] = Some(c),
                Some(_) => self.issues.push(located(
                    Issue::new(
                        Code::DuplicateKey,
                        "",
                        format!(
                            "the column `{name}` appears twice in {}; only the first is read",
                            sheet.file
                        ),
                    ),
                    &sheet.file,
                    1,
                    Some(name),
                )),
                None if is_derived(table, name) => {}
                None => self.issues.push(located(
                    Issue::new(
                        Code::UnknownField,
                        "",
                        format!(
                            "unknown column `{}` in {}; expected {}",
                            crate::value::shorten(name),
                            sheet.file,
                            layout
                                .iter()
                                .map(|(n, _)| *n)
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    ),
                    &sheet.file,
                    1,
                    Some(name),
                )),
            }
        }
        for (line, row) in &sheet.rows {
            if row.len() > sheet.header.len() {
                self.issues.push(located(
                    Issue::new(
                        Code::UnknownField,
                        "",
                        format!(
                            "this row has {} cells but the header names {}",
                            row.len(),
                            sheet.header.len()
                        ),
                    ),
                    &sheet.file,
                    *line,
                    None,
                ));
            }
        }
        Columns { index }
    }

    /// Writes one record's fields without the closing `}` (companies get their children);
    /// returns true when it wrote no field.
    fn record(
        &mut self,
        table: TableName,
        columns: &Columns,
        sheet: &Sheet,
        line: u64,
        row: &[String],
        path: &str,
    ) -> bool {
        self.locate(path, &sheet.file, line, None);
        self.json.push('{');
        let layout = layout(table);
        let mut first = true;
        let cell = |k: usize| {
            columns.index[k]
                .and_then(|c| row.get(c))
                .filter(|s| !s.is_empty())
        };
        let mut k = 0;
        while k < layout.len() {
            let (name, target) = layout[k];
            match target {
                Target::CompanyId => {}
                Target::Field { key, number } => {
                    if let Some(value) = cell(k) {
                        self.key(&mut first, key);
                        self.value(value, number);
                        self.locate(&format!("{path}/{key}"), &sheet.file, line, Some(name));
                    } else {
                        self.locate(
                            &format!("{path}/{key}"),
                            &sheet.file,
                            line,
                            columns.index[k].map(|_| name),
                        );
                    }
                }
                Target::List(key) => {
                    if let Some(value) = cell(k) {
                        self.key(&mut first, key);
                        self.json.push('[');
                        for (j, item) in value.split(';').enumerate() {
                            if j > 0 {
                                self.json.push(',');
                            }
                            self.value(item.trim(), false);
                            self.locate(
                                &format!("{path}/{key}/{j}"),
                                &sheet.file,
                                line,
                                Some(name),
                            );
                        }
                        self.json.push(']');
                    }
                    self.locate(&format!("{path}/{key}"), &sheet.file, line, Some(name));
                }
                Target::Nested { object, .. } => {
                    // The run of columns of one nested object.
                    let end = (k..layout.len())
                        .find(|&j| !matches!(layout[j].1, Target::Nested { object: o, .. } if o == object))
                        .unwrap_or(layout.len());
                    let present: Vec<usize> = (k..end).filter(|&j| cell(j).is_some()).collect();
                    let object_path = format!("{path}/{object}");
                    self.locate(&object_path, &sheet.file, line, None);
                    if !present.is_empty() {
                        self.key(&mut first, object);
                        self.json.push('{');
                        let mut inner_first = true;
                        for (j, &(column, target)) in layout.iter().enumerate().take(end).skip(k) {
                            let Target::Nested { key, .. } = target else {
                                continue;
                            };
                            let located_column = columns.index[j].map(|_| column);
                            if let Some(value) = cell(j) {
                                self.key(&mut inner_first, key);
                                self.value(value, false);
                            }
                            self.locate(
                                &format!("{object_path}/{key}"),
                                &sheet.file,
                                line,
                                located_column,
                            );
                        }
                        self.json.push('}');
                    }
                    k = end;
                    continue;
                }
            }
            k += 1;
        }
        first
    }

    fn children(
        &mut self,
        company_path: &str,
        first: &mut bool,
        rows: &[(TableName, usize)],
        sheets: &[(TableName, Sheet)],
        child_columns: &[(TableName, Columns)],
    ) {
        for &table in TableName::ALL.iter().filter(|t| is_child(**t)) {
            let mine: Vec<usize> = rows
                .iter()
                .filter(|(t, _)| *t == table)
                .map(|&(_, r)| r)
                .collect();
            if mine.is_empty() {
                continue;
            }
            let Some((_, sheet)) = sheets.iter().find(|(t, _)| *t == table) else {
                continue;
            };
            let Some((_, columns)) = child_columns.iter().find(|(t, _)| *t == table) else {
                continue;
            };
            self.key(first, table.as_str());
            self.json.push('[');
            for (j, &r) in mine.iter().enumerate() {
                if j > 0 {
                    self.json.push(',');
                }
                let (line, row) = &sheet.rows[r];
                let path = format!("{company_path}/{}/{j}", table.as_str());
                self.record(table, columns, sheet, *line, row, &path);
                self.json.push('}');
            }
            self.json.push(']');
        }
    }
}

fn is_child(table: TableName) -> bool {
    matches!(
        table,
        TableName::Offices | TableName::Certifications | TableName::Awards | TableName::Exports
    )
}

/// Columns pkit's tables add that are not fields of the document: accepted and ignored.
fn is_derived(table: TableName, name: &str) -> bool {
    matches!(
        (table, name),
        (
            TableName::Certifications,
            "effective_expiry" | "derived_status"
        ) | (
            TableName::Exports,
            "fiscal_year" | "period_start" | "period_end"
        ) | (
            TableName::Observations,
            "period_start" | "period_end" | "is_current"
        ) | (TableName::Targets, "deadline_end")
    )
}

/// True when `s` is a JSON number literal (so `1.0` stays `1.0` and gets the JSON issues).
fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Appends `s` as a JSON string.
fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Read {
    /// Validates the rebuilt document and locates every issue in the CSV.
    fn load(self, limits: &Limits) -> Result<Registry, Report> {
        let Read {
            json,
            locations,
            mut issues,
            file_rank,
        } = self;
        if json.is_empty() {
            return Err(Report::new(issues));
        }
        // The CSV's size was checked; the rebuilt text may be a little larger.
        let text_limits = Limits {
            max_bytes: u64::MAX,
            ..*limits
        };
        let (registry, found) = match crate::validate::load(&json, &text_limits) {
            Ok(registry) => {
                let warnings = registry.warnings().to_vec();
                (Some(registry), warnings)
            }
            Err(report) => (None, report.into_issues()),
        };
        for mut issue in found {
            issue.location = locate(&locations, &issue.path);
            issues.push(issue);
        }
        let rank = |i: &Issue| match &i.location {
            Some(l) => (
                file_rank
                    .iter()
                    .position(|f| *f == l.file)
                    .unwrap_or(usize::MAX),
                l.line,
            ),
            None => (0, 0),
        };
        issues.sort_by_key(|i| rank(i));
        match registry {
            Some(registry) if !issues.iter().any(Issue::is_error) => {
                Ok(registry.with_warnings(issues))
            }
            _ => Err(Report::new(issues)),
        }
    }
}

/// The location of the longest prefix of `path` that was read from the CSV.
fn locate(locations: &FxHashMap<String, CsvLocation>, path: &str) -> Option<CsvLocation> {
    let mut prefix = path;
    loop {
        if let Some(l) = locations.get(prefix) {
            return Some(l.clone());
        }
        let (parent, _) = prefix.rsplit_once('/')?;
        prefix = parent;
    }
}

/// The line (from 1) of a quoted cell that the text never closes, if any. The `csv` crate reads
/// such a cell to the end of the file without complaint; RFC 4180 makes it broken CSV.
fn unterminated_quote(text: &str) -> Option<u64> {
    let bytes = text.as_bytes();
    let (mut in_quotes, mut at_cell_start, mut opened_at) = (false, true, 0);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_quotes {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                    at_cell_start = false;
                }
            }
        } else if b == b'"' && at_cell_start {
            in_quotes = true;
            opened_at = i;
        } else {
            at_cell_start = matches!(b, b',' | b'\n' | b'\r');
        }
        i += 1;
    }
    in_quotes.then(|| 1 + bytes[..opened_at].iter().filter(|&&b| b == b'\n').count() as u64)
}

#[cfg(test)]
mod quote_tests {
    use super::unterminated_quote;

    #[test]
    fn an_open_quote_is_found_with_its_line() {
        assert_eq!(unterminated_quote("a,b\n\"x,y\n"), Some(2));
        assert_eq!(unterminated_quote("\"a"), Some(1));
        assert_eq!(unterminated_quote("a,b\r\n1,\"2\n3"), Some(2));
    }

    #[test]
    fn closed_and_escaped_quotes_are_fine() {
        assert_eq!(unterminated_quote("a,b\n\"x\"\"y\",z\n"), None);
        assert_eq!(unterminated_quote("a,\"multi\nline\"\n"), None);
        assert_eq!(unterminated_quote("a\"b,c\n"), None);
        assert_eq!(unterminated_quote(""), None);
    }
}
