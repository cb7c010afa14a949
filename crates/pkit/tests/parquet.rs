//! The Parquet export (feature `parquet`): read back with the `parquet` crate's Arrow reader,
//! the same rows, types and metadata; byte-identical on each write; written atomically.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ::parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use arrow_array::cast::AsArray;
use arrow_array::types::UInt32Type;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::DataType;
use pkit::parquet::{PartitionBy, AS_OF_KEY, CREATED_BY, DEFAULT_PARTITION, VERSION_KEY};
use pkit::table::arrow::record_batch;
use pkit::table::TableName;
use pkit::Registry;

/// A fresh directory under the system's temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("pkit-parquet-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What a file holds: its rows (one batch), created_by and key-value metadata.
struct Read {
    batch: RecordBatch,
    created_by: Option<String>,
    metadata: BTreeMap<String, String>,
}

fn read(path: &Path) -> Read {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    let meta = builder.metadata().file_metadata();
    let created_by = meta.created_by().map(str::to_owned);
    let metadata = meta
        .key_value_metadata()
        .into_iter()
        .flatten()
        .map(|kv| (kv.key.clone(), kv.value.clone().unwrap_or_default()))
        .collect();
    let schema = builder.schema().clone();
    let batches: Vec<RecordBatch> = builder.build().unwrap().map(Result::unwrap).collect();
    let batch = arrow_select::concat::concat_batches(&schema, &batches).unwrap();
    Read {
        batch,
        created_by,
        metadata,
    }
}

/// Each row of a column as text (a dictionary's values decoded), to compare columns whose
/// dictionaries may be laid out differently.
fn texts(array: &ArrayRef) -> Vec<Option<String>> {
    match array.data_type() {
        DataType::Dictionary(_, _) => {
            let dictionary = array.as_dictionary::<UInt32Type>();
            let values = dictionary.values().as_string::<i32>();
            dictionary
                .keys()
                .iter()
                .map(|k| k.map(|k| values.value(k as usize).to_owned()))
                .collect()
        }
        DataType::Utf8 => array
            .as_string::<i32>()
            .iter()
            .map(|v| v.map(str::to_owned))
            .collect(),
        _ => panic!("not text: {}", array.data_type()),
    }
}

/// The two batches hold the same columns (names, types) and the same values.
fn assert_same_rows(got: &RecordBatch, want: &RecordBatch, what: &str) {
    assert_eq!(got.num_rows(), want.num_rows(), "{what}: rows");
    let names = |b: &RecordBatch| -> Vec<(String, DataType)> {
        b.schema()
            .fields()
            .iter()
            .map(|f| (f.name().clone(), f.data_type().clone()))
            .collect()
    };
    assert_eq!(names(got), names(want), "{what}: columns");
    for (i, field) in want.schema().fields().iter().enumerate() {
        let (g, w) = (got.column(i), want.column(i));
        if matches!(field.data_type(), DataType::Dictionary(..) | DataType::Utf8) {
            assert_eq!(texts(g), texts(w), "{what}.{}", field.name());
        } else {
            assert_eq!(g.as_ref(), w.as_ref(), "{what}.{}", field.name());
        }
    }
}

/// Every file under `dir`, by `/`-separated path relative to it, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            for (k, v) in snapshot(&path) {
                out.insert(format!("{name}/{k}"), v);
            }
        } else {
            out.insert(name, std::fs::read(&path).unwrap());
        }
    }
    out
}

/// A registry with rows in every table and warnings-free: the generator's.
fn generated() -> Registry {
    pkit::generate::synthetic(60, 3)
}

