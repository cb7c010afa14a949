//! The rules that relate values to each other (SPEC §1.3–§1.9): dates against `as_of` and the
//! founding date, duplicates, editions and validity of certificates, award years, overlapping
//! export periods, observation vintages and the consistency of totals.
//!
//! Every rule takes only values that passed their own checks (no cascade, SPEC §2.1).

use std::collections::HashSet;

use rustc_hash::FxHashMap as HashMap;

use super::draft::{
    At, DraftAward, DraftCertification, DraftCompany, DraftExport, DraftObservation, DraftRegistry,
    DraftTarget, RawNumber,
};
use super::walk::{check_integer, check_usd, Located};
use super::{Code, Issue};
use crate::model::observation::supersedes;
use crate::model::{Indicator, Program, Scheme, Unit, APICTA_CATEGORIES};
use crate::value::{ntn_taxpayer, Country, Date, FiscalSlot, FiscalYear, Period, Region, Slug};

/// Collects the rules' issues.
struct Rules<'d> {
    as_of: Option<Date>,
    out: &'d mut Vec<Located>,
}

impl Rules<'_> {
    fn push(&mut self, at: usize, code: Code, path: String, message: String) {
        self.out.push(Located {
            at,
            issue: Issue::new(code, path, message),
        });
    }

    /// `date_in_future` when `date` is after `as_of`; returns the date when it may take part
    /// in comparisons.
    fn not_future(&mut self, date: Date, at: usize, path: impl FnOnce() -> String) -> Option<Date> {
        match self.as_of {
            Some(as_of) if date > as_of => {
                self.push(
                    at,
                    Code::DateInFuture,
                    path(),
                    format!("{date} is after as_of ({as_of})"),
                );
                None
            }
            _ => Some(date),
        }
    }

    /// `period_in_future` when the period starts after `as_of`.
    fn period_not_future(
        &mut self,
        period: Period,
        at: usize,
        path: impl FnOnce() -> String,
    ) -> Option<Period> {
        match self.as_of {
            Some(as_of) if period.first_day() > as_of => {
                self.push(
                    at,
                    Code::PeriodInFuture,
                    path(),
                    format!(
                        "{period} starts on {}, after as_of ({as_of})",
                        period.first_day()
                    ),
                );
                None
            }
            _ => Some(period),
        }
    }
}

/// Runs every rule on the draft, appending issues to `out`.
pub(crate) fn check(draft: &DraftRegistry, out: &mut Vec<Located>) {
    let mut rules = Rules {
        as_of: draft.as_of,
        out,
    };
    companies(&mut rules, &draft.companies);
    observations(&mut rules, &draft.observations);
    targets(&mut rules, &draft.targets);
    for r in &draft.rankings {
        let base = format!("/rankings/{}", r.place.index);
        if let Some(p) = &r.period {
            rules.period_not_future(p.v, p.at, || format!("{base}/period"));
        }
        if let (Some(rank), Some(out_of)) = (&r.rank, &r.out_of) {
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

/// Remembers the first element that had each key; tells where a repeated key was first seen.
struct FirstSeen<K> {
    seen: HashMap<K, usize>,
}

impl<K: std::hash::Hash + Eq> FirstSeen<K> {
    fn new() -> Self {
        FirstSeen {
            seen: HashMap::default(),
        }
    }

    /// `Some(first index)` when `key` was seen before; otherwise records it.
    fn repeat(&mut self, key: K, index: usize) -> Option<usize> {
        match self.seen.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(index);
                None
            }
        }
    }
}

/// `duplicate_id` when element `i` of `/{array}` repeats an earlier id.
fn unique_id<'d>(
    rules: &mut Rules<'_>,
    ids: &mut FirstSeen<&'d str>,
    id: Option<&'d At<Slug>>,
    array: &str,
    i: usize,
) {
    if let Some(id) = id {
        if let Some(first) = ids.repeat(id.v.as_str(), i) {
            rules.push(
                id.at,
                Code::DuplicateId,
                format!("/{array}/{i}/id"),
                format!("the id `{}` is already used by /{array}/{first}", id.v),
            );
        }
    }
}

