//! Tests of series, vintages and fiscal-year totals.

use super::*;

fn ict(registry: &Registry) -> Series {
    registry.series(Indicator::IctExports, Region::PAKISTAN)
}

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

fn total(series: &Series, fy: i32) -> Option<FiscalYearTotal> {
    series
        .fiscal_years()
        .into_iter()
        .find(|t| t.fiscal_year == fy)
}

/// A registry of `ict_exports` observations for PK: (period, value, published_on).
pub(crate) fn registry(observations: &[(&str, u64, Option<&str>)]) -> Registry {
    let items: Vec<String> = observations
        .iter()
        .map(|(period, value, published)| {
            let published = published
                .map(|d| format!(r#", "published_on": "{d}""#))
                .unwrap_or_default();
            format!(
                r#"{{"indicator": "ict_exports", "period": "{period}", "value": {value},
                    "source": {{"publisher": "SBP"}}{published}}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"schema_version": 1, "as_of": "2026-01-31", "observations": [{}]}}"#,
        items.join(",")
    );
    Registry::from_json(&text).unwrap()
}

#[test]
fn sample_current_values_take_the_latest_vintage() {
    let s = ict(&Registry::sample());
    let fy23 = s.get(Period::FiscalYear(2022)).unwrap();
    assert_eq!(fy23.value, 2_593_000_000);
    assert_eq!(fy23.published_on, Some(day("2023-08-18")));
    assert_eq!(fy23.observation, 8);
    assert_eq!(
        s.get(Period::FiscalYear(2023)).map(|p| p.value),
        Some(3_223_000_000)
    );
    // Revised month: 338m (no date) then 339m (2025-08-20).
    assert_eq!(
        s.get(Period::Month(2025, 6)).map(|p| p.value),
        Some(339_000_000)
    );
    // 10 fiscal years (FY2015-16..=FY2024-25), one quarter, 9 distinct months.
    assert_eq!(s.points().len(), 10 + 1 + 9);
}

#[test]
fn sample_points_are_ordered_by_start_then_form() {
    let s = ict(&Registry::sample());
    let keys: Vec<_> = s.points().iter().map(|p| sort_key(p.period)).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]));
    // FY2025-26-Q1 and 2025-07 start on the same day: the quarter first.
    let q1 = s
        .points()
        .iter()
        .position(|p| p.period == Period::FiscalQuarter(2025, 1));
    assert_eq!(
        s.points().get(q1.unwrap() + 1).map(|p| p.period),
        Some(Period::Month(2025, 7))
    );
}

#[test]
fn sample_as_published_on_a_day() {
    let sample = Registry::sample();
    let on = |d: &str| {
        sample
            .series_as_published_on(Indicator::IctExports, Region::PAKISTAN, day(d))
            .get(Period::FiscalYear(2022))
            .map(|p| p.value)
    };
    assert_eq!(on("2023-08-01"), Some(2_605_340_000));
    assert_eq!(on("2023-08-17"), Some(2_605_340_000));
    assert_eq!(on("2023-08-18"), Some(2_593_000_000));
    assert_eq!(on("2026-01-31"), Some(2_593_000_000));
    let early =
        sample.series_as_published_on(Indicator::IctExports, Region::PAKISTAN, day("2022-08-23"));
    assert!(early.get(Period::Month(2022, 7)).is_none());
    assert!(early.get(Period::FiscalYear(2015)).is_some());
}

#[test]
fn sample_vintages_in_publication_order() {
    let v = Registry::sample().vintages(
        Indicator::IctExports,
        Region::PAKISTAN,
        Period::FiscalYear(2022),
    );
    assert_eq!(
        v,
        [
            Vintage {
                value: 2_605_340_000,
                published_on: None,
                observation: 7
            },
            Vintage {
                value: 2_593_000_000,
                published_on: Some(day("2023-08-18")),
                observation: 8
            },
        ]
    );
}

#[test]
fn sample_fiscal_years() {
    let s = ict(&Registry::sample());
    let years = s.fiscal_years();
    assert_eq!(
        years.iter().map(|t| t.fiscal_year).collect::<Vec<_>>(),
        (2015..=2025).collect::<Vec<_>>()
    );
    assert_eq!(
        total(&s, 2022).map(|t| (t.value, t.basis)),
        Some((2_593_000_000, TotalBasis::Annual))
    );
    // Annual FY2023-24 wins over its months 2024-03 and 2024-06.
    assert_eq!(
        total(&s, 2023),
        Some(FiscalYearTotal {
            fiscal_year: 2023,
            value: 3_223_000_000,
            months_covered: 12,
            basis: TotalBasis::Annual
        })
    );
}

#[test]
fn sample_fy2025_26_is_partial() {
    // Q1 (1,057m) covers 2025-07 and 2025-09; 2025-12 (437m) lies outside it.
    let t = total(&ict(&Registry::sample()), 2025).unwrap();
    assert_eq!(
        t,
        FiscalYearTotal {
            fiscal_year: 2025,
            value: 1_057_000_000 + 437_000_000,
            months_covered: 4,
            basis: TotalBasis::Partial
        }
    );
    assert!(!t.is_complete());
    assert_eq!(t.label(), "FY2025-26");
}

#[test]
fn calendar_periods_are_not_fiscal_parts() {
    let sample = Registry::sample();
    let s = sample.series(Indicator::RegisteredItCompanies, Region::PAKISTAN);
    assert_eq!(s.get(Period::Year(2025)).map(|p| p.value), Some(20_711));
    assert!(s.fiscal_years().is_empty());
}

