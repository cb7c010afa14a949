//! The Parquet export of a registry (feature `parquet`): a directory with one Parquet file per
//! table, for DuckDB, pandas, polars, Spark and the like.
//!
//! [`Registry::to_parquet_dir`] writes `companies.parquet`, `offices.parquet`, ... (one file
//! for each of the fourteen tables of [`TableName::ALL`], empty tables too).
//! [`Registry::to_parquet_dir_partitioned`] with [`PartitionBy::FiscalYear`] writes the tables
//! that have a `fiscal_year` column (`exports` and `initiatives`) as Hive partitions instead,
//! `exports/fiscal_year=FY2024-25/part-0.parquet`, and the others as single files.
//!
//! The files hold the tables as [`record_batch`] makes them: every column, derived ones
//! included; amounts and counts as `UInt64`, exactly as the document has them; dates as
//! `Date32`; enums, codes, periods and company ids as dictionaries, which readers get back as
//! dictionaries (pandas categoricals) from the Arrow schema stored in the file. Each file is
//! compressed with zstd (level [`ZSTD_LEVEL`]) and carries, in its key-value metadata, the
//! [`VERSION_KEY`], [`AS_OF_KEY`] and [`TABLE_KEY`] entries; its `created_by` is
//! [`CREATED_BY`]. Nothing in a file depends on the time or the machine: the same registry
//! gives byte-identical files. Beside them, `datapackage.json` describes the files as a
//! Frictionless data package (as for the CSV form), each table one resource, a partitioned
//! table's files its parts.
//!
//! ```
//! let dir = std::env::temp_dir().join(format!("pkit-parquet-doc-{}", std::process::id()));
//! let sample = pkit::Registry::sample();
//! sample.to_parquet_dir(&dir)?;
//! assert!(dir.join("companies.parquet").is_file());
//! assert!(dir.join("claims.parquet").is_file());
//! assert!(dir.join("datapackage.json").is_file());
//! sample.to_parquet_dir_partitioned(&dir, pkit::parquet::PartitionBy::FiscalYear)?;
//! assert!(dir.join("exports/fiscal_year=FY2022-23/part-0.parquet").is_file());
//! # std::fs::remove_dir_all(&dir).ok();
//! # Ok::<(), pkit::Error>(())
//! ```

use std::path::{Path, PathBuf};

use ::parquet::arrow::ArrowWriter;
use ::parquet::basic::{Compression, ZstdLevel};
use ::parquet::file::metadata::KeyValue;
use ::parquet::file::properties::WriterProperties;
use arrow_array::cast::AsArray;
use arrow_array::types::UInt32Type;
use arrow_array::{Array, RecordBatch, UInt32Array};
use arrow_schema::{ArrowError, DataType};

use crate::error::Error;
use crate::fs::DirForm;
use crate::registry::Registry;
use crate::table::arrow::record_batch;
use crate::table::package::{self, DataPackage, PackageFormat};
use crate::table::{Table, TableName};

/// The key of pkit's version in each file's key-value metadata (`0.1.0`).
///
/// # Example
/// ```
/// assert_eq!(pkit::parquet::VERSION_KEY, "pkit.version");
/// ```
pub const VERSION_KEY: &str = "pkit.version";

/// The key of the registry's `as_of` date (`2026-01-31`) in each file's key-value metadata.
///
/// # Example
/// ```
/// assert_eq!(pkit::parquet::AS_OF_KEY, "pkit.as_of");
/// ```
pub const AS_OF_KEY: &str = "pkit.as_of";

/// The key of the table's name (`exports`) in each file's key-value metadata.
///
/// # Example
/// ```
/// assert_eq!(pkit::parquet::TABLE_KEY, "pkit.table");
/// ```
pub const TABLE_KEY: &str = "pkit.table";

/// The `created_by` of every file pkit writes: fixed for a version of pkit (the Parquet
/// library's own default names its version instead).
///
/// # Example
/// ```
/// assert_eq!(pkit::parquet::CREATED_BY, concat!("pkit version ", env!("CARGO_PKG_VERSION")));
/// ```
pub const CREATED_BY: &str = concat!("pkit version ", env!("CARGO_PKG_VERSION"));

