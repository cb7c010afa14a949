//! Promotion (SPEC §1.10): initiatives with their participants and headcounts, companies'
//! leads, agreements and credited offices, and claims.
//!
//! References (a participant's company, an initiative credited, an agreement's lead) resolve to
//! the first record with that id whose id is valid. A reference that does not resolve, or an
//! initiative that was not held, takes part in no other rule of its record (no cascade).

use rustc_hash::FxHashMap as HashMap;

use super::{indexed, unique_id, valid, FirstSeen, Rules};
use crate::issue::{shorten, Code};
use crate::model::initiative::attribution_window;
use crate::model::{InitiativeKind, InitiativeStatus, LeadStage};
use crate::validate::checked::{At, Checked};
use crate::validate::records::{
    DraftAgreement, DraftClaim, DraftInitiative, DraftLead, DraftOffice,
};
use crate::value::{Country, Date, Slug};

/// What the rules of other records need to know about an initiative.
#[derive(Debug, Clone, Copy)]
pub(super) struct Facts {
    /// `None` when the status failed its own check.
    status: Option<InitiativeStatus>,
    /// `starts_on`, when it may take part in comparisons (valid, and not after `as_of` on a
    /// held initiative).
    starts: Option<Date>,
    /// `ends_on`, when valid.
    ends: Option<Date>,
}

/// The document's initiatives by id (the first of a repeated id).
pub(super) struct Initiatives<'d> {
    by_id: HashMap<&'d str, Facts>,
}

impl<'d> Initiatives<'d> {
    /// Reads what references need from the initiatives; reports nothing.
    pub(super) fn new(as_of: Option<Date>, initiatives: &'d [DraftInitiative]) -> Self {
        let mut by_id = HashMap::default();
        for d in initiatives {
            let Some(id) = d.id.value() else { continue };
            by_id.entry(id.as_str()).or_insert_with(|| facts(as_of, d));
        }
        Initiatives { by_id }
    }

    /// The initiative `reference` names, when it resolves; `unknown_initiative` otherwise.
    fn resolve(
        &self,
        rules: &mut Rules<'_>,
        reference: &Checked<Slug>,
        path: impl FnOnce() -> String,
    ) -> Option<Facts> {
        let r = reference.valid()?;
        let found = self.by_id.get(r.v.as_str()).copied();
        if found.is_none() {
            rules.push(
                r.at,
                Code::UnknownInitiative,
                path(),
                format!("no initiative has the id `{}`", r.v),
            );
        }
        found
    }

    /// The held initiative `reference` credits: `unknown_initiative`, or `initiative_not_held`
    /// when it is planned or cancelled; `None` also when its status failed its own check.
    fn credited(
        &self,
        rules: &mut Rules<'_>,
        reference: &Checked<Slug>,
        path: impl Fn() -> String,
    ) -> Option<Facts> {
        let facts = self.resolve(rules, reference, &path)?;
        match facts.status? {
            InitiativeStatus::Held => Some(facts),
            status => {
                if let Some(r) = reference.valid() {
                    rules.push(
                        r.at,
                        Code::InitiativeNotHeld,
                        path(),
                        format!(
                            "the initiative `{}` is {status}; only a held initiative can be credited",
                            r.v
                        ),
                    );
                }
                None
            }
        }
    }
}

fn facts(as_of: Option<Date>, d: &DraftInitiative) -> Facts {
    let status = d.status.value().copied();
    let held = status == Some(InitiativeStatus::Held);
    Facts {
        status,
        starts: d
            .starts_on
            .value()
            .copied()
            .filter(|&s| !(held && as_of.is_some_and(|a| s > a))),
        ends: d.ends_on.value().copied(),
    }
}

/// The companies by id (the first of a repeated id), with the founding day each may compare.
pub(super) type Founding<'d> = HashMap<&'d str, Option<Date>>;

