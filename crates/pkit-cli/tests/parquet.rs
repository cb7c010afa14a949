//! `pkit convert --to parquet`: the export the core writes, flat or partitioned by fiscal
//! year; usage errors; and, built without the `parquet` feature, a refusal that says how to
//! get it.

// Helpers outside `#[test]` functions fail the test that calls them, by design.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

#[cfg(feature = "parquet")]
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const PKIT: &str = env!("CARGO_BIN_EXE_pkit");

/// Exit code, stdout and stderr of one run.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stderr: String,
}

fn pkit(args: &[&str]) -> Run {
    let output = Command::new(PKIT)
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("the pkit binary runs");
    let stderr = String::from_utf8(output.stderr).expect("stderr is UTF-8");
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    Run {
        code: output.status.code(),
        stderr,
    }
}

/// A fresh directory under the system's temp dir, removed on drop, with the sample registry
/// as `sample.json` in it.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("pkit-cli-parquet-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("sample.json"),
            pkit::Registry::sample().to_json_pretty(),
        )
        .unwrap();
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

fn s(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// Every file under `dir`, by `/`-separated relative path, with its bytes.
#[cfg(feature = "parquet")]
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten() {
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

#[test]
#[cfg(feature = "parquet")]
fn convert_to_parquet_writes_the_cores_export_flat_or_partitioned() {
    use pkit::parquet::PartitionBy;
    let tmp = TempDir::new("convert");
    let input = tmp.path("sample.json");
    let sample = pkit::Registry::sample();
    let flat = tmp.path("flat");
    let run = pkit(&["convert", s(&input), "--to", "parquet", "--out", s(&flat)]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let want: BTreeMap<String, Vec<u8>> =
        sample.to_parquet_files(None).unwrap().into_iter().collect();
    assert_eq!(want.len(), 15, "the 14 tables and datapackage.json");
    assert_eq!(snapshot(&flat), want);
    // The same directory again, partitioned: replaced whole.
    let args = [
        "convert",
        s(&input),
        "--to",
        "parquet",
        "--out",
        s(&flat),
        "--partition-by",
        "fiscal_year",
    ];
    let run = pkit(&args);
    assert_eq!(run.code, Some(0), "{run:?}");
    let want: BTreeMap<String, Vec<u8>> = sample
        .to_parquet_files(Some(PartitionBy::FiscalYear))
        .unwrap()
        .into_iter()
        .collect();
    let got = snapshot(&flat);
    assert_eq!(got, want);
    assert!(got.contains_key("exports/fiscal_year=FY2022-23/part-0.parquet"));
    assert!(!got.contains_key("exports.parquet"));
    // A CSV directory converted to Parquet gives the same files as its JSON.
    let csv = tmp.path("csv");
    assert_eq!(
        pkit(&["convert", s(&input), "--to", "csv", "--out", s(&csv)]).code,
        Some(0)
    );
    let from_csv = tmp.path("from-csv");
    let run = pkit(&["convert", s(&csv), "--to", "parquet", "--out", s(&from_csv)]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let want: BTreeMap<String, Vec<u8>> =
        sample.to_parquet_files(None).unwrap().into_iter().collect();
    assert_eq!(snapshot(&from_csv), want);
    // A directory that is not a Parquet export is refused and left alone.
    let run = pkit(&["convert", s(&input), "--to", "parquet", "--out", s(&csv)]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr.contains("no companies.parquet"),
        "{}",
        run.stderr
    );
    assert!(csv.join("registry.csv").is_file());
}

#[test]
fn convert_to_parquet_usage_errors() {
    let tmp = TempDir::new("usage");
    let input = tmp.path("sample.json");
    let run = pkit(&["convert", s(&input), "--to", "parquet"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    #[cfg(feature = "parquet")]
    assert!(
        run.stderr.contains("--to parquet needs --out DIR"),
        "{}",
        run.stderr
    );
    let out = tmp.path("out");
    let run = pkit(&[
        "convert",
        s(&input),
        "--to",
        "csv",
        "--out",
        s(&out),
        "--partition-by",
        "fiscal_year",
    ]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr.contains("--partition-by is for --to parquet"),
        "{}",
        run.stderr
    );
    let run = pkit(&[
        "convert",
        s(&input),
        "--to",
        "parquet",
        "--out",
        s(&out),
        "--partition-by",
        "year",
    ]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("fiscal_year"), "{}", run.stderr);
    assert!(!out.exists());
}

#[test]
#[cfg(not(feature = "parquet"))]
fn convert_to_parquet_without_the_feature_says_how_to_get_it() {
    let tmp = TempDir::new("no-feature");
    let input = tmp.path("sample.json");
    let out = tmp.path("out");
    let run = pkit(&["convert", s(&input), "--to", "parquet", "--out", s(&out)]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr
            .contains("this pkit was built without Parquet support"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--features parquet"), "{}", run.stderr);
    assert!(!out.exists());
}
