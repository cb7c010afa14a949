//! Tests of company exports.

use super::*;

/// A registry as of 2026-01-31 of companies `(id, exports as a JSON array)`.
fn registry(companies: &[(&str, &str)]) -> Registry {
    let list: Vec<String> = companies
        .iter()
        .map(|(id, exports)| {
            format!(
                r#"{{"id": "{id}", "legal_name": "{id} Ltd", "legal_form": "private_limited",
                    "headquarters": {{"city": "Lahore", "region": "PK-PB"}}, "exports": {exports}}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"schema_version": 1, "as_of": "2026-01-31", "companies": [{}]}}"#,
        list.join(",")
    );
    Registry::from_json(&text).unwrap()
}

fn total(registry: &Registry, id: &str, fy: i32) -> Option<ExportTotal> {
    registry
        .company_exports(id)
        .and_then(|e| e.total(fy).copied())
}

fn t(fiscal_year: i32, value: u64, months_covered: u8) -> ExportTotal {
    ExportTotal {
        fiscal_year,
        value,
        months_covered,
        complete: months_covered == 12,
    }
}

fn country(code: &str) -> Country {
    code.parse().unwrap()
}

/// A company's FY `fy` by market: (market, value, complete).
fn markets(registry: &Registry, id: &str, fy: i32) -> Vec<(Option<Country>, u64, bool)> {
    let exports = registry.company_exports(id).unwrap();
    let parts = exports.by_market(fy);
    parts
        .iter()
        .map(|m| (m.market, m.value, m.complete))
        .collect()
}

/// A company's FY `fy` by service: (service, value, complete).
fn services(registry: &Registry, id: &str, fy: i32) -> Vec<(Option<ExportService>, u64, bool)> {
    let exports = registry.company_exports(id).unwrap();
    let parts = exports.by_service(fy);
    parts
        .iter()
        .map(|p| (p.service, p.value, p.complete))
        .collect()
}

#[test]
fn four_quarters_make_a_complete_year() {
    let r = registry(&[(
        "a",
        r#"[{"period": "FY2023-24-Q1", "amount_usd": 100}, {"period": "FY2023-24-Q2", "amount_usd": 200},
            {"period": "FY2023-24-Q3", "amount_usd": 300}, {"period": "FY2023-24-Q4", "amount_usd": 400}]"#,
    )]);
    assert_eq!(total(&r, "a", 2023), Some(t(2023, 1000, 12)));
}

#[test]
fn twelve_months_make_a_complete_year() {
    // 2023-07 ..= 2024-06 at 10, 20, ..., 120: 10 * (1 + ... + 12) = 780.
    let months: Vec<String> = (0..12)
        .map(|k| {
            let (y, m) = if k < 6 { (2023, 7 + k) } else { (2024, k - 5) };
            format!(
                r#"{{"period": "{y}-{m:02}", "amount_usd": {}}}"#,
                10 * (k + 1)
            )
        })
        .collect();
    let r = registry(&[("a", &format!("[{}]", months.join(",")))]);
    assert_eq!(total(&r, "a", 2023), Some(t(2023, 780, 12)));
}

#[test]
fn quarters_and_the_months_of_the_other_quarters_make_a_complete_year() {
    let r = registry(&[(
        "a",
        r#"[{"period": "FY2023-24-Q1", "amount_usd": 100}, {"period": "FY2023-24-Q2", "amount_usd": 200},
            {"period": "2024-01", "amount_usd": 1}, {"period": "2024-02", "amount_usd": 2},
            {"period": "2024-03", "amount_usd": 3}, {"period": "2024-04", "amount_usd": 4},
            {"period": "2024-05", "amount_usd": 5}, {"period": "2024-06", "amount_usd": 6}]"#,
    )]);
    assert_eq!(total(&r, "a", 2023), Some(t(2023, 321, 12)));
}

#[test]
fn a_partial_year_says_how_many_months_it_covers() {
    // Q1 (3 months) + October + November: 5 months, 100 + 7 + 8.
    let r = registry(&[(
        "a",
        r#"[{"period": "FY2024-25-Q1", "amount_usd": 100}, {"period": "2024-10", "amount_usd": 7},
            {"period": "2024-11", "amount_usd": 8}, {"period": "FY2023-24", "amount_usd": 5000}]"#,
    )]);
    let exports = r.company_exports("a").unwrap();
    assert_eq!(exports.totals, [t(2023, 5000, 12), t(2024, 115, 5)]);
    assert!(!exports.totals[1].complete);
}