/// The zstd level of the files: zstd's own default, which compresses the tables to about
/// what higher levels give, several times faster.
///
/// # Example
/// ```
/// assert_eq!(pkit::parquet::ZSTD_LEVEL, 3);
/// ```
pub const ZSTD_LEVEL: i32 = 3;

/// The partition of the rows whose partition value is null, as Hive names it (DuckDB, Spark
/// and pyarrow read it back as null).
///
/// # Example
/// ```
/// assert_eq!(pkit::parquet::DEFAULT_PARTITION, "__HIVE_DEFAULT_PARTITION__");
/// ```
pub const DEFAULT_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

crate::issue::vocabulary! {
    /// How [`Registry::to_parquet_dir_partitioned`] splits a table into Hive partitions.
    ///
    /// Parses from and prints as the name of the column it partitions by.
    ///
    /// # Example
    /// ```
    /// use pkit::parquet::PartitionBy;
    /// let by: PartitionBy = "fiscal_year".parse()?;
    /// assert_eq!(by, PartitionBy::FiscalYear);
    /// assert_eq!(by.column(), "fiscal_year");
    /// let err = "year".parse::<PartitionBy>().unwrap_err();
    /// assert_eq!(err.to_string(), "`year` is not a partitioning: expected one of fiscal_year");
    /// # Ok::<(), pkit::value::ParseError>(())
    /// ```
    #[non_exhaustive]
    pub enum PartitionBy as "a partitioning" in "pkit::parquet" {
        /// By the label of the fiscal year (`fiscal_year=FY2024-25`), for the tables with a
        /// `fiscal_year` column: `exports` (the fiscal year of the period) and `initiatives`
        /// (of the first day).
        FiscalYear = "fiscal_year",
    }
}

impl PartitionBy {
    /// The column a table is partitioned by; a table without it is written as one file.
    ///
    /// # Example
    /// ```
    /// use pkit::parquet::PartitionBy;
    /// use pkit::table::TableName;
    /// let registry = pkit::Registry::sample();
    /// let partitioned: Vec<_> = TableName::ALL.iter()
    ///     .filter(|&&t| registry.table(t).column(PartitionBy::FiscalYear.column()).is_some())
    ///     .map(|t| t.as_str())
    ///     .collect();
    /// assert_eq!(partitioned, ["exports", "initiatives"]);
    /// ```
    pub fn column(self) -> &'static str {
        match self {
            PartitionBy::FiscalYear => "fiscal_year",
        }
    }
}

/// A Parquet export holds `companies.parquet` (never partitioned): one that does may be
/// replaced.
const PARQUET_DIR: DirForm = DirForm {
    marker: "companies.parquet",
    one: "a Parquet export",
    many: "Parquet exports",
};

impl Registry {
    /// Writes the registry as a directory of Parquet files, one per table:
    /// `companies.parquet`, `offices.parquet`, ... `claims.parquet` (see [the
    /// module](crate::parquet) for what the files hold).
    ///
    /// The files are written to a temporary directory beside `dir`, which then takes its
    /// place, so `dir` is never left half-written or missing (see [`crate::fs`]). An existing
    /// `dir` is replaced when it is empty or a Parquet export (it holds `companies.parquet`);
    /// any other existing path is refused, so that no file pkit did not write is deleted.
    ///
    /// # Errors
    /// [`Error::Io`] when a file cannot be written, or when `dir` exists and is a file or a
    /// directory with other files (kind `AlreadyExists`); `dir` is then unchanged.
    ///
    /// # Example
    /// ```
    /// let dir = std::env::temp_dir().join(format!("pkit-parquet-write-{}", std::process::id()));
    /// pkit::Registry::sample().to_parquet_dir(&dir)?;
    /// let names: Vec<_> = pkit::table::TableName::ALL.iter()
    ///     .map(|t| format!("{t}.parquet")).collect();
    /// assert!(names.iter().all(|name| dir.join(name).is_file()));
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok::<(), pkit::Error>(())
    /// ```
    pub fn to_parquet_dir(&self, dir: impl AsRef<Path>) -> Result<(), Error> {
        self.write_parquet_dir(dir.as_ref(), None)
    }