fn companies(rules: &mut Rules<'_>, companies: &[DraftCompany]) {
    let mut ids = FirstSeen::new();
    let mut ntns = FirstSeen::new();
    let mut cuins = FirstSeen::new();
    let mut leis = FirstSeen::new();
    for c in companies {
        let i = c.place.index;
        let base = format!("/companies/{i}");
        unique_id(rules, &mut ids, c.id.as_ref(), "companies", i);
        for (field, value, seen) in [
            ("ntn", &c.ntn, &mut ntns),
            ("cuin", &c.cuin, &mut cuins),
            ("lei", &c.lei, &mut leis),
        ] {
            if let Some(v) = value {
                let key = if field == "ntn" {
                    ntn_taxpayer(&v.v)
                } else {
                    v.v.as_str()
                };
                if let Some(first) = seen.repeat(key, i) {
                    rules.push(
                        v.at,
                        Code::DuplicateIdentifier,
                        format!("{base}/identifiers/{field}"),
                        format!(
                            "the {} {} is already given for /companies/{first}",
                            field.to_uppercase(),
                            v.v
                        ),
                    );
                }
            }
        }
        let founded = c
            .founded_on
            .as_ref()
            .and_then(|f| rules.not_future(f.v, f.at, || format!("{base}/founded_on")));
        let mut services = HashSet::new();
        for (j, s) in &c.services {
            if !services.insert(s.v) {
                rules.push(
                    s.at,
                    Code::DuplicateValue,
                    format!("{base}/services/{j}"),
                    format!("the service `{}` is listed twice", s.v),
                );
            }
        }
        for o in &c.offices {
            let opath = |field: &str| format!("{base}/offices/{}{field}", o.place.index);
            if let Some(country) = &o.country {
                if country.v == Country::PAKISTAN {
                    rules.push(country.at, Code::DomesticOffice, opath("/country"), "an office abroad cannot be in Pakistan (PK); the head office is `headquarters`".into());
                }
            }
            if let Some(opened) = &o.opened_on {
                let path = || opath("/opened_on");
                if let Some(d) = rules.not_future(opened.v, opened.at, path) {
                    before_founding(rules, founded, d, opened.at, path());
                }
            }
        }
        certifications(rules, &base, founded, &c.certifications);
        awards(rules, &base, founded, &c.awards);
        exports(rules, &base, founded, &c.exports);
    }
}

fn before_founding(
    rules: &mut Rules<'_>,
    founded: Option<Date>,
    date: Date,
    at: usize,
    path: String,
) {
    if let Some(f) = founded {
        if date < f {
            rules.push(
                at,
                Code::BeforeFounding,
                path,
                format!("{date} is before the company was founded ({f})"),
            );
        }
    }
}

