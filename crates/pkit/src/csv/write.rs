//! Writing the CSV form: one file per table, from the tables' document columns.

use std::path::Path;

use super::{file_name, io, REGISTRY_FILE};
use crate::error::Error;
use crate::registry::Registry;

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
    /// assert_eq!(files.len(), 15);
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
