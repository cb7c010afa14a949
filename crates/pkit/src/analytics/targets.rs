//! [`TargetProgress`]: how far each policy target is from its indicator's latest complete
//! fiscal year, what growth it needs, and where the recent trend leads.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::{FiscalYearTotal, Growth};
use crate::model::{Indicator, Target};
use crate::registry::Registry;
use crate::value::{Date, FiscalYear, Period, Region, Slug};

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
mod tests;