fn certifications(
    rules: &mut Rules<'_>,
    base: &str,
    founded: Option<Date>,
    certs: &[DraftCertification],
) {
    let mut numbers = FirstSeen::new();
    for c in certs {
        let j = c.place.index;
        let cpath = |field: &str| format!("{base}/certifications/{j}{field}");
        let edition = match (c.scheme, &c.edition) {
            (Some(scheme), Some(e)) if scheme.editions().contains(&e.v.as_str()) => {
                Some(e.v.as_str())
            }
            (Some(scheme), Some(e)) => {
                rules.push(
                    e.at,
                    Code::UnknownEdition,
                    cpath("/edition"),
                    format!(
                        "`{}` is not an edition of {scheme}: expected one of {}",
                        crate::issue::shorten(&e.v),
                        scheme.editions().join(", ")
                    ),
                );
                None
            }
            _ => None,
        };
        match (c.scheme, &c.level) {
            (Some(Scheme::Cmmi), None) => {
                rules.push(
                    c.place.end,
                    Code::MissingField,
                    cpath("/level"),
                    "a CMMI appraisal needs its maturity `level` (2..=5)".into(),
                );
            }
            (Some(scheme), Some(Some(level))) if scheme != Scheme::Cmmi => {
                rules.push(
                    level.at,
                    Code::LevelNotApplicable,
                    cpath("/level"),
                    format!("{scheme} has no maturity level; `level` is for cmmi only"),
                );
            }
            _ => {}
        }
        if let (Some(scheme), Some(appraisal)) = (c.scheme, &c.appraisal) {
            if scheme != Scheme::Cmmi {
                rules.push(
                    appraisal.at,
                    Code::NotApplicable,
                    cpath("/appraisal"),
                    format!("{scheme} has no appraisal; `appraisal` is for cmmi only"),
                );
            }
        }
        if let (Some(scheme), Some(number)) = (c.scheme, &c.certificate_number) {
            let key = (scheme, number.trim().to_ascii_lowercase());
            if let Some(first) = numbers.repeat(key, j) {
                rules.push(c.place.at, Code::DuplicateRecord, cpath(""), format!("{scheme} certificate {} is already listed at {base}/certifications/{first}", number.trim()));
            }
        }
        let issued = c.issued_on.as_ref().and_then(|d| {
            let path = || cpath("/issued_on");
            let ok = rules.not_future(d.v, d.at, path)?;
            before_founding(rules, founded, ok, d.at, path());
            Some(ok)
        });
        if let (Some(scheme), Some(edition), Some(issued), Some(d)) =
            (c.scheme, edition, issued, &c.issued_on)
        {
            if let Some(last) = scheme.last_appraisal_day(edition) {
                if issued > last {
                    rules.push(d.at, Code::EditionWithdrawn, cpath("/issued_on"), format!("{scheme} {edition} could be appraised until {last}; this one is dated {issued}"));
                }
            }
        }
        let Some(expires) = &c.expires_on else {
            continue;
        };
        let epath = || cpath("/expires_on");
        if let Some(issued) = issued {
            if expires.v <= issued {
                rules.push(
                    expires.at,
                    Code::DateOrder,
                    epath(),
                    format!(
                        "expires_on ({}) must be after issued_on ({issued})",
                        expires.v
                    ),
                );
            } else if let Some(scheme) = c.scheme {
                let (years, latest) = (
                    scheme.max_validity_years(),
                    issued.add_years(scheme.max_validity_years()),
                );
                if expires.v > latest {
                    rules.push(expires.at, Code::ValidityTooLong, epath(), format!("{scheme} certificates are valid for at most {years} year(s): issued {issued}, so expiring by {latest} at the latest, not {}", expires.v));
                }
            }
        }
        if let (Some(scheme), Some(edition)) = (c.scheme, edition) {
            if let Some(end) = scheme.transition_end(edition) {
                if expires.v > end {
                    rules.push(expires.at, Code::BeyondTransition, epath(), format!("certificates to {scheme}:{edition} are valid only until {end}, the end of the transition; this one claims {}", expires.v));
                }
            }
        }
    }
}

fn awards(rules: &mut Rules<'_>, base: &str, founded: Option<Date>, awards: &[DraftAward]) {
    let mut seen = FirstSeen::new();
    for a in awards {
        let k = a.place.index;
        let apath = |field: &str| format!("{base}/awards/{k}{field}");
        if a.program == Some(Program::Other) && a.program_name.is_none() {
            rules.push(
                a.place.end,
                Code::MissingField,
                apath("/program_name"),
                "an award of program `other` needs its `program_name`".into(),
            );
        }
        let year = a.year.as_ref().and_then(|y| {
            let path = || apath("/year");
            if let Some(p) = a.program {
                if y.v < p.first_year() {
                    rules.push(
                        y.at,
                        Code::OutOfRange,
                        path(),
                        format!(
                            "{p} awards start in {}; {} is too early",
                            p.first_year(),
                            y.v
                        ),
                    );
                    return None;
                }
            }
            if let Some(as_of) = rules.as_of {
                if i32::from(y.v) > as_of.year() {
                    rules.push(
                        y.at,
                        Code::DateInFuture,
                        path(),
                        format!("{} is after the year of as_of ({as_of})", y.v),
                    );
                    return None;
                }
            }
            if let Some(f) = founded {
                if i32::from(y.v) < f.year() {
                    rules.push(
                        y.at,
                        Code::BeforeFounding,
                        path(),
                        format!("{} is before the company was founded ({f})", y.v),
                    );
                }
            }
            Some(y.v)
        });
        if let (Some(Program::Apicta), Some(category)) = (a.program, &a.category) {
            if !APICTA_CATEGORIES.contains(&category.v.as_str()) {
                rules.push(
                    category.at,
                    Code::UnknownCategory,
                    apath("/category"),
                    format!("`{}` is not a known APICTA category", category.v),
                );
            }
        }
        if let (Some(program), Some(year), Some(category), Some(entry)) =
            (a.program, year, &a.category, &a.entry)
        {
            if let Some(first) =
                seen.repeat((program, year, category.v.as_str(), entry.as_str()), k)
            {
                rules.push(a.place.at, Code::DuplicateRecord, apath(""), format!("the same {program} {year} award in `{}` for \"{}\" is already listed at {base}/awards/{first}", category.v, crate::issue::shorten(entry)));
            }
        }
    }
}