    /// Writes the registry as [`Registry::to_parquet_dir`] does, but each table with the
    /// column of `by` as Hive partitions: `exports/fiscal_year=FY2024-25/part-0.parquet`, one
    /// folder per value in ascending order, then [`DEFAULT_PARTITION`] for the rows without
    /// one. The partition column is left out of the files, as Hive does: readers (DuckDB's
    /// `hive_partitioning`, pyarrow's `partitioning="hive"`, Spark) give it back from the
    /// folder names and skip the folders a filter on it excludes. A table without rows is one
    /// empty file in [`DEFAULT_PARTITION`], so that its columns are still there to read.
    ///
    /// # Errors
    /// As [`Registry::to_parquet_dir`].
    ///
    /// # Example
    /// ```
    /// use pkit::parquet::PartitionBy;
    /// let dir = std::env::temp_dir().join(format!("pkit-parquet-part-{}", std::process::id()));
    /// pkit::Registry::sample().to_parquet_dir_partitioned(&dir, PartitionBy::FiscalYear)?;
    /// assert!(dir.join("exports/fiscal_year=FY2021-22/part-0.parquet").is_file());
    /// assert!(dir.join("initiatives/fiscal_year=FY2023-24/part-0.parquet").is_file());
    /// assert!(dir.join("companies.parquet").is_file());
    /// assert!(!dir.join("exports.parquet").exists());
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok::<(), pkit::Error>(())
    /// ```
    pub fn to_parquet_dir_partitioned(
        &self,
        dir: impl AsRef<Path>,
        by: PartitionBy,
    ) -> Result<(), Error> {
        self.write_parquet_dir(dir.as_ref(), Some(by))
    }

    /// The Parquet export in memory: the path (relative to the directory, `/`-separated) and
    /// bytes of each file that [`Registry::to_parquet_dir`] (`partition_by: None`) or
    /// [`Registry::to_parquet_dir_partitioned`] writes, the tables in the order of
    /// [`TableName::ALL`] and, within a partitioned table, its partitions in the order of
    /// their values, then [`DEFAULT_PARTITION`]; last `datapackage.json`, the Frictionless
    /// data package that describes them (every column, derived ones included).
    ///
    /// # Errors
    /// [`Error::Io`], naming the file, when the Parquet writer refuses a table (which the
    /// tables of a registry do not give).
    ///
    /// # Example
    /// ```
    /// use pkit::parquet::PartitionBy;
    /// let sample = pkit::Registry::sample();
    /// let files = sample.to_parquet_files(None)?;
    /// assert_eq!(files.len(), 15);
    /// assert_eq!(files[14].0, "datapackage.json");
    /// assert_eq!(files[0].0, "companies.parquet");
    /// assert!(files[0].1.starts_with(b"PAR1") && files[0].1.ends_with(b"PAR1"));
    /// assert_eq!(files, sample.to_parquet_files(None)?, "the same bytes every time");
    /// let partitioned = sample.to_parquet_files(Some(PartitionBy::FiscalYear))?;
    /// assert!(partitioned.iter().any(|(path, _)| path == "exports/fiscal_year=FY2023-24/part-0.parquet"));
    /// # Ok::<(), pkit::Error>(())
    /// ```
    pub fn to_parquet_files(
        &self,
        partition_by: Option<PartitionBy>,
    ) -> Result<Vec<(String, Vec<u8>)>, Error> {
        let as_of = self.as_of().to_string();
        let mut files = Vec::new();
        for table in self.tables() {
            table_files(table, partition_by, &as_of, &mut files)?;
        }
        let mut data_package = DataPackage::new(self.as_of(), PackageFormat::Parquet);
        for (path, bytes) in &files {
            data_package.add(path, bytes);
        }
        files.push((
            package::FILE.to_owned(),
            data_package.to_json().into_bytes(),
        ));
        Ok(files)
    }