/// `before_initiative` when `date` is before the credited initiative's first day.
fn before_initiative(
    rules: &mut Rules<'_>,
    facts: Facts,
    date: &At<Date>,
    path: impl FnOnce() -> String,
    what: &str,
) {
    if let Some(starts) = facts.starts {
        if date.v < starts {
            rules.push(
                date.at,
                Code::BeforeInitiative,
                path(),
                format!(
                    "{what} on {}, before the initiative began ({starts}): it cannot be credited to it",
                    date.v
                ),
            );
        }
    }
}

/// `domestic_counterparty` when the counterparty is in Pakistan.
fn foreign_counterparty(
    rules: &mut Rules<'_>,
    country: &Checked<Country>,
    path: impl FnOnce() -> String,
) {
    if let Some(c) = country.valid() {
        if c.v == Country::PAKISTAN {
            rules.push(
                c.at,
                Code::DomesticCounterparty,
                path(),
                "the counterparty is in Pakistan (PK); promotion abroad is about foreign counterparties".into(),
            );
        }
    }
}

/// A dated field checked against `as_of` and the founding day; the date when it may compare.
fn dated(
    rules: &mut Rules<'_>,
    founded: Option<Date>,
    date: &Checked<Date>,
    path: impl Fn() -> String,
) -> Option<Date> {
    let d = date.valid()?;
    let ok = rules.not_future(d, &path)?;
    rules.before_founding(founded, d, path);
    Some(ok)
}

/// The initiatives: ids, `host_event` of pavilions, dates and status, target markets, the
/// subsidies against the public cost, participants and headcounts.
pub(super) fn initiatives(
    rules: &mut Rules<'_>,
    initiatives: &[DraftInitiative],
    founding: &Founding<'_>,
) {
    let mut ids = FirstSeen::new();
    for (i, d) in indexed(initiatives) {
        let base = format!("/initiatives/{i}");
        unique_id(rules, &mut ids, d.id.valid(), "/initiatives", i);
        if d.kind.value() == Some(&InitiativeKind::Pavilion) && d.host_event.is_absent() {
            rules.push(
                d.place.end,
                Code::MissingField,
                format!("{base}/host_event"),
                "a pavilion needs its `host_event`, the show it is part of".into(),
            );
        }
        let held = d.status.value() == Some(&InitiativeStatus::Held);
        let starts = d.starts_on.valid().and_then(|s| {
            if held {
                rules.not_future(s, || format!("{base}/starts_on"))
            } else {
                Some(s.v)
            }
        });
        if let (Some(starts), Some(ends)) = (starts, d.ends_on.valid()) {
            if ends.v < starts {
                rules.push(
                    ends.at,
                    Code::DateOrder,
                    format!("{base}/ends_on"),
                    format!("ends_on ({}) is before starts_on ({starts})", ends.v),
                );
            }
        }
        let mut markets = FirstSeen::new();
        for (j, m) in valid(&d.target_markets) {
            if let Some(first) = markets.repeat(m.v, j) {
                rules.push(
                    m.at,
                    Code::DuplicateValue,
                    format!("{base}/target_markets/{j}"),
                    format!(
                        "the market {} is listed twice (first at {base}/target_markets/{first})",
                        m.v
                    ),
                );
            }
        }
        if let Some(cost) = d.public_cost_usd.valid() {
            let subsidies: u128 = indexed(&d.participants)
                .filter_map(|(_, p)| p.subsidy_usd.value())
                .map(|&s| u128::from(s))
                .sum();
            if subsidies > u128::from(cost.v) {
                rules.push(
                    cost.at,
                    Code::OutOfRange,
                    format!("{base}/public_cost_usd"),
                    format!(
                        "the participants' subsidies sum to {subsidies} USD, more than the public cost of {} USD, which includes them",
                        cost.v
                    ),
                );
            }
        }
        participants(rules, &base, d, founding);
        headcounts(rules, &base, d);
    }
}

