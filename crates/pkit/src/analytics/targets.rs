//! [`TargetProgress`]: how far each policy target is from its indicator's latest complete
//! fiscal year, what growth it needs, and where the recent trend leads.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::{FiscalYearTotal, Growth};
use crate::model::{Indicator, Target};
use crate::value::{Date, FiscalYear, Period, Region, Slug};
use crate::Registry;

/// How many years the trailing growth rate looks back from the latest complete year.
const TRAILING_YEARS: i32 = 3;

crate::issue::vocabulary! {
    /// Where a target stands on the registry's `as_of`.
    ///
    /// # Example
    /// ```
    /// use pkit::analytics::TargetStatus;
    /// assert_eq!(TargetStatus::OffTrack.as_str(), "off_track");
    /// assert_eq!(TargetStatus::NoData.to_string(), "no_data");
    /// ```
    pub enum TargetStatus as "a target status" in "pkit::analytics" {
        /// The latest complete fiscal year up to the deadline reached the target.
        Met = "met",
        /// Not met, and `as_of` is after the deadline's last day.
        Missed = "missed",
        /// Not met yet; the trailing growth rate projects the target reached by the deadline.
        OnTrack = "on_track",
        /// Not met yet; the trailing growth rate projects it short at the deadline.
        OffTrack = "off_track",
        /// No complete fiscal year at or before the deadline to judge by, or (before the
        /// deadline, target not met) too short a history for a trailing growth rate.
        NoData = "no_data",
    }
}

/// The progress of one target, evaluated on the registry's `as_of` with current vintages.
///
/// The target is compared with the latest *complete* fiscal-year total of its indicator and
/// region at or before the deadline's fiscal year; growth rates are fractions (0.25 is 25%).
///
/// # Example
/// ```
/// use pkit::analytics::TargetStatus;
/// let progress = pkit::Registry::sample().target_progress();
/// let ten = progress.iter().find(|p| p.id.as_str() == "it-exports-10bn-2025").unwrap();
/// assert_eq!(ten.latest.as_ref().map(|t| t.label()).as_deref(), Some("FY2024-25"));
/// assert_eq!(ten.gap, Some(6_190_000_000));
/// assert_eq!(ten.status, TargetStatus::Missed);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetProgress {
    /// The target's id.
    pub id: Slug,
    /// The target's indicator.
    pub indicator: Indicator,
    /// The target's region.
    pub region: Region,
    /// The value to reach.
    pub target: u64,
    /// The target's deadline as stated (a fiscal or calendar year).
    pub deadline: Period,
    /// The fiscal year (by start year) the deadline is judged by: the deadline itself when it
    /// is a fiscal year, else the last fiscal year ending on or before its last day (a
    /// calendar year 2025 gives 2024, `FY2024-25`).
    pub deadline_fiscal_year: i32,
    /// The latest complete fiscal-year total at or before `deadline_fiscal_year`.
    pub latest: Option<FiscalYearTotal>,
    /// `latest / target` (1.0 or more when met); `None` without `latest`.
    pub share_achieved: Option<f64>,
    /// `target − latest`, 0 when met; `None` without `latest`.
    pub gap: Option<u64>,
    /// The compound annual growth rate from `latest` to the target by the deadline's fiscal
    /// year; `None` when that year is not after the latest one, or `latest` is 0.
    pub required_cagr: Option<f64>,
    /// The compound annual growth rate over the three years up to `latest` (from the complete
    /// year three before it); `None` when that year is missing or its value is 0.
    pub trailing_cagr: Option<f64>,
    /// `latest` grown at `trailing_cagr` until the deadline's fiscal year, rounded.
    pub projected: Option<u64>,
    /// Where the target stands.
    pub status: TargetStatus,
}

/// The last fiscal year (by start year) ending on or before the period's last day.
fn deadline_fiscal_year(deadline: Period) -> i32 {
    FiscalYear::last_ended_by(deadline.last_day()).start_year()
}