    fn write_parquet_dir(&self, dir: &Path, by: Option<PartitionBy>) -> Result<(), Error> {
        // Refuse a target that may not be replaced before the work of encoding.
        crate::fs::check_replaceable(dir, &PARQUET_DIR)?;
        let files = self.to_parquet_files(by).map_err(|e| match e {
            Error::Io { path, source } => Error::Io {
                path: dir.join(path),
                source,
            },
            other => other,
        })?;
        crate::fs::write_dir(dir, &PARQUET_DIR, files.into_iter().map(Ok))
    }
}

/// Appends the file or partition files of one table to `files`.
fn table_files(
    table: Table,
    by: Option<PartitionBy>,
    as_of: &str,
    files: &mut Vec<(String, Vec<u8>)>,
) -> Result<(), Error> {
    let name = table.name();
    let column = by
        .map(PartitionBy::column)
        .filter(|&c| table.column(c).is_some());
    let single = format!("{name}.parquet");
    let batch = record_batch(table).map_err(|e| refused(&single, &e))?;
    let Some(column) = column else {
        let bytes = parquet_bytes(&batch, name, as_of).map_err(|e| refused(&single, &e))?;
        files.push((single, bytes));
        return Ok(());
    };
    let parts = partitions(&batch, column).map_err(|e| refused(&format!("{name}/"), &e))?;
    for (value, part) in parts {
        let path = format!(
            "{name}/{column}={}/part-0.parquet",
            folder_value(value.as_deref())
        );
        let bytes = parquet_bytes(&part, name, as_of).map_err(|e| refused(&path, &e))?;
        files.push((path, bytes));
    }
    Ok(())
}

/// The Parquet file of one batch, in memory.
fn parquet_bytes(
    batch: &RecordBatch,
    table: TableName,
    as_of: &str,
) -> Result<Vec<u8>, ::parquet::errors::ParquetError> {
    let metadata = vec![
        KeyValue::new(VERSION_KEY.to_owned(), env!("CARGO_PKG_VERSION").to_owned()),
        KeyValue::new(AS_OF_KEY.to_owned(), as_of.to_owned()),
        KeyValue::new(TABLE_KEY.to_owned(), table.as_str().to_owned()),
    ];
    let properties = WriterProperties::builder()
        .set_created_by(CREATED_BY.to_owned())
        .set_compression(Compression::ZSTD(ZstdLevel::try_new(ZSTD_LEVEL)?))
        .set_key_value_metadata(Some(metadata))
        .build();
    let mut writer = ArrowWriter::try_new(Vec::new(), batch.schema(), Some(properties))?;
    writer.write(batch)?;
    writer.into_inner()
}