fn participants(rules: &mut Rules<'_>, base: &str, d: &DraftInitiative, founding: &Founding<'_>) {
    let ends = d.ends_on.value().copied();
    let mut seen = FirstSeen::new();
    for (j, p) in indexed(&d.participants) {
        let Some(company) = p.company.valid() else {
            continue;
        };
        let path = format!("{base}/participants/{j}");
        let Some(&founded) = founding.get(company.v.as_str()) else {
            rules.push(
                company.at,
                Code::UnknownCompany,
                format!("{path}/company"),
                format!("no company has the id `{}`", company.v),
            );
            continue;
        };
        if let Some(first) = seen.repeat(company.v.as_str(), j) {
            rules.push(
                p.place.at,
                Code::DuplicateRecord,
                path.clone(),
                format!(
                    "`{}` already takes part in this initiative at {base}/participants/{first}",
                    company.v
                ),
            );
        }
        if let (Some(ends), Some(founded)) = (ends, founded) {
            if ends < founded {
                rules.push(
                    company.at,
                    Code::BeforeFounding,
                    format!("{path}/company"),
                    format!(
                        "the initiative ended on {ends}, before `{}` was founded ({founded})",
                        company.v
                    ),
                );
            }
        }
    }
}

fn headcounts(rules: &mut Rules<'_>, base: &str, d: &DraftInitiative) {
    let mut seen = FirstSeen::new();
    for (j, h) in indexed(&d.headcounts) {
        let (Some(metric), Some(by)) = (h.metric.value(), h.reported_by.value()) else {
            continue;
        };
        if let Some(first) = seen.repeat((*metric, by.as_str()), j) {
            rules.push(
                h.place.at,
                Code::DuplicateRecord,
                format!("{base}/headcounts/{j}"),
                format!(
                    "{metric} as reported by `{}` is already given at {base}/headcounts/{first}",
                    shorten(by)
                ),
            );
        }
    }
}

/// A company's leads: ids, counterparties, dates, the initiative credited and its attribution
/// window, stage and `closed_on`.
pub(super) fn leads(
    rules: &mut Rules<'_>,
    base: &str,
    founded: Option<Date>,
    leads: &[DraftLead],
    initiatives: &Initiatives<'_>,
) {
    if leads.is_empty() {
        return;
    }
    let mut ids = FirstSeen::new();
    let array = format!("{base}/leads");
    for (j, l) in indexed(leads) {
        let path = |field: &str| format!("{array}/{j}/{field}");
        unique_id(rules, &mut ids, l.id.valid(), &array, j);
        foreign_counterparty(rules, &l.counterparty_country, || {
            path("counterparty_country")
        });
        let identified = dated(rules, founded, &l.identified_on, || path("identified_on"));
        let credited = initiatives.credited(rules, &l.initiative, || path("initiative"));
        if let (Some(facts), Some(at)) = (credited, l.identified_on.valid()) {
            if let (Some(starts), Some(ends), Some(day)) = (facts.starts, facts.ends, identified) {
                let (first, last) = attribution_window(starts, ends);
                if day < first || day > last {
                    rules.push(
                        at.at,
                        Code::OutsideAttributionWindow,
                        path("identified_on"),
                        format!(
                            "identified on {day}, outside the initiative's attribution window ({first} to {last})"
                        ),
                    );
                }
            }
        }
        let Some(closed) = l.closed_on.valid() else {
            continue;
        };
        let Some(&stage) = l.stage.value() else {
            continue;
        };
        if stage == LeadStage::Open {
            rules.push(
                closed.at,
                Code::NotApplicable,
                path("closed_on"),
                "an open lead has no `closed_on`; it is for won and lost leads".into(),
            );
            continue;
        }
        let (Some(day), Some(identified)) =
            (rules.not_future(closed, || path("closed_on")), identified)
        else {
            continue;
        };
        if day < identified {
            rules.push(
                closed.at,
                Code::DateOrder,
                path("closed_on"),
                format!("closed_on ({day}) is before identified_on ({identified})"),
            );
        }
    }
}