#[test]
fn a_quarter_is_preferred_over_the_months_inside_it() {
    // Not a valid document (overlapping_periods), so the records are placed by hand.
    let placed = |slot, amount| Placed {
        fiscal_year: 2023,
        level: 0,
        market: None,
        service: None,
        slot,
        amount,
    };
    // July (inside Q1, ignored), Q1 (July–September), October.
    let (july, q1, october) = (
        FiscalSlot::Month(0),
        FiscalSlot::Quarter(1),
        FiscalSlot::Month(3),
    );
    let mut run = vec![placed(july, 90), placed(q1, 300), placed(october, 40)];
    run.sort_unstable();
    let part = rollup(&run);
    assert_eq!((part.value, part.months()), (340, 4));
    // A fiscal-year record wins over everything.
    run.push(placed(FiscalSlot::Year, 2000));
    run.sort_unstable();
    let part = rollup(&run);
    assert_eq!((part.value, part.months()), (2000, 12));
}

#[test]
fn a_year_record_next_to_market_breakdowns_is_not_counted_twice() {
    let r = registry(&[(
        "a",
        r#"[{"period": "FY2023-24", "amount_usd": 1000000},
            {"period": "FY2023-24", "amount_usd": 600000, "market": "US"},
            {"period": "FY2023-24", "amount_usd": 400000, "market": "US", "service": "other"},
            {"period": "FY2023-24", "amount_usd": 300000, "market": "GB"}]"#,
    )]);
    assert_eq!(total(&r, "a", 2023), Some(t(2023, 1_000_000, 12)));
    assert_eq!(r.exports_by_fiscal_year(), [t(2023, 1_000_000, 12)]);
    let by_market = r.company_exports("a").unwrap().by_market(2023);
    let values: Vec<(Option<Country>, u64)> =
        by_market.iter().map(|m| (m.market, m.value)).collect();
    assert_eq!(
        values,
        [
            (Some(country("US")), 600_000),
            (Some(country("GB")), 300_000),
            (None, 100_000)
        ]
    );
    // Shares of the market-attributed 900,000 only; US is its unsplit group.
    let markets = r.export_markets(2023);
    assert_eq!(markets.len(), 2);
    assert_eq!(markets[0].value, 600_000);
    assert!((markets[0].share - 2.0 / 3.0).abs() < 1e-12);
}

#[test]
fn market_level_records_alone_are_summed() {
    // US: a year (12 months); GB: three quarters (9 months). The sum covers 9 months.
    let r = registry(&[(
        "a",
        r#"[{"period": "FY2023-24", "amount_usd": 500, "market": "US"},
            {"period": "FY2023-24-Q1", "amount_usd": 100, "market": "GB"},
            {"period": "FY2023-24-Q2", "amount_usd": 100, "market": "GB"},
            {"period": "FY2023-24-Q3", "amount_usd": 100, "market": "GB"}]"#,
    )]);
    assert_eq!(total(&r, "a", 2023), Some(t(2023, 800, 9)));
    let by_market = r.company_exports("a").unwrap().by_market(2023);
    assert_eq!(by_market.len(), 2, "nothing is left unattributed");
    assert!(by_market[0].complete && !by_market[1].complete);
}

#[test]
fn the_total_falls_back_to_services_then_to_market_and_service() {
    let r = registry(&[
        (
            "by-service",
            r#"[{"period": "FY2023-24", "amount_usd": 70, "service": "call_centre"},
                {"period": "FY2023-24", "amount_usd": 30, "service": "other"},
                {"period": "FY2023-24", "amount_usd": 50, "market": "US", "service": "call_centre"}]"#,
        ),
        (
            "markets-before-services",
            r#"[{"period": "FY2023-24", "amount_usd": 500, "market": "US"},
                {"period": "FY2023-24", "amount_usd": 400, "service": "call_centre"}]"#,
        ),
        (
            "by-both",
            r#"[{"period": "FY2023-24", "amount_usd": 11, "market": "US", "service": "call_centre"},
                {"period": "FY2023-24", "amount_usd": 22, "market": "AE", "service": "other"}]"#,
        ),
    ]);
    assert_eq!(total(&r, "by-service", 2023), Some(t(2023, 100, 12)));
    assert_eq!(total(&r, "by-both", 2023), Some(t(2023, 33, 12)));
    assert_eq!(
        total(&r, "markets-before-services", 2023),
        Some(t(2023, 500, 12))
    );
    let services = r.company_exports("by-service").unwrap().by_service(2023);
    assert_eq!(
        services.len(),
        2,
        "the services account for the whole total"
    );
}