/// The rows of `batch` by the value of `column` (which is left out of the parts): the values
/// in ascending order, then the rows where it is null. A batch without rows gives one empty
/// part, the null one.
fn partitions(
    batch: &RecordBatch,
    column: &str,
) -> Result<Vec<(Option<String>, RecordBatch)>, ArrowError> {
    let index = batch.schema().index_of(column)?;
    let values = batch.column(index);
    let mut rest = batch.clone();
    rest.remove_column(index);
    // Each row's value, as an index into `labels` (none for a null).
    let (labels, rows): (Vec<Option<&str>>, Vec<Option<usize>>) = match values.data_type() {
        DataType::Dictionary(key, value)
            if **key == DataType::UInt32 && **value == DataType::Utf8 =>
        {
            let dictionary = values.as_dictionary::<UInt32Type>();
            let labels = dictionary.values().as_string::<i32>();
            let rows = dictionary
                .keys()
                .iter()
                .map(|key| key.map(|k| k as usize))
                .collect();
            (labels.iter().collect(), rows)
        }
        DataType::Utf8 => {
            let labels = values.as_string::<i32>();
            (
                labels.iter().collect(),
                (0..labels.len()).map(Some).collect(),
            )
        }
        other => {
            return Err(ArrowError::InvalidArgumentError(format!(
                "cannot partition by `{column}`, a column of {other}"
            )))
        }
    };
    // The rows of each distinct value (two labels may be equal), and of the nulls.
    let mut by_value: std::collections::BTreeMap<&str, Vec<u32>> = Default::default();
    let mut nulls = Vec::new();
    for (row, label) in rows.into_iter().enumerate() {
        let row = u32::try_from(row)
            .map_err(|_| ArrowError::InvalidArgumentError("too many rows to partition".into()))?;
        match label.and_then(|l| labels.get(l).copied().flatten()) {
            Some(value) => by_value.entry(value).or_default().push(row),
            None => nulls.push(row),
        }
    }
    let mut parts = Vec::with_capacity(by_value.len() + 1);
    for (value, rows) in by_value {
        let part = arrow_select::take::take_record_batch(&rest, &UInt32Array::from(rows))?;
        parts.push((Some(value.to_owned()), part));
    }
    if !nulls.is_empty() || parts.is_empty() {
        let part = arrow_select::take::take_record_batch(&rest, &UInt32Array::from(nulls))?;
        parts.push((None, part));
    }
    Ok(parts)
}

/// A partition value as a folder name: Hive's escapes (`%2F` for `/`, ...) for the few
/// characters a path cannot hold; [`DEFAULT_PARTITION`] for null. Fiscal-year labels need
/// none.
fn folder_value(value: Option<&str>) -> String {
    let Some(value) = value else {
        return DEFAULT_PARTITION.to_owned();
    };
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if c.is_control() || "\"#%'*/:=?\\{[]^".contains(c) {
            let mut bytes = [0; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A refusal of the Parquet writer or of Arrow, as an I/O error naming the file.
fn refused(path: &str, error: &dyn std::fmt::Display) -> Error {
    Error::Io {
        path: PathBuf::from(path),
        source: std::io::Error::other(format!("cannot write Parquet: {error}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_values_escape_what_a_path_cannot_hold() {
        assert_eq!(folder_value(Some("FY2024-25")), "FY2024-25");
        assert_eq!(folder_value(Some("a/b=c%")), "a%2Fb%3Dc%25");
        assert_eq!(folder_value(None), DEFAULT_PARTITION);
    }

    #[test]
    fn nulls_go_to_the_default_partition_and_an_empty_table_is_one_empty_part() {
        use arrow_array::{DictionaryArray, StringArray, UInt64Array};
        use std::sync::Arc;
        let keys = UInt32Array::from(vec![Some(1), None, Some(0), Some(1)]);
        let labels = StringArray::from(vec!["FY2024-25", "FY2023-24"]);
        let fiscal_year = DictionaryArray::<UInt32Type>::try_new(keys, Arc::new(labels)).unwrap();
        let amounts = UInt64Array::from(vec![1, 2, 3, 4]);
        let batch = RecordBatch::try_from_iter([
            ("amount", Arc::new(amounts) as _),
            ("fiscal_year", Arc::new(fiscal_year) as _),
        ])
        .unwrap();
        let parts = partitions(&batch, "fiscal_year").unwrap();
        let got: Vec<_> = parts
            .iter()
            .map(|(value, part)| {
                assert_eq!(part.num_columns(), 1);
                let amounts = part
                    .column(0)
                    .as_primitive::<arrow_array::types::UInt64Type>();
                (value.clone(), amounts.values().to_vec())
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some("FY2023-24".to_owned()), vec![1, 4]),
                (Some("FY2024-25".to_owned()), vec![3]),
                (None, vec![2]),
            ]
        );
        let empty = partitions(&batch.slice(0, 0), "fiscal_year").unwrap();
        assert_eq!(empty.len(), 1);
        assert_eq!((empty[0].0.clone(), empty[0].1.num_rows()), (None, 0));
        assert!(partitions(&batch, "amount").is_err());
    }
}
