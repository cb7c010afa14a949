//! National records (SPEC §1.7–§1.9): observation values by unit, vintages, the consistency of
//! totals; target ids, values and dates; rankings.

use rustc_hash::FxHashMap as HashMap;

use super::{indexed, unique_id, FirstSeen, Rules};
use crate::issue::Code;
use crate::model::observation::{supersedes, Figure};
use crate::model::Indicator;
use crate::validate::records::{DraftObservation, DraftRanking, DraftTarget};
use crate::value::{Date, FiscalYear, Period};

/// An observation that takes part in the vintage and consistency rules.
struct Current {
    index: usize,
    published_on: Option<Date>,
    /// `None` when the value failed its own check: the vintage counts, its value does not.
    value: Option<u64>,
    value_at: u32,
}

pub(super) fn observations(rules: &mut Rules<'_>, observations: &[DraftObservation]) {
    // (indicator, region, period) -> the vintages seen, in document order.
    let mut series: HashMap<Figure, Vec<Current>> = HashMap::default();
    let mut order = Vec::new();
    for (i, o) in indexed(observations) {
        let place = o.place;
        let base = format!("/observations/{i}");
        let period = o
            .period
            .valid()
            .and_then(|p| rules.period_not_future(p, || format!("{base}/period")));
        let published = match o.published_on.valid_or_absent() {
            Some(Some(_)) => o
                .published_on
                .valid()
                .and_then(|d| rules.not_future(d, || format!("{base}/published_on")))
                .map(Some),
            Some(None) => Some(None),
            None => None,
        };
        let indicator = o.indicator.value().copied();
        let value = o.value.valid().and_then(|n| {
            rules.unit_value(indicator.map(Indicator::unit), n, format!("{base}/value"))
        });
        let (Some(indicator), Some(&region), Some(period), Some(published)) =
            (indicator, o.region.value(), period, published)
        else {
            continue;
        };
        let key = (indicator, region, period);
        let vintages = series.entry(key).or_default();
        if let Some(first) = vintages.iter().find(|v| v.published_on == published) {
            let when = published.map_or_else(
                || "without published_on".to_owned(),
                |d| format!("published on {d}"),
            );
            rules.push(
                place.at,
                Code::DuplicateRecord,
                base,
                format!(
                    "{indicator} for {region} {period} {when} is already given at /observations/{}",
                    first.index
                ),
            );
            continue;
        }
        if vintages.is_empty() {
            order.push(key);
        }
        let value_at = o.value.valid().map_or(place.at, |n| n.at);
        vintages.push(Current {
            index: i,
            published_on: published,
            value,
            value_at,
        });
    }
    consistency(rules, &series, &order);
}

/// The current vintage of a series (see [`supersedes`]), when its value passed its check.
fn current(vintages: &[Current]) -> Option<&Current> {
    vintages
        .iter()
        .reduce(|best, v| {
            if supersedes(v.published_on, best.published_on) {
                v
            } else {
                best
            }
        })
        .filter(|v| v.value.is_some())
}

fn consistency(rules: &mut Rules<'_>, series: &HashMap<Figure, Vec<Current>>, order: &[Figure]) {
    let value = |key: Figure| {
        series
            .get(&key)
            .and_then(|v| current(v))
            .and_then(|c| c.value)
    };
    let sum = |keys: Vec<Figure>| -> Option<u128> {
        keys.into_iter().map(|k| value(k).map(u128::from)).sum()
    };
    for &key in order {
        let (indicator, region, period) = key;
        let Some((total, total_value)) = series
            .get(&key)
            .and_then(|v| current(v))
            .and_then(|c| Some((c, c.value?)))
        else {
            continue;
        };
        let mut reasons = Vec::new();
        if indicator == Indicator::IctExports {
            let parts = Indicator::ICT_COMPONENTS
                .iter()
                .map(|&c| (c, region, period))
                .collect();
            if let Some(s) = sum(parts) {
                if off_by_more_than_1pc(s, total_value) {
                    reasons.push(format!(
                        "computer + telecom + information services exports sum to {s}"
                    ));
                }
            }
        }
        if let Period::FiscalYear(fy) = period {
            let year = FiscalYear::new(fy);
            let quarters = year.quarters().map(|p| (indicator, region, p)).collect();
            if let Some(s) = sum(quarters) {
                if off_by_more_than_1pc(s, total_value) {
                    reasons.push(format!("its four fiscal quarters sum to {s}"));
                }
            }
            let months = year.months().map(|p| (indicator, region, p)).collect();
            if let Some(s) = sum(months) {
                if off_by_more_than_1pc(s, total_value) {
                    reasons.push(format!("its twelve months sum to {s}"));
                }
            }
        }
        if !reasons.is_empty() {
            rules.push(
                total.value_at,
                Code::InconsistentTotal,
                format!("/observations/{}/value", total.index),
                format!("{indicator} for {region} {period} is {total_value} but {} (more than 1% apart)", reasons.join(" and ")),
            );
        }
    }
}

/// `100 × |sum − total| > total`, in integers.
pub(super) fn off_by_more_than_1pc(sum: u128, total: u64) -> bool {
    let total = u128::from(total);
    100 * sum.abs_diff(total) > total
}

pub(super) fn targets(rules: &mut Rules<'_>, targets: &[DraftTarget]) {
    let mut ids = FirstSeen::new();
    for (i, t) in indexed(targets) {
        let base = format!("/targets/{i}");
        unique_id(rules, &mut ids, t.id.valid(), "/targets", i);
        if let Some(n) = t.value.valid() {
            let indicator = t.indicator.value().copied();
            if rules.unit_value(indicator.map(Indicator::unit), n, format!("{base}/value"))
                == Some(0)
            {
                rules.push(
                    n.at,
                    Code::OutOfRange,
                    format!("{base}/value"),
                    "a target must be greater than 0".into(),
                );
            }
        }
        if let Some(stated) = t.stated_on.valid() {
            let path = || format!("{base}/stated_on");
            if let (Some(d), Some(deadline)) = (rules.not_future(stated, path), t.deadline.value())
            {
                if d > deadline.last_day() {
                    rules.push(
                        stated.at,
                        Code::DateOrder,
                        path(),
                        format!(
                            "stated_on ({d}) is after the deadline {deadline} ended ({})",
                            deadline.last_day()
                        ),
                    );
                }
            }
        }
    }
}

pub(super) fn rankings(rules: &mut Rules<'_>, rankings: &[DraftRanking]) {
    for (i, r) in indexed(rankings) {
        let base = format!("/rankings/{i}");
        if let Some(p) = r.period.valid() {
            rules.period_not_future(p, || format!("{base}/period"));
        }
        if let (Some(rank), Some(out_of)) = (r.rank.valid(), r.out_of.valid()) {
            if out_of.v < rank.v {
                rules.push(
                    out_of.at,
                    Code::OutOfRange,
                    format!("{base}/out_of"),
                    format!("out_of ({}) is smaller than rank ({})", out_of.v, rank.v),
                );
            }
        }
    }
}