/// The slots (by [`FiscalSlot::index`]) that overlap `slot` without being it: the slots that
/// share a month with it.
fn overlapping_slots(slot: FiscalSlot) -> u32 {
    (0..FiscalSlot::COUNT)
        .map(|i| (i, slot_at(i)))
        .filter(|&(i, other)| i != slot.index() && other.months() & slot.months() != 0)
        .fold(0, |mask, (i, _)| mask | 1 << i)
}

/// The slot of number `i` (see [`FiscalSlot::index`]).
fn slot_at(i: usize) -> FiscalSlot {
    match i {
        0 => FiscalSlot::Year,
        1..=4 => FiscalSlot::Quarter(i as u8),
        _ => FiscalSlot::Month((i - 5) as u8),
    }
}

/// The export periods seen for one market, service and fiscal year.
#[derive(Default)]
struct FiscalYearSlots {
    taken: u32,
    first: [usize; FiscalSlot::COUNT],
}

fn exports(rules: &mut Rules<'_>, base: &str, founded: Option<Date>, exports: &[DraftExport]) {
    let mut seen: HashMap<_, FiscalYearSlots> = HashMap::default();
    for e in exports {
        let n = e.place.index;
        let path = |field: &str| format!("{base}/exports/{n}{field}");
        let Some(p) = &e.period else { continue };
        let Some(period) = rules.period_not_future(p.v, p.at, || path("/period")) else {
            continue;
        };
        if let Some(f) = founded {
            if period.last_day() < f {
                rules.push(
                    p.at,
                    Code::BeforeFounding,
                    path("/period"),
                    format!("{period} ends before the company was founded ({f})"),
                );
            }
        }
        let (Some(market), Some(service), Some((fy, slot))) =
            (e.market, e.service, period.fiscal_slot())
        else {
            continue;
        };
        let slots = seen.entry((market, service, fy)).or_default();
        let bit = 1 << slot.index();
        if slots.taken & bit != 0 {
            rules.push(e.place.at, Code::DuplicateRecord, path(""), format!("a record for {period} with the same market and service is already at {base}/exports/{}", slots.first[slot.index()]));
        }
        let overlaps = slots.taken & overlapping_slots(slot);
        if overlaps != 0 {
            let first = (0..FiscalSlot::COUNT)
                .filter(|s| overlaps & (1 << s) != 0)
                .map(|s| slots.first[s])
                .min()
                .unwrap_or(0);
            rules.push(e.place.at, Code::OverlappingPeriods, path(""), format!("{period} overlaps another period at {base}/exports/{first} with the same market and service: the same revenue would count twice"));
        }
        if slots.taken & bit == 0 {
            slots.taken |= bit;
            slots.first[slot.index()] = n;
        }
    }
}

/// Checks a value whose unit depends on the indicator; returns it when valid.
fn indicator_value(
    rules: &mut Rules<'_>,
    indicator: Option<Indicator>,
    n: RawNumber,
    path: &str,
) -> Option<u64> {
    let checked = match indicator.map(Indicator::unit) {
        Some(Unit::Usd) => check_usd(n),
        Some(Unit::Count) => check_integer(n, 0, Unit::Count.max()),
        None => check_integer(n, 0, Unit::Usd.max()),
    };
    match checked {
        Ok(v) => Some(v),
        Err((code, message)) => {
            rules.push(n.at, code, path.to_owned(), message);
            None
        }
    }
}

/// An observation that takes part in the vintage and consistency rules.
struct Current {
    index: usize,
    published_on: Option<Date>,
    /// `None` when the value failed its own check: the vintage counts, its value does not.
    value: Option<u64>,
    value_at: usize,
}