/// `value` grown at `rate` a year for `years` years, rounded (saturating at `u64::MAX`).
fn project(value: u64, rate: f64, years: i32) -> u64 {
    if years <= 0 {
        return value;
    }
    let grown = value as f64 * (rate.ln_1p() * f64::from(years)).exp();
    // Float to integer casts saturate (and NaN gives 0).
    grown.round() as u64
}

fn status(
    target: &Target,
    latest: Option<&FiscalYearTotal>,
    projected: Option<u64>,
    as_of: Date,
) -> TargetStatus {
    match (latest, projected) {
        (None, _) => TargetStatus::NoData,
        (Some(l), _) if l.value >= target.value => TargetStatus::Met,
        _ if as_of > target.deadline.last_day() => TargetStatus::Missed,
        (_, Some(p)) if p >= target.value => TargetStatus::OnTrack,
        (_, Some(_)) => TargetStatus::OffTrack,
        (_, None) => TargetStatus::NoData,
    }
}

/// The progress of `target` given the complete fiscal-year totals of its series, in order.
fn progress(target: &Target, complete: &[FiscalYearTotal], as_of: Date) -> TargetProgress {
    let deadline_fy = deadline_fiscal_year(target.deadline);
    let latest = complete.iter().rev().find(|t| t.fiscal_year <= deadline_fy);
    let trailing = latest.and_then(|l| {
        let base = complete
            .iter()
            .find(|t| t.fiscal_year == l.fiscal_year - TRAILING_YEARS)?;
        Growth::between(base, l)
    });
    let required = latest
        .and_then(|l| Growth::new(l.fiscal_year, deadline_fy, l.value, target.value))
        .map(|g| g.cagr());
    let projected = latest
        .zip(trailing.as_ref())
        .map(|(l, g)| project(l.value, g.cagr(), deadline_fy - l.fiscal_year));
    TargetProgress {
        id: target.id.clone(),
        indicator: target.indicator,
        region: target.region,
        target: target.value,
        deadline: target.deadline,
        deadline_fiscal_year: deadline_fy,
        share_achieved: latest
            .filter(|_| target.value > 0)
            .map(|l| l.value as f64 / target.value as f64),
        gap: latest.map(|l| target.value.saturating_sub(l.value)),
        required_cagr: required,
        trailing_cagr: trailing.map(|g| g.cagr()),
        projected,
        status: status(target, latest, projected, as_of),
        latest: latest.cloned(),
    }
}

impl Registry {
    /// The progress of every target, in document order, on `as_of`, judged by the current
    /// vintages of its indicator and region (one pass over the observations for all targets).
    ///
    /// # Example
    /// ```
    /// use pkit::analytics::TargetStatus;
    /// let progress = pkit::Registry::sample().target_progress();
    /// let five = progress.iter().find(|p| p.id.as_str() == "it-exports-5bn-fy26").unwrap();
    /// assert_eq!(five.latest.as_ref().map(|t| t.value), Some(3_810_000_000));
    /// assert_eq!(format!("{:.1}%", five.required_cagr.unwrap() * 100.0), "31.2%");
    /// assert_eq!(five.status, TargetStatus::OffTrack);
    /// ```
    pub fn target_progress(&self) -> Vec<TargetProgress> {
        let targets = self.targets();
        let wanted: FxHashSet<(Indicator, Region)> =
            targets.iter().map(|t| (t.indicator, t.region)).collect();
        let complete: FxHashMap<(Indicator, Region), Vec<FiscalYearTotal>> = self
            .series_where(|i, r| wanted.contains(&(i, r)), None)
            .into_iter()
            .map(|(key, series)| {
                let mut years = series.fiscal_years();
                years.retain(FiscalYearTotal::is_complete);
                (key, years)
            })
            .collect();
        targets
            .iter()
            .map(|t| {
                let years = complete.get(&(t.indicator, t.region));
                progress(t, years.map_or(&[], Vec::as_slice), self.as_of())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
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
}
