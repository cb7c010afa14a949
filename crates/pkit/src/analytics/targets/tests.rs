//! Tests of target progress.

use super::*;

fn find<'a>(progress: &'a [TargetProgress], id: &str) -> &'a TargetProgress {
    progress.iter().find(|p| p.id.as_str() == id).unwrap()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

/// (3810 / 2616)^(1/3) - 1: FY2021-22 -> FY2024-25.
fn sample_trailing() -> f64 {
    (3810.0f64 / 2616.0).powf(1.0 / 3.0) - 1.0
}

/// A registry with `ict_exports` fiscal years (start year, value) and targets
/// (id, value, deadline), as of `as_of`.
fn registry(as_of: &str, years: &[(i32, u64)], targets: &[(&str, u64, &str)]) -> Registry {
    let observations: Vec<String> = years
        .iter()
        .map(|(fy, value)| {
            let period = Period::FiscalYear(*fy);
            format!(
                r#"{{"indicator": "ict_exports", "period": "{period}", "value": {value},
                    "source": {{"publisher": "SBP"}}}}"#
            )
        })
        .collect();
    let targets: Vec<String> = targets
        .iter()
        .map(|(id, value, deadline)| {
            format!(
                r#"{{"id": "{id}", "indicator": "ict_exports", "value": {value},
                    "deadline": "{deadline}", "stated_by": "MoITT"}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"schema_version": 1, "as_of": "{as_of}", "observations": [{}], "targets": [{}]}}"#,
        observations.join(","),
        targets.join(",")
    );
    Registry::from_json(&text).unwrap()
}

#[test]
fn sample_targets_in_document_order() {
    let progress = Registry::sample().target_progress();
    let ids: Vec<_> = progress.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "it-exports-10bn-2025",
            "it-exports-3-5bn-fy22",
            "it-exports-3bn-fy23",
            "it-exports-5bn-fy26",
            "it-exports-30bn-2030"
        ]
    );
}

#[test]
fn sample_10bn_by_fy2024_25_is_missed() {
    let progress = Registry::sample().target_progress();
    let p = find(&progress, "it-exports-10bn-2025");
    assert_eq!(p.deadline_fiscal_year, 2024);
    assert_eq!(
        p.latest,
        Some(FiscalYearTotal {
            fiscal_year: 2024,
            value: 3_810_000_000,
            months_covered: 12,
            basis: super::super::TotalBasis::Annual
        })
    );
    assert!(close(p.share_achieved, 0.381));
    assert_eq!(p.gap, Some(6_190_000_000));
    assert_eq!(p.required_cagr, None);
    assert!(close(p.trailing_cagr, sample_trailing()));
    assert_eq!(p.projected, Some(3_810_000_000));
    assert_eq!(p.status, TargetStatus::Missed);
}

#[test]
fn sample_old_targets_are_missed() {
    let progress = Registry::sample().target_progress();
    let fy22 = find(&progress, "it-exports-3-5bn-fy22");
    assert_eq!(fy22.latest.as_ref().map(|t| t.value), Some(2_616_000_000));
    assert_eq!(fy22.gap, Some(884_000_000));
    assert_eq!(fy22.status, TargetStatus::Missed);
    let fy23 = find(&progress, "it-exports-3bn-fy23");
    // The current (revised) vintage: 2,593m.
    assert_eq!(fy23.latest.as_ref().map(|t| t.value), Some(2_593_000_000));
    assert_eq!(fy23.gap, Some(407_000_000));
    assert_eq!(fy23.status, TargetStatus::Missed);
}

#[test]
fn sample_5bn_by_fy2025_26_is_off_track() {
    let progress = Registry::sample().target_progress();
    let p = find(&progress, "it-exports-5bn-fy26");
    assert_eq!(p.deadline_fiscal_year, 2025);
    // FY2025-26 is partial: the latest complete year is FY2024-25.
    assert_eq!(
        p.latest.as_ref().map(|t| (t.fiscal_year, t.value)),
        Some((2024, 3_810_000_000))
    );
    assert!(close(p.required_cagr, 5000.0 / 3810.0 - 1.0));
    assert_eq!(format!("{:.1}", p.required_cagr.unwrap() * 100.0), "31.2");
    assert!(close(p.trailing_cagr, sample_trailing()));
    // 3,810m x 1.13351 = 4,318.7m < 5,000m.
    assert_eq!(p.projected.map(|v| v / 100_000_000), Some(43));
    assert_eq!(p.status, TargetStatus::OffTrack);
}

#[test]
fn sample_30bn_by_fy2029_30_is_off_track() {
    let progress = Registry::sample().target_progress();
    let p = find(&progress, "it-exports-30bn-2030");
    assert_eq!(p.deadline_fiscal_year, 2029);
    let required = (30000.0f64 / 3810.0).powf(0.2) - 1.0;
    assert!(close(p.required_cagr, required));
    assert_eq!(format!("{:.1}", p.required_cagr.unwrap() * 100.0), "51.1");
    // 3,810m x (3810/2616)^(5/3) = 7,129.8m.
    let projected = 3_810_000_000f64 * (3810.0f64 / 2616.0).powf(5.0 / 3.0);
    assert_eq!(p.projected, Some(projected.round() as u64));
    assert_eq!(p.projected.map(|v| v / 100_000_000), Some(71));
    assert_eq!(p.status, TargetStatus::OffTrack);
}