fn observations(rules: &mut Rules<'_>, observations: &[DraftObservation]) {
    // (indicator, region, period) -> the vintages seen, in document order.
    let mut series: HashMap<(Indicator, Region, Period), Vec<Current>> = HashMap::default();
    let mut order = Vec::new();
    for o in observations {
        let base = format!("/observations/{}", o.place.index);
        let period = o
            .period
            .as_ref()
            .and_then(|p| rules.period_not_future(p.v, p.at, || format!("{base}/period")));
        let published = match &o.published_on {
            Some(Some(d)) => rules
                .not_future(d.v, d.at, || format!("{base}/published_on"))
                .map(Some),
            Some(None) => Some(None),
            None => None,
        };
        let value = o.value.and_then(|n| {
            indicator_value(rules, o.indicator.flatten(), n, &format!("{base}/value"))
        });
        let (Some(Some(indicator)), Some(region), Some(period), Some(published)) =
            (o.indicator, o.region, period, published)
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
                o.place.at,
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
        let value_at = o.value.map_or(o.place.at, |n| n.at);
        vintages.push(Current {
            index: o.place.index,
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

fn consistency(
    rules: &mut Rules<'_>,
    series: &HashMap<(Indicator, Region, Period), Vec<Current>>,
    order: &[(Indicator, Region, Period)],
) {
    let value = |key: (Indicator, Region, Period)| {
        series
            .get(&key)
            .and_then(|v| current(v))
            .and_then(|c| c.value)
    };
    let sum = |keys: Vec<(Indicator, Region, Period)>| -> Option<u128> {
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
            let quarters = FiscalYear::new(fy)
                .quarters()
                .map(|p| (indicator, region, p))
                .collect();
            if let Some(s) = sum(quarters) {
                if off_by_more_than_1pc(s, total_value) {
                    reasons.push(format!("its four fiscal quarters sum to {s}"));
                }
            }
            let months = FiscalYear::new(fy)
                .months()
                .map(|p| (indicator, region, p))
                .collect();
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
fn off_by_more_than_1pc(sum: u128, total: u64) -> bool {
    let total = u128::from(total);
    100 * sum.abs_diff(total) > total
}

fn targets(rules: &mut Rules<'_>, targets: &[DraftTarget]) {
    let mut ids = FirstSeen::new();
    for t in targets {
        let i = t.place.index;
        let base = format!("/targets/{i}");
        unique_id(rules, &mut ids, t.id.as_ref(), "targets", i);
        if let Some(n) = t.value {
            if indicator_value(rules, t.indicator.flatten(), n, &format!("{base}/value")) == Some(0)
            {
                rules.push(
                    n.at,
                    Code::OutOfRange,
                    format!("{base}/value"),
                    "a target must be greater than 0".into(),
                );
            }
        }
        if let Some(stated) = &t.stated_on {
            let path = || format!("{base}/stated_on");
            if let (Some(d), Some(deadline)) =
                (rules.not_future(stated.v, stated.at, path), &t.deadline)
            {
                if d > deadline.v.last_day() {
                    rules.push(
                        stated.at,
                        Code::DateOrder,
                        path(),
                        format!(
                            "stated_on ({d}) is after the deadline {} ended ({})",
                            deadline.v,
                            deadline.v.last_day()
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::reader::Integer;

    #[test]
    fn one_percent_boundary() {
        assert!(!off_by_more_than_1pc(101, 100));
        assert!(off_by_more_than_1pc(102, 100));
        assert!(!off_by_more_than_1pc(99, 100));
        assert!(off_by_more_than_1pc(98, 100));
        assert!(!off_by_more_than_1pc(0, 0));
    }

    #[test]
    fn slots_within_a_fiscal_year() {
        // Every pair of distinct export periods of one fiscal year: the slot masks agree with
        // Period::overlaps.
        let year = FiscalYear::new(2023);
        let mut periods = vec![year.period()];
        periods.extend(year.quarters());
        periods.extend(year.months());
        let slots: Vec<FiscalSlot> = periods
            .iter()
            .map(|&p| {
                p.fiscal_slot()
                    .map(|(fy, s)| {
                        assert_eq!(fy, year);
                        s
                    })
                    .unwrap()
            })
            .collect();
        assert_eq!(
            slots.iter().map(|s| s.index()).collect::<Vec<_>>(),
            (0..17).collect::<Vec<_>>()
        );
        for (i, &a) in periods.iter().enumerate() {
            for (j, &b) in periods.iter().enumerate() {
                let masked = overlapping_slots(slots[i]) & (1 << j) != 0;
                assert_eq!(masked, i != j && a.overlaps(b), "{a} {b}");
            }
        }
    }

    #[test]
    fn integer_classes() {
        let n = |integer| RawNumber { integer, at: 0 };
        assert!(check_usd(n(Integer::Fractional)).is_err());
        assert!(check_usd(n(Integer::Value(10_000_000_000_000))).is_ok());
        assert!(check_usd(n(Integer::Value(10_000_000_000_001))).is_err());
    }
}