#[test]
fn regions_are_separate_series() {
    let sample = Registry::sample();
    let sindh: Region = "PK-SD".parse().unwrap();
    let s = sample.series(Indicator::RegisteredItCompanies, sindh);
    assert_eq!(s.points().len(), 1);
    assert_eq!(s.points()[0].value, 6352);
}

#[test]
fn complete_quarters() {
    let r = registry(&[
        ("FY2023-24-Q4", 40, None),
        ("FY2023-24-Q1", 10, None),
        ("FY2023-24-Q2", 20, None),
        ("FY2023-24-Q3", 30, None),
        ("2023-07", 1, None),
    ]);
    assert_eq!(
        ict(&r).fiscal_years(),
        [FiscalYearTotal {
            fiscal_year: 2023,
            value: 100,
            months_covered: 12,
            basis: TotalBasis::Quarters
        }]
    );
}

#[test]
fn complete_months() {
    let months: Vec<String> = (7..=12)
        .map(|m| format!("2023-{m:02}"))
        .chain((1..=6).map(|m| format!("2024-{m:02}")))
        .collect();
    let obs: Vec<(&str, u64, Option<&str>)> =
        months.iter().map(|m| (m.as_str(), 5, None)).collect();
    let mut with_quarter = obs.clone();
    with_quarter.push(("FY2023-24-Q2", 100, None));
    for (r, value) in [(registry(&obs), 60), (registry(&with_quarter), 60)] {
        assert_eq!(
            ict(&r).fiscal_years(),
            [FiscalYearTotal {
                fiscal_year: 2023,
                value,
                months_covered: 12,
                basis: TotalBasis::Months
            }]
        );
    }
}

#[test]
fn partial_year_prefers_quarters_over_their_months() {
    let r = registry(&[
        ("FY2023-24-Q3", 300, None),
        ("2024-01", 1, None),
        ("2024-02", 2, None),
        ("2023-08", 8, None),
        ("2024-06", 6, None),
        ("2024", 9999, None),
        ("2024-Q2", 9999, None),
    ]);
    assert_eq!(
        ict(&r).fiscal_years(),
        [FiscalYearTotal {
            fiscal_year: 2023,
            value: 314,
            months_covered: 5,
            basis: TotalBasis::Partial
        }]
    );
}

#[test]
fn annual_wins_over_months() {
    let r = registry(&[
        ("2023-07", 5, None),
        ("FY2023-24", 70, None),
        ("2023-08", 5, None),
    ]);
    assert_eq!(
        ict(&r).fiscal_years(),
        [FiscalYearTotal {
            fiscal_year: 2023,
            value: 70,
            months_covered: 12,
            basis: TotalBasis::Annual
        }]
    );
}

#[test]
fn empty_series() {
    let r = registry(&[]);
    let s = ict(&r);
    assert!(s.is_empty());
    assert!(s.fiscal_years().is_empty());
    assert!(s.get(Period::FiscalYear(2023)).is_none());
    assert!(r
        .vintages(
            Indicator::IctExports,
            Region::PAKISTAN,
            Period::FiscalYear(2023)
        )
        .is_empty());
}

#[test]
fn latest_vintage_regardless_of_document_order() {
    let r = registry(&[
        ("FY2022-23", 3, Some("2024-01-01")),
        ("FY2022-23", 1, None),
        ("FY2022-23", 2, Some("2023-09-01")),
    ]);
    assert_eq!(
        ict(&r).get(Period::FiscalYear(2022)).map(|p| p.value),
        Some(3)
    );
    let v = r.vintages(
        Indicator::IctExports,
        Region::PAKISTAN,
        Period::FiscalYear(2022),
    );
    assert_eq!(v.iter().map(|v| v.value).collect::<Vec<_>>(), [1, 2, 3]);
    let before = |d| {
        r.series_as_published_on(Indicator::IctExports, Region::PAKISTAN, day(d))
            .get(Period::FiscalYear(2022))
            .map(|p| p.value)
    };
    assert_eq!(before("2023-08-31"), Some(1));
    assert_eq!(before("2023-09-01"), Some(2));
    assert_eq!(before("2023-12-31"), Some(2));
}

#[test]
fn serializes_periods_and_dates_as_strings() {
    let r = registry(&[("FY2022-23", 3, Some("2024-01-01"))]);
    let json = serde_json::to_value(ict(&r)).unwrap();
    assert_eq!(json["indicator"], "ict_exports");
    assert_eq!(json["region"], "PK");
    assert_eq!(json["points"][0]["period"], "FY2022-23");
    assert_eq!(json["points"][0]["published_on"], "2024-01-01");
}

#[test]
fn bases_have_names_and_series_know_their_region() {
    let names = [
        TotalBasis::Annual,
        TotalBasis::Quarters,
        TotalBasis::Months,
        TotalBasis::Partial,
    ]
    .map(TotalBasis::as_str);
    assert_eq!(names, ["annual", "quarters", "months", "partial"]);
    let sample = Registry::sample();
    let pk = sample.series(Indicator::IctExports, Region::PAKISTAN);
    assert!(!pk.is_empty());
    assert_eq!(pk.region(), Region::PAKISTAN);
    let sindh: Region = "PK-SD".parse().unwrap();
    let none = sample.series(Indicator::IctExports, sindh);
    assert!(none.is_empty());
    assert_eq!(none.region(), sindh);
}