#[test]
fn every_table_reads_back_with_its_rows_types_and_metadata() {
    let tmp = TempDir::new("roundtrip");
    for (registry, name) in [(Registry::sample(), "sample"), (generated(), "generated")] {
        let dir = tmp.path(name);
        registry.to_parquet_dir(&dir).unwrap();
        let mut files: Vec<String> = snapshot(&dir).into_keys().collect();
        files.sort();
        let mut want: Vec<String> = TableName::ALL
            .iter()
            .map(|t| format!("{t}.parquet"))
            .chain(std::iter::once("datapackage.json".to_owned()))
            .collect();
        want.sort();
        assert_eq!(
            files, want,
            "{name}: one file per table and the data package, nothing else"
        );
        for &table in TableName::ALL {
            let file = read(&dir.join(format!("{table}.parquet")));
            let expected = record_batch(registry.table(table)).unwrap();
            assert_same_rows(&file.batch, &expected, &format!("{name}/{table}"));
            assert_eq!(file.created_by.as_deref(), Some(CREATED_BY));
            assert_eq!(file.metadata[VERSION_KEY], env!("CARGO_PKG_VERSION"));
            assert_eq!(file.metadata[AS_OF_KEY], registry.as_of().to_string());
            assert_eq!(file.metadata["pkit.table"], table.as_str());
            // The Arrow schema rides along, so dictionaries come back as dictionaries.
            assert!(file.metadata.contains_key("ARROW:schema"));
        }
    }
}

#[test]
fn amounts_are_unsigned_integers_and_derived_columns_are_kept() {
    let tmp = TempDir::new("types");
    let dir = tmp.path("out");
    let sample = Registry::sample();
    sample.to_parquet_dir(&dir).unwrap();
    let exports = read(&dir.join("exports.parquet")).batch;
    let schema = exports.schema();
    let amount = schema.field_with_name("amount_usd").unwrap();
    assert_eq!(amount.data_type(), &DataType::UInt64);
    let dictionary = DataType::Dictionary(Box::new(DataType::UInt32), Box::new(DataType::Utf8));
    assert_eq!(
        schema.field_with_name("fiscal_year").unwrap().data_type(),
        &dictionary
    );
    assert_eq!(
        schema.field_with_name("period_start").unwrap().data_type(),
        &DataType::Date32
    );
    // The total is the document's, to the dollar.
    let amounts = exports
        .column_by_name("amount_usd")
        .unwrap()
        .as_primitive::<arrow_array::types::UInt64Type>();
    let total: u64 = amounts.iter().flatten().sum();
    let want: u64 = sample
        .companies()
        .iter()
        .flat_map(|c| &c.exports)
        .map(|e| e.amount_usd)
        .sum();
    assert_eq!(total, want);
    let certifications = read(&dir.join("certifications.parquet")).batch;
    assert!(certifications.column_by_name("effective_expiry").is_some());
}

#[test]
fn the_same_registry_gives_the_same_bytes() {
    let tmp = TempDir::new("determinism");
    let registry = generated();
    for by in [None, Some(PartitionBy::FiscalYear)] {
        let (a, b) = (tmp.path("a"), tmp.path("b"));
        match by {
            None => {
                registry.to_parquet_dir(&a).unwrap();
                registry.to_parquet_dir(&b).unwrap();
            }
            Some(by) => {
                registry.to_parquet_dir_partitioned(&a, by).unwrap();
                registry.to_parquet_dir_partitioned(&b, by).unwrap();
            }
        }
        let (a, b) = (snapshot(&a), snapshot(&b));
        assert_eq!(a, b, "{by:?}");
        // And what is written is what `to_parquet_files` gives.
        let files: BTreeMap<String, Vec<u8>> =
            registry.to_parquet_files(by).unwrap().into_iter().collect();
        assert_eq!(files, a, "{by:?}");
        let _ = std::fs::remove_dir_all(tmp.path("a"));
        let _ = std::fs::remove_dir_all(tmp.path("b"));
    }
}

