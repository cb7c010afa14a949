//! Writing the CSV form: one file per table, from the tables' document columns, and the data
//! package that describes them (`datapackage.json`).

use std::path::Path;

use super::{file_name, REGISTRY_FILE};
use crate::error::Error;
use crate::registry::Registry;
use crate::table::package::{self, DataPackage, PackageFormat};
use crate::value::Date;

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
    /// Writes the registry as a CSV directory: `registry.csv`, one file per table, and
    /// `datapackage.json`, a [Frictionless Data Package](https://datapackage.org) (v2, readable
    /// as v1) that describes every file: its size and SHA-256, its columns and their types,
    /// required values, vocabularies, ranges, keys and references. The same registry always
    /// gives the same bytes. Reading the directory back ignores the package.
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
    /// let package = std::fs::read_to_string(dir.join("datapackage.json")).unwrap();
    /// assert!(package.contains(r#""path": "certifications.csv""#));
    /// assert_eq!(pkit::Registry::from_csv_dir(&dir)?, pkit::Registry::sample());
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok::<(), pkit::Error>(())
    /// ```
    pub fn to_csv_dir(&self, dir: impl AsRef<Path>) -> Result<(), Error> {
        let dir = dir.as_ref();
        let files = self.csv_files().map(|(name, text)| {
            let text = text.map_err(csv_io(&dir.join(&name)))?;
            Ok((name, text))
        });
        crate::fs::write_dir(dir, &CSV_DIR, files)
    }

    /// The CSV form of the registry in memory: the name and text of each file that
    /// [`Registry::to_csv_dir`] writes, `registry.csv` first, then the tables in the order of
    /// [`TableName::ALL`](crate::table::TableName::ALL), then `datapackage.json`, which
    /// describes the others. [`Registry::from_csv_files`] reads them back equal (it ignores
    /// the package).
    ///
    /// # Example
    /// ```
    /// let sample = pkit::Registry::sample();
    /// let files = sample.to_csv_files();
    /// assert_eq!(files[0], ("registry.csv".to_owned(), "schema_version,as_of\r\n1,2026-01-31\r\n".to_owned()));
    /// assert_eq!(files.len(), 16);
    /// let (name, package) = &files[15];
    /// assert_eq!(name, "datapackage.json");
    /// let package: serde_json::Value = serde_json::from_str(package).unwrap();
    /// assert_eq!(package["resources"][1]["path"], "companies.csv");
    /// assert_eq!(package["resources"][1]["schema"]["primaryKey"][0], "id");
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

    /// Each file of the CSV form, made when the iterator reaches it; the data package last.
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
        let files = std::iter::once((REGISTRY_FILE.to_owned(), registry)).chain(tables);
        with_package(self.as_of(), files)
    }
}

/// `files`, then the data package that describes them: each file is counted and hashed as it
/// goes by, so that none is kept for the package.
fn with_package(
    as_of: Date,
    mut files: impl Iterator<Item = (String, Result<String, ::csv::Error>)>,
) -> impl Iterator<Item = (String, Result<String, ::csv::Error>)> {
    let mut package = Some(DataPackage::new(as_of, PackageFormat::Csv));
    std::iter::from_fn(move || match files.next() {
        Some((name, text)) => {
            if let (Some(package), Ok(text)) = (package.as_mut(), &text) {
                package.add(&name, text.as_bytes());
            }
            Some((name, text))
        }
        None => package
            .take()
            .map(|p| (package::FILE.to_owned(), Ok(p.to_json()))),
    })
}

/// A CSV directory holds `registry.csv`: one that does may be replaced.
const CSV_DIR: crate::fs::DirForm = crate::fs::DirForm {
    marker: REGISTRY_FILE,
    one: "a CSV registry",
    many: "CSV registries",
};
