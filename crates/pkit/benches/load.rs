//! Validated loading against building a `serde_json::Value` tree, on a ~50 MB generated document.
//!
//! Run: `cargo bench -p pkit --bench load`. Criterion reports each; the bench then prints the
//! ratio of the medians (the goal: validated loading at most 0.8x the `Value` tree).

use std::hint::black_box;
use std::time::Duration;

mod support;
use support::median;

use criterion::{criterion_group, Criterion, Throughput};

/// About 2.1 KB of JSON per generated company (promotion data included): 23,800 companies make
/// about 50 MB.
const COMPANIES: usize = 23_800;

fn document() -> String {
    pkit::generate::synthetic(COMPANIES, 1).to_json()
}

fn load(c: &mut Criterion) {
    let text = document();
    assert!(
        pkit::validate(&text).is_empty(),
        "the generated document is valid"
    );
    let mut group = c.benchmark_group("load_50mb");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("pkit_registry_from_json", |b| {
        b.iter(|| pkit::Registry::from_json(black_box(&text)))
    });
    group.bench_function("serde_json_value", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&text)))
    });
    group.finish();
}

/// The ratio the issue asks for, measured in the same run, medians of 7 alternating runs.
fn ratio() {
    let text = document();
    let pkit = median(
        || drop(black_box(pkit::Registry::from_json(black_box(&text)))),
        7,
    );
    let value = median(
        || {
            drop(black_box(serde_json::from_str::<serde_json::Value>(
                black_box(&text),
            )))
        },
        7,
    );
    println!(
        "document: {:.1} MB; Registry::from_json median {:?}; Value tree median {:?}; ratio {:.2} (goal <= 0.66)",
        text.len() as f64 / 1e6,
        pkit,
        value,
        pkit.as_secs_f64() / value.as_secs_f64()
    );
}

criterion_group!(benches, load);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    ratio();
}