#[test]
fn partitions_by_fiscal_year_hold_every_row_without_the_partition_column() {
    let tmp = TempDir::new("partitioned");
    let dir = tmp.path("out");
    let registry = generated();
    registry
        .to_parquet_dir_partitioned(&dir, PartitionBy::FiscalYear)
        .unwrap();
    let files = snapshot(&dir);
    for &table in TableName::ALL {
        let expected = record_batch(registry.table(table)).unwrap();
        let Ok(index) = expected.schema().index_of("fiscal_year") else {
            // Tables without the column stay one file.
            assert!(files.contains_key(&format!("{table}.parquet")), "{table}");
            continue;
        };
        assert!(!files.contains_key(&format!("{table}.parquet")), "{table}");
        let labels = texts(expected.column(index));
        let mut distinct: Vec<String> = labels.iter().flatten().cloned().collect();
        distinct.sort();
        distinct.dedup();
        let parts: Vec<&String> = files
            .keys()
            .filter(|k| k.starts_with(&format!("{table}/")))
            .collect();
        let want_parts: Vec<String> = distinct
            .iter()
            .map(|fy| format!("{table}/fiscal_year={fy}/part-0.parquet"))
            .collect();
        assert_eq!(parts, want_parts.iter().collect::<Vec<_>>(), "{table}");
        assert!(distinct.len() > 1, "{table}: several fiscal years");
        // Each partition holds exactly the rows of its fiscal year, in document order, and
        // every other column.
        let mut rest = expected.clone();
        rest.remove_column(index);
        let mut seen = 0;
        for fy in &distinct {
            let rows: Vec<u32> = (0..labels.len() as u32)
                .filter(|&i| labels[i as usize].as_deref() == Some(fy))
                .collect();
            let want =
                arrow_select::take::take_record_batch(&rest, &arrow_array::UInt32Array::from(rows))
                    .unwrap();
            let part = read(&dir.join(format!("{table}/fiscal_year={fy}/part-0.parquet")));
            assert_same_rows(&part.batch, &want, &format!("{table} {fy}"));
            assert_eq!(part.metadata[AS_OF_KEY], registry.as_of().to_string());
            seen += part.batch.num_rows();
        }
        assert_eq!(seen, expected.num_rows(), "{table}: every row once");
    }
}

#[test]
fn an_empty_partitioned_table_is_one_empty_file_in_the_default_partition() {
    let tmp = TempDir::new("empty");
    let dir = tmp.path("out");
    let empty = Registry::from_json(r#"{"schema_version": 1, "as_of": "2024-06-30"}"#).unwrap();
    empty
        .to_parquet_dir_partitioned(&dir, PartitionBy::FiscalYear)
        .unwrap();
    let file = read(&dir.join(format!(
        "exports/fiscal_year={DEFAULT_PARTITION}/part-0.parquet"
    )));
    assert_eq!(file.batch.num_rows(), 0);
    let columns: Vec<String> = file
        .batch
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(
        columns,
        [
            "company_id",
            "period",
            "amount_usd",
            "market",
            "service",
            "period_start",
            "period_end"
        ]
    );
    assert_eq!(read(&dir.join("companies.parquet")).batch.num_rows(), 0);
}

#[test]
fn an_existing_export_is_replaced_whole_and_nothing_else_is() {
    let tmp = TempDir::new("replace");
    let dir = tmp.path("out");
    // A partitioned export, then a flat one of another registry in its place: no partition
    // folder of the first is left.
    generated()
        .to_parquet_dir_partitioned(&dir, PartitionBy::FiscalYear)
        .unwrap();
    assert!(dir.join("exports").is_dir());
    let sample = Registry::sample();
    sample.to_parquet_dir(&dir).unwrap();
    let files: BTreeMap<String, Vec<u8>> =
        sample.to_parquet_files(None).unwrap().into_iter().collect();
    assert_eq!(snapshot(&dir), files);
    // No temporary sibling is left beside it.
    let names: Vec<String> = std::fs::read_dir(&tmp.0)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["out"]);
    // A directory with other files, a CSV registry among them, is not a Parquet export:
    // refused, and left as it was.
    let csv = tmp.path("csv");
    sample.to_csv_dir(&csv).unwrap();
    let before = snapshot(&csv);
    let err = sample.to_parquet_dir(&csv).unwrap_err();
    let pkit::Error::Io { path, source } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(path, &csv);
    assert_eq!(source.kind(), std::io::ErrorKind::AlreadyExists);
    assert!(err.to_string().contains("no companies.parquet"), "{err}");
    assert_eq!(snapshot(&csv), before);
    // And the CSV writer refuses a Parquet export the same way.
    let err = sample.to_csv_dir(&dir).unwrap_err();
    assert!(err.to_string().contains("no registry.csv"), "{err}");
    // An empty directory is written into.
    let fresh = tmp.path("fresh");
    std::fs::create_dir(&fresh).unwrap();
    sample.to_parquet_dir(&fresh).unwrap();
    assert!(fresh.join("companies.parquet").is_file());
}

