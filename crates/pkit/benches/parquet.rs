//! Writing the Parquet export against writing the CSV form, of the same ~50 MB generated
//! registry (the `load` bench's), in the same run; and the total size of each directory.
//!
//! Run: `cargo bench -p pkit --features parquet --bench parquet`. Criterion reports each; the
//! bench then prints the ratio of the medians and the sizes.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

mod support;
use support::median;

use criterion::{criterion_group, Criterion};
use pkit::parquet::PartitionBy;

/// The `load` bench's registry: 23,800 companies make about 50 MB of JSON.
const COMPANIES: usize = 23_800;

fn registry() -> pkit::Registry {
    pkit::generate::synthetic(COMPANIES, 1)
}

/// A fresh directory under the system's temporary folder, removed by `Drop`.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        let path = std::env::temp_dir().join(format!("pkit-bench-parquet-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        Scratch(path)
    }

    fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The bytes of every file under `dir`, and how many files.
fn size(dir: &Path) -> (u64, usize) {
    let mut total = (0, 0);
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            let (bytes, files) = size(&path);
            total = (total.0 + bytes, total.1 + files);
        } else if let Ok(meta) = entry.metadata() {
            total = (total.0 + meta.len(), total.1 + 1);
        }
    }
    total
}

fn write(c: &mut Criterion) {
    let registry = registry();
    let scratch = Scratch::new();
    let (csv, parquet) = (scratch.join("csv"), scratch.join("parquet"));
    let mut group = c.benchmark_group("write_50mb");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("to_csv_dir", |b| {
        b.iter(|| black_box(&registry).to_csv_dir(&csv))
    });
    group.bench_function("to_parquet_dir", |b| {
        b.iter(|| black_box(&registry).to_parquet_dir(&parquet))
    });
    group.finish();
}

/// The ratio, medians of 5 runs each in the same process, and the sizes.
#[allow(clippy::expect_used)]
fn ratio() {
    let registry = registry();
    let json = registry.to_json().len();
    let scratch = Scratch::new();
    let (csv, parquet, parts) = (
        scratch.join("csv"),
        scratch.join("parquet"),
        scratch.join("parts"),
    );
    let write = |f: &dyn Fn() -> Result<(), pkit::Error>| f().expect("the bench writes");
    let csv_time = median(|| write(&|| registry.to_csv_dir(&csv)), 5);
    let parquet_time = median(|| write(&|| registry.to_parquet_dir(&parquet)), 5);
    let parts_time = median(
        || write(&|| registry.to_parquet_dir_partitioned(&parts, PartitionBy::FiscalYear)),
        5,
    );
    let mb = |bytes: u64| bytes as f64 / 1e6;
    let ((csv_bytes, csv_files), (pq_bytes, pq_files), (parts_bytes, parts_files)) =
        (size(&csv), size(&parquet), size(&parts));
    println!(
        "registry: {COMPANIES} companies, {:.1} MB of JSON, {} export rows",
        json as f64 / 1e6,
        registry.table(pkit::table::TableName::Exports).rows()
    );
    println!(
        "to_csv_dir median {csv_time:?}: {csv_files} files, {:.1} MB",
        mb(csv_bytes)
    );
    println!(
        "to_parquet_dir median {parquet_time:?}: {pq_files} files, {:.1} MB",
        mb(pq_bytes)
    );
    println!(
        "to_parquet_dir_partitioned (fiscal_year) median {parts_time:?}: {parts_files} files, {:.1} MB",
        mb(parts_bytes)
    );
    println!(
        "time parquet / csv: {:.2}; size parquet / csv: {:.2}",
        parquet_time.as_secs_f64() / csv_time.as_secs_f64(),
        pq_bytes as f64 / csv_bytes as f64
    );
}

criterion_group!(benches, write);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    ratio();
}