/// A company's agreements: ids, counterparties, `signed_on`, the initiative and lead credited,
/// values of non-binding kinds.
pub(super) fn agreements(
    rules: &mut Rules<'_>,
    base: &str,
    founded: Option<Date>,
    agreements: &[DraftAgreement],
    leads: &[DraftLead],
    initiatives: &Initiatives<'_>,
) {
    if agreements.is_empty() {
        return;
    }
    // The company's leads by id (the first of a repeated id), with the day each may compare.
    let mut lead_days: HashMap<&str, Option<Date>> = HashMap::default();
    for l in leads {
        if let Some(id) = l.id.value() {
            let day = l
                .identified_on
                .value()
                .copied()
                .filter(|&d| rules.as_of.is_none_or(|a| d <= a));
            lead_days.entry(id.as_str()).or_insert(day);
        }
    }
    let mut ids = FirstSeen::new();
    let array = format!("{base}/agreements");
    for (j, a) in indexed(agreements) {
        let path = |field: &str| format!("{array}/{j}/{field}");
        unique_id(rules, &mut ids, a.id.valid(), &array, j);
        foreign_counterparty(rules, &a.counterparty_country, || {
            path("counterparty_country")
        });
        let signed = dated(rules, founded, &a.signed_on, || path("signed_on"));
        let signed_at = a.signed_on.valid().filter(|_| signed.is_some());
        if let Some(facts) = initiatives.credited(rules, &a.initiative, || path("initiative")) {
            if let Some(day) = signed_at {
                before_initiative(rules, facts, day, || path("signed_on"), "signed");
            }
        }
        if let Some(lead) = a.lead.valid() {
            match lead_days.get(lead.v.as_str()) {
                None => rules.push(
                    lead.at,
                    Code::UnknownLead,
                    path("lead"),
                    format!("the company has no lead with the id `{}`", lead.v),
                ),
                Some(&identified) => {
                    if let (Some(identified), Some(day)) = (identified, signed_at) {
                        if day.v < identified {
                            rules.push(
                                day.at,
                                Code::DateOrder,
                                path("signed_on"),
                                format!(
                                    "signed on {}, before its lead `{}` was identified ({identified})",
                                    day.v, lead.v
                                ),
                            );
                        }
                    }
                }
            }
        }
        if let (Some(kind), Some(value)) = (a.kind.value(), a.value_usd.valid()) {
            if !kind.is_binding() {
                rules.push(
                    value.at,
                    Code::ValueOnNonBinding,
                    path("value_usd"),
                    format!(
                        "a {kind} is not binding: its value ({} USD) counts in no contract total",
                        value.v
                    ),
                );
            }
        }
    }
}

/// An office's credited initiative: `before_initiative` when it opened before it began.
pub(super) fn office(
    rules: &mut Rules<'_>,
    path: impl Fn(&str) -> String,
    office: &DraftOffice,
    opened: Option<Date>,
    initiatives: &Initiatives<'_>,
) {
    let Some(facts) = initiatives.credited(rules, &office.initiative, || path("/initiative"))
    else {
        return;
    };
    if let (Some(_), Some(at)) = (opened, office.opened_on.valid()) {
        before_initiative(rules, facts, at, || path("/opened_on"), "opened");
    }
}

/// The claims: ids, values by metric, the initiative or period they are about, `claimed_on`.
pub(super) fn claims(rules: &mut Rules<'_>, claims: &[DraftClaim], initiatives: &Initiatives<'_>) {
    let mut ids = FirstSeen::new();
    for (i, c) in indexed(claims) {
        let base = format!("/claims/{i}");
        unique_id(rules, &mut ids, c.id.valid(), "/claims", i);
        if let Some(n) = c.value.valid() {
            let unit = c.metric.value().map(|m| m.unit());
            rules.unit_value(unit, n, format!("{base}/value"));
        }
        initiatives.resolve(rules, &c.initiative, || format!("{base}/initiative"));
        if let Some(p) = c.period.valid() {
            rules.period_not_future(p, || format!("{base}/period"));
        }
        if c.initiative.is_absent() && c.period.is_absent() {
            rules.push(
                c.place.end,
                Code::MissingField,
                format!("{base}/initiative"),
                "a claim is about an `initiative` or covers a `period`; it names neither".into(),
            );
        }
        if let Some(d) = c.claimed_on.valid() {
            rules.not_future(d, || format!("{base}/claimed_on"));
        }
    }
}