#[test]
fn all_companies_are_complete_only_when_each_is() {
    // a: the whole FY2024-25; b: July and August only.
    let r = registry(&[
        ("a", r#"[{"period": "FY2024-25", "amount_usd": 1000}]"#),
        (
            "b",
            r#"[{"period": "2024-07", "amount_usd": 5}, {"period": "2024-08", "amount_usd": 6}]"#,
        ),
    ]);
    assert_eq!(r.exports_by_fiscal_year(), [t(2024, 1011, 2)]);
}

#[test]
fn top_exporters_break_ties_by_id_and_take_at_most_n() {
    let r = registry(&[
        ("b", r#"[{"period": "FY2023-24", "amount_usd": 10}]"#),
        ("a", r#"[{"period": "FY2023-24", "amount_usd": 10}]"#),
        ("c", r#"[{"period": "FY2023-24", "amount_usd": 30}]"#),
        ("d", r#"[{"period": "FY2022-23", "amount_usd": 99}]"#),
    ]);
    let ids = |n| -> Vec<String> {
        r.top_exporters(2023, n)
            .into_iter()
            .map(|c| c.company_id)
            .collect()
    };
    assert_eq!(ids(10), ["c", "a", "b"]);
    assert_eq!(ids(2), ["c", "a"]);
    assert!(ids(0).is_empty());
}

#[test]
fn a_company_without_exports_has_empty_lists() {
    let r = registry(&[("a", "[]")]);
    let exports = r.company_exports("a").unwrap();
    assert!(exports.totals.is_empty() && exports.groups.is_empty());
    assert!(exports.by_market(2023).is_empty());
    assert!(r.exports_by_fiscal_year().is_empty());
    assert!(r.export_markets(2023).is_empty());
}

// The sample: expected values computed by a throwaway Python script, an independent
// Python reading of sample.json with the same roll-up rule (fiscal-year record, else
// quarters then the months outside them; total from the first level with records).

#[test]
fn sample_exports_by_fiscal_year() {
    // Sum over the 28 companies of their totals; FY2025-26 has only partial figures and
    // portside-data-services covers July and August only, so the sum covers 2 months.
    assert_eq!(
        Registry::sample().exports_by_fiscal_year(),
        [
            t(2021, 156_303_000, 12),
            t(2022, 177_813_000, 12),
            t(2023, 187_255_000, 12),
            t(2024, 217_230_000, 12),
            t(2025, 43_129_000, 2),
        ]
    );
}

#[test]
fn sample_company_totals_follow_the_levels() {
    let s = Registry::sample();
    let expected = [
        // Service level only: the call-centre figures; FY2025-26 from six months.
        ("harbour-line-contact", 2023, 15_250_000, 12),
        ("harbour-line-contact", 2025, 9_240_000, 6),
        // FY2025-26 from three NL months (150,000 + 158,000 + 161,000).
        ("rawal-lake-devops", 2025, 469_000, 3),
        // Market and service only: AE information services; then two AE computer months.
        ("portside-data-services", 2023, 198_000, 12),
        ("portside-data-services", 2025, 56_500, 2),
        // The year total wins over the four GB quarters (1,179,000).
        ("mangla-bridge-technologies", 2024, 2_060_000, 12),
        ("stitchware-partners", 2025, 282_500, 6),
    ];
    for (id, fy, value, months) in expected {
        assert_eq!(total(&s, id, fy), Some(t(fy, value, months)), "{id} {fy}");
    }
}

#[test]
fn sample_top_exporters() {
    let s = Registry::sample();
    let top: Vec<(String, u64)> = s
        .top_exporters(2023, 3)
        .into_iter()
        .map(|c| (c.company_id, c.value))
        .collect();
    assert_eq!(
        top,
        [
            ("chenab-data-systems".into(), 62_100_000),
            ("indus-byteworks".into(), 38_400_000),
            ("clifton-digital".into(), 21_300_000),
        ]
    );
    let current = s.top_exporters(2025, 1);
    assert_eq!(current[0].company_id, "indus-byteworks");
    assert_eq!(current[0].legal_name, "Indus Byteworks (Pvt) Ltd");
    assert_eq!(
        (
            current[0].value,
            current[0].months_covered,
            current[0].complete
        ),
        (24_550_000, 6, false)
    );
}

#[test]
fn sample_export_markets_fy2023_24() {
    // Per company, a market's (market, no service) group, else its (market, service)
    // groups summed: US = 22.95m (indus) + 25.9m + 5.45m (chenab) + 11.9m (clifton)
    // + 9.3m (harbour) + 6.4m (blue-area) + 0.99m (hilltop) + 0.021m (pine-ridge).
    let markets = Registry::sample().export_markets(2023);
    let values: Vec<(&str, u64)> = markets
        .iter()
        .map(|m| (m.market.as_str(), m.value))
        .collect();
    assert_eq!(
        values,
        [
            ("US", 82_911_000),
            ("SA", 13_850_000),
            ("GB", 8_251_000),
            ("AE", 5_408_000),
            ("DE", 4_550_000),
            ("QA", 1_988_000),
            ("CA", 1_720_000),
            ("AU", 1_570_000),
        ]
    );
    let sum = 120_248_000.0;
    for m in &markets {
        assert!((m.share - m.value as f64 / sum).abs() < 1e-12);
    }
    assert!((markets[0].share - 0.6895).abs() < 1e-6);
}

#[test]
fn sample_breakdowns() {
    let s = Registry::sample();
    let indus = s.company_exports("indus-byteworks").unwrap();
    let markets: Vec<(Option<Country>, u64)> = indus
        .by_market(2024)
        .iter()
        .map(|m| (m.market, m.value))
        .collect();
    assert_eq!(
        markets,
        [
            (Some(country("US")), 26_400_000),
            (Some(country("GB")), 9_150_000),
            (None, 8_550_000)
        ]
    );
    // chenab FY2023-24: computer services = US 25.9m + SA 10.9m; the rest of 62.1m.
    let chenab = s.company_exports("chenab-data-systems").unwrap();
    let services: Vec<(Option<ExportService>, u64)> = chenab
        .by_service(2023)
        .iter()
        .map(|p| (p.service, p.value))
        .collect();
    assert_eq!(
        services,
        [
            (Some(ExportService::ComputerServices), 36_800_000),
            (Some(ExportService::CallCentre), 5_450_000),
            (None, 19_850_000)
        ]
    );
    let us = chenab.by_market(2023);
    assert_eq!(
        (us[0].market, us[0].value),
        (Some(country("US")), 31_350_000)
    );
}

#[test]
fn label_is_the_fiscal_year() {
    assert_eq!(t(2023, 1, 12).label(), "FY2023-24");
    assert_eq!(t(2099, 1, 3).label(), "FY2099-00");
}

#[test]
fn a_breakdown_is_complete_only_when_all_its_parts_are() {
    // US: computer services for the whole year, call centre for one month.
    let r = registry(&[(
        "a",
        r#"[{"period": "FY2023-24", "amount_usd": 1000},
            {"period": "FY2023-24", "amount_usd": 100, "market": "US", "service": "computer_services"},
            {"period": "2023-07", "amount_usd": 50, "market": "US", "service": "call_centre"}]"#,
    )]);
    // The rest (1000 - 150) is incomplete too: one of the named parts is.
    assert_eq!(
        markets(&r, "a", 2023),
        [(Some(country("US")), 150, false), (None, 850, false)]
    );
    assert_eq!(
        services(&r, "a", 2023),
        [
            (Some(ExportService::ComputerServices), 100, true),
            (Some(ExportService::CallCentre), 50, false),
            (None, 850, false)
        ]
    );
}

#[test]
fn the_rest_of_a_complete_breakdown_is_complete() {
    let r = registry(&[(
        "a",
        r#"[{"period": "FY2023-24", "amount_usd": 1000},
            {"period": "FY2023-24", "amount_usd": 300, "market": "GB"}]"#,
    )]);
    assert_eq!(
        markets(&r, "a", 2023),
        [(Some(country("GB")), 300, true), (None, 700, true)]
    );
}
