//! The analytics against loading, on `pkit generate --companies 100000` (about 210 MB, with
//! promotion data).
//!
//! Run: `cargo bench -p pkit --bench analytics`. Criterion measures each analytic; the bench
//! then prints each one's median as a share of the median load time (goal: at most 10% each).

use std::hint::black_box;
use std::time::Duration;

mod support;
use support::median;

use criterion::{criterion_group, Criterion};
use pkit::model::Indicator;
use pkit::table::TableName;
use pkit::value::Region;

const COMPANIES: usize = 100_000;

type Analytic = (&'static str, fn(&pkit::Registry));

const ANALYTICS: &[Analytic] = &[
    ("fiscal_year_rollups", |r| {
        black_box(r.exports_by_fiscal_year());
        black_box(
            r.series(Indicator::IctExports, Region::PAKISTAN)
                .fiscal_years(),
        );
    }),
    ("target_progress", |r| {
        black_box(r.target_progress());
    }),
    ("certification_coverage", |r| {
        black_box(r.certification_coverage(r.as_of()));
    }),
    ("initiative_outcomes", |r| {
        black_box(r.initiative_outcomes());
    }),
    ("outcomes_by_fiscal_year", |r| {
        black_box(r.outcomes_by_fiscal_year());
    }),
    ("outcomes_by_host_country", |r| {
        black_box(r.outcomes_by_host_country());
    }),
    ("outcomes_by_counterparty_country", |r| {
        black_box(r.outcomes_by_counterparty_country());
    }),
    ("follow_through", |r| {
        black_box(r.follow_through());
    }),
    ("participation_growth", |r| {
        black_box(r.participation_growth());
    }),
    ("claims_reconciled", |r| {
        black_box(r.claims_reconciled());
    }),
    ("tables", |r| {
        black_box(r.tables());
    }),
    ("tables_one_thread", |r| {
        for &name in TableName::ALL {
            black_box(r.table(name));
        }
    }),
];

fn bench(c: &mut Criterion) {
    let registry = pkit::generate::synthetic(COMPANIES, 1);
    let mut group = c.benchmark_group("analytics_100k");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    for &(name, run) in ANALYTICS {
        group.bench_function(name, |b| b.iter(|| run(black_box(&registry))));
    }
    group.finish();
}

/// Each analytic's median as a share of loading the same document.
fn ratios() {
    let text = pkit::generate::synthetic(COMPANIES, 1).to_json();
    let load = median(
        || drop(black_box(pkit::Registry::from_json(black_box(&text)))),
        5,
    );
    let registry = pkit::Registry::from_json(&text).unwrap_or_else(|_| pkit::Registry::sample());
    println!(
        "document: {:.0} MB, {COMPANIES} companies; load median {load:?}",
        text.len() as f64 / 1e6
    );
    for &(name, run) in ANALYTICS {
        let t = median(|| run(&registry), 7);
        println!(
            "{name}: median {t:?} = {:.1}% of load (goal <= 10%)",
            100.0 * t.as_secs_f64() / load.as_secs_f64()
        );
    }
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    ratios();
}