#[test]
fn calendar_year_deadline_is_the_fiscal_year_ending_in_it() {
    assert_eq!(deadline_fiscal_year(Period::Year(2025)), 2024);
    assert_eq!(deadline_fiscal_year(Period::FiscalYear(2025)), 2025);
    // Missed only after the calendar year's last day.
    let r = registry(
        "2025-12-31",
        &[(2021, 100), (2024, 200)],
        &[("t", 1000, "2025")],
    );
    let p = &r.target_progress()[0];
    assert_eq!(p.deadline_fiscal_year, 2024);
    assert_eq!(p.projected, Some(200));
    assert_eq!(p.status, TargetStatus::OffTrack);
    let r = registry(
        "2026-01-01",
        &[(2021, 100), (2024, 200)],
        &[("t", 1000, "2025")],
    );
    assert_eq!(r.target_progress()[0].status, TargetStatus::Missed);
}

#[test]
fn met_on_track_off_track() {
    let years = [(2020, 100), (2021, 110), (2022, 150), (2023, 200)];
    let r = registry(
        "2025-01-31",
        &years,
        &[
            ("met", 150, "FY2022-23"),
            ("met-early", 180, "FY2030-31"),
            ("on-track", 252, "FY2024-25"),
            ("off-track", 253, "FY2024-25"),
        ],
    );
    let progress = r.target_progress();
    // Trailing: 100 -> 200 in three years, 2^(1/3) a year; the deadline FY2024-25 is one
    // year after FY2023-24: 200 x 2^(1/3) = 251.98 -> 252.
    assert_eq!(progress[2].projected, Some(252));
    let statuses: Vec<_> = progress.iter().map(|p| p.status.as_str()).collect();
    assert_eq!(statuses, ["met", "met", "on_track", "off_track"]);
    let met = &progress[0];
    assert_eq!(met.gap, Some(0));
    assert!(close(met.share_achieved, 1.0));
    assert_eq!(met.latest.as_ref().map(|t| t.fiscal_year), Some(2022));
    // Met early: judged by FY2023-24, the latest complete year before the deadline.
    assert!(close(progress[1].share_achieved, 200.0 / 180.0));
}

#[test]
fn no_data() {
    // No observation at all; no complete year before the deadline; too short a history.
    let r = registry(
        "2025-01-31",
        &[(2023, 200)],
        &[("early", 100, "FY2022-23"), ("short", 300, "FY2025-26")],
    );
    let progress = r.target_progress();
    let early = &progress[0];
    assert_eq!(
        (early.latest.as_ref(), early.gap, early.share_achieved),
        (None, None, None)
    );
    assert_eq!(early.status, TargetStatus::NoData);
    let short = &progress[1];
    assert_eq!(short.gap, Some(100));
    assert!(close(short.required_cagr, 1.5f64.sqrt() - 1.0));
    assert_eq!((short.trailing_cagr, short.projected), (None, None));
    assert_eq!(short.status, TargetStatus::NoData);
    let empty = registry("2025-01-31", &[], &[("none", 1, "2030")]);
    assert_eq!(empty.target_progress()[0].status, TargetStatus::NoData);
}

#[test]
fn zero_values_give_no_rates() {
    let r = registry(
        "2025-01-31",
        &[(2020, 0), (2023, 0)],
        &[("t", 100, "FY2025-26")],
    );
    let p = &r.target_progress()[0];
    assert_eq!(p.latest.as_ref().map(|t| t.value), Some(0));
    assert_eq!(
        (p.required_cagr, p.trailing_cagr, p.projected),
        (None, None, None)
    );
    assert_eq!(p.gap, Some(100));
    assert_eq!(p.status, TargetStatus::NoData);
}

#[test]
fn projection_saturates() {
    assert_eq!(project(10_000_000_000_000, 1e300, 50), u64::MAX);
    assert_eq!(project(5, -1.0, 3), 0);
    assert_eq!(project(5, 0.5, 0), 5);
}

#[test]
fn serializes_status_and_periods_as_strings() {
    let progress = Registry::sample().target_progress();
    let json = serde_json::to_value(&progress[0]).unwrap();
    assert_eq!(json["status"], "missed");
    assert_eq!(json["deadline"], "FY2024-25");
    assert_eq!(json["id"], "it-exports-10bn-2025");
    assert_eq!(json["latest"]["basis"], "annual");
    assert_eq!(json["required_cagr"], serde_json::Value::Null);
}

#[test]
fn deadlines_fall_in_the_last_fiscal_year_they_complete() {
    let fy = |p: &str| deadline_fiscal_year(p.parse().unwrap());
    assert_eq!(fy("FY2024-25"), 2024);
    assert_eq!(fy("FY2024-25-Q4"), 2024);
    assert_eq!(fy("FY2024-25-Q3"), 2023);
    assert_eq!(fy("2025"), 2024);
    assert_eq!(fy("2025-06"), 2024);
    assert_eq!(fy("2025-03"), 2023);
    assert_eq!(fy("2030-Q2"), 2029);
}

#[test]
fn statuses_print_their_names() {
    let names = [
        TargetStatus::Met,
        TargetStatus::Missed,
        TargetStatus::OnTrack,
        TargetStatus::OffTrack,
        TargetStatus::NoData,
    ]
    .map(|s| s.to_string());
    assert_eq!(names, ["met", "missed", "on_track", "off_track", "no_data"]);
}
