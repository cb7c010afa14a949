//! Tests of growth rates.

use super::*;
use crate::model::Indicator;
use crate::registry::Registry;
use crate::value::Region;

fn ict(registry: &Registry) -> Series {
    registry.series(Indicator::IctExports, Region::PAKISTAN)
}

/// A registry of undated `ict_exports` observations for PK: (period, value).
fn registry(observations: &[(&str, u64)]) -> Registry {
    let dated: Vec<(&str, u64, Option<&str>)> =
        observations.iter().map(|&(p, v)| (p, v, None)).collect();
    crate::analytics::series::tests::registry(&dated)
}

#[test]
fn sample_year_on_year_fy2023_24() {
    let growth = ict(&Registry::sample()).growth();
    let g = growth.iter().find(|g| g.to_year() == 2023).unwrap();
    assert_eq!(
        (g.from_year(), g.from(), g.to()),
        (2022, 2_593_000_000, 3_223_000_000)
    );
    // 630 / 2593 = 0.242961...
    assert_eq!(format!("{:.1}", g.percent()), "24.3");
    assert!((g.ratio() - 630.0 / 2593.0).abs() < 1e-15);
    assert!((g.cagr() - g.ratio()).abs() < 1e-15);
}

#[test]
fn sample_growth_covers_consecutive_complete_years_only() {
    let growth = ict(&Registry::sample()).growth();
    // FY2015-16..=FY2024-25 are complete: nine steps; FY2025-26 is partial.
    assert_eq!(
        growth.iter().map(|g| g.to_year()).collect::<Vec<_>>(),
        (2016..=2024).collect::<Vec<_>>()
    );
    // FY2022-23 fell: 2,616m -> 2,593m.
    let fy23 = growth.iter().find(|g| g.to_year() == 2022).unwrap();
    assert!(fy23.ratio() < 0.0);
}

#[test]
fn sample_cagr_fy2021_22_to_fy2024_25() {
    let s = ict(&Registry::sample());
    let g = s.cagr(2021, 2024).unwrap();
    assert_eq!(
        (g.from(), g.to(), g.years()),
        (2_616_000_000, 3_810_000_000, 3)
    );
    // (3810 / 2616)^(1/3) - 1 = 0.13351...
    assert!((g.cagr() - ((3810.0f64 / 2616.0).powf(1.0 / 3.0) - 1.0)).abs() < 1e-12);
    assert_eq!(format!("{:.2}", g.percent()), "45.64");
    assert!(s.cagr(2024, 2021).is_none());
    assert!(s.cagr(2014, 2024).is_none());
}

#[test]
fn zero_base_gives_no_growth() {
    let s = ict(&registry(&[
        ("FY2021-22", 0),
        ("FY2022-23", 10),
        ("FY2023-24", 15),
    ]));
    let growth = s.growth();
    assert_eq!(growth, [Growth::new(2022, 2023, 10, 15).unwrap()]);
    assert!(s.cagr(2021, 2023).is_none());
    assert!(Growth::new(2021, 2022, 0, 0).is_none());
}

#[test]
fn gaps_and_partial_years_break_the_chain() {
    let s = ict(&registry(&[
        ("FY2019-20", 100),
        ("FY2020-21", 110),
        ("FY2022-23", 150),
        ("FY2023-24-Q1", 40),
        ("FY2024-25", 200),
    ]));
    let steps: Vec<_> = s
        .growth()
        .iter()
        .map(|g| (g.from_year(), g.to_year()))
        .collect();
    assert_eq!(steps, [(2019, 2020)]);
    assert!(s.cagr(2022, 2023).is_none());
    assert_eq!(s.cagr(2022, 2024).map(|g| g.years()), Some(2));
}

#[test]
fn empty_series_has_no_growth() {
    let s = ict(&registry(&[]));
    assert!(s.growth().is_empty());
    assert!(s.cagr(2020, 2021).is_none());
}

#[test]
fn decline_to_zero_and_large_values() {
    let g = Growth::new(2020, 2022, 400, 0).unwrap();
    assert_eq!(g.ratio(), -1.0);
    assert_eq!(g.cagr(), -1.0);
    let big = Growth::new(2020, 2021, 10_000_000_000_000, 1).unwrap();
    assert!((big.ratio() + 1.0).abs() < 1e-12);
    let up = Growth::new(2020, 2021, 1, 10_000_000_000_000).unwrap();
    assert_eq!(up.ratio(), 9_999_999_999_999.0);
}

#[test]
fn serializes_the_integers() {
    let g = Growth::new(2022, 2023, 2_593_000_000, 3_223_000_000).unwrap();
    assert_eq!(
        serde_json::to_string(&g).unwrap(),
        r#"{"from_year":2022,"to_year":2023,"from":2593000000,"to":3223000000}"#
    );
}