#[test]
fn an_unwritable_target_is_an_io_error_that_changes_nothing() {
    let tmp = TempDir::new("unwritable");
    let file = tmp.path("notes.txt");
    std::fs::write(&file, "keep me").unwrap();
    let sample = Registry::sample();
    // The target is a file.
    let err = sample.to_parquet_dir(&file).unwrap_err();
    assert!(err.to_string().contains("not a directory"), "{err}");
    assert!(matches!(&err, pkit::Error::Io { path, .. } if path == &file));
    // The target's parent is a file: nothing can be created there.
    let below = file.join("out");
    let err = sample
        .to_parquet_dir_partitioned(&below, PartitionBy::FiscalYear)
        .unwrap_err();
    assert!(matches!(err, pkit::Error::Io { .. }), "{err:?}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
    let names: Vec<String> = std::fs::read_dir(&tmp.0)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["notes.txt"]);
}

/// `datapackage.json` beside a Parquet export describes every file: one resource per table
/// (a partitioned table's files its parts, in order), the bytes and SHA-256 of the files one
/// after the other, and the fields of the file's schema in order (the partition column aside).
#[test]
fn the_data_package_describes_every_parquet_file() {
    use sha2::{Digest, Sha256};
    let tmp = TempDir::new("package");
    let registry = generated();
    for by in [None, Some(PartitionBy::FiscalYear)] {
        let dir = tmp.path(if by.is_some() {
            "partitioned"
        } else {
            "single"
        });
        match by {
            Some(by) => registry.to_parquet_dir_partitioned(&dir, by).unwrap(),
            None => registry.to_parquet_dir(&dir).unwrap(),
        }
        let text = std::fs::read_to_string(dir.join("datapackage.json")).unwrap();
        let package: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut described = Vec::new();
        let resources = package["resources"].as_array().unwrap();
        assert_eq!(
            resources.len(),
            TableName::ALL.len(),
            "one resource per table"
        );
        for resource in resources {
            let paths: Vec<String> = match &resource["path"] {
                serde_json::Value::String(path) => vec![path.clone()],
                serde_json::Value::Array(paths) => paths
                    .iter()
                    .map(|p| p.as_str().unwrap().to_owned())
                    .collect(),
                other => panic!("path {other}"),
            };
            assert_eq!(resource["format"], "parquet");
            let mut hash = Sha256::new();
            let mut bytes = 0;
            for path in &paths {
                let content = std::fs::read(dir.join(path)).unwrap();
                bytes += content.len();
                hash.update(&content);
                let file = read(&dir.join(path));
                let columns: Vec<String> = file
                    .batch
                    .schema()
                    .fields()
                    .iter()
                    .map(|f| f.name().clone())
                    .collect();
                let fields: Vec<String> = resource["schema"]["fields"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| f["name"].as_str().unwrap().to_owned())
                    .collect();
                assert_eq!(fields, columns, "{path}: the fields are the file's columns");
                described.push(path.clone());
            }
            let hex: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
            assert_eq!(resource["bytes"], bytes, "{paths:?}");
            assert_eq!(resource["hash"], format!("sha256:{hex}"), "{paths:?}");
        }
        // Every file but the package is described, once.
        let mut files: Vec<String> = snapshot(&dir)
            .into_keys()
            .filter(|path| path != "datapackage.json")
            .collect();
        files.sort();
        described.sort();
        assert_eq!(described, files);
    }
}
