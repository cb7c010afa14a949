//! The CSV form of a registry: a directory with one RFC 4180 file per table (a header row,
//! then one row per record), `registry.csv` holding `schema_version` and `as_of`, and
//! `datapackage.json`, the Frictionless data package that describes the files (types,
//! vocabularies, keys, sizes and SHA-256 hashes). Readers ignore files that are not `.csv`.
//!
//! Writing uses the columns of [`crate::table`] that are fields of the document (derived
//! columns are left out). Reading rebuilds the JSON document from the rows and runs the same
//! validation as JSON, so a CSV directory gets exactly the issues its JSON form would, each
//! also located in the CSV: file, line and column (`certifications.csv:12:expires_on`).
//! Child rows name their parent in their first column and keep their order within it:
//! offices, certifications, awards, exports, leads and agreements their company
//! (`company_id`), participants and headcounts their initiative (`initiative_id`).
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
//!
//! The module is split by job: `layout` (which column is which field of the document),
//! `write` (the files from the tables), `source` (the files of a directory or of memory, read
//! into rows), `rebuild` (the rows turned back into a JSON document, every value's place
//! remembered) and `locate` (the document validated and each issue placed in the CSV).

mod layout;
mod locate;
mod rebuild;
mod source;
mod write;

use std::path::Path;

use crate::error::Error;
use crate::issue::Location;
use crate::issue::{Issue, Report};
use crate::limits::Limits;
use crate::registry::Registry;
use crate::table::TableName;
use source::{Dir, Files, Memory};

/// The file that holds `schema_version` and `as_of`.
pub const REGISTRY_FILE: &str = "registry.csv";

pub(crate) fn file_name(table: TableName) -> String {
    format!("{}.csv", table.as_str())
}

/// Loads the CSV directory `dir` (see [`Registry::from_csv_dir`]).
pub(crate) fn load_dir(dir: &Path, limits: &Limits) -> Result<Registry, Error> {
    load(&Dir(dir), limits)
}

/// Loads the CSV files held in memory (see [`Registry::from_csv_files`]).
pub(crate) fn load_files<N: AsRef<str>, C: AsRef<[u8]>>(
    files: &[(N, C)],
    limits: &Limits,
) -> Result<Registry, Error> {
    load(&Memory(files), limits)
}

fn load(files: &impl Files, limits: &Limits) -> Result<Registry, Error> {
    rebuild::read(files, limits)?
        .load(limits)
        .map_err(Error::from_report)
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
/// assert_eq!(report.issues()[0].location.as_ref().and_then(|l| l.file.as_deref()), Some("notes.csv"));
/// # Ok::<(), pkit::Error>(())
/// ```
pub fn validate_files<N: AsRef<str>, C: AsRef<[u8]>>(files: &[(N, C)]) -> Result<Report, Error> {
    validate_source(&Memory(files))
}

fn validate_source(files: &impl Files) -> Result<Report, Error> {
    let limits = Limits::default();
    let read = rebuild::read(files, &limits)?;
    Ok(match read.load(&limits) {
        Ok(registry) => Report::new(registry.warnings().to_vec()),
        Err(report) => report,
    })
}

/// An I/O error naming `path`.
fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_owned(),
        source,
    }
}

/// `issue`, located in the CSV.
fn located(mut issue: Issue, file: &str, line: u64, column: Option<&str>) -> Issue {
    issue.location = Some(Location::csv(file, line, column));
    issue
}
