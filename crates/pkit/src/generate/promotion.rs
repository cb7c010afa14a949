//! Invented promotion data: six initiatives a year from 2019 (those after `as_of` planned),
//! about a third of the companies taking part, with leads credited inside the attribution
//! window, binding agreements from won leads, MoUs (some followed by a contract), credited
//! offices, and two claims a year. Every date is chosen so that no rule of SPEC §1.10 fires.

use super::{date, market, parse, Rng};
use crate::model::{
    Agreement, AgreementKind, AgreementStatus, Claim, ClaimMetric, Company, ExportService,
    Headcount, HeadcountMetric, Initiative, InitiativeKind, InitiativeStatus, Lead, LeadStage,
    Office, Participant, ParticipantRole, Source,
};
use crate::value::{Country, Date, Period, Slug};

/// An initiative that recurs every year: id prefix, name, kind, host event, country, city,
/// month and day of its first day, how many days it lasts.
struct Template {
    id: &'static str,
    name: &'static str,
    kind: InitiativeKind,
    host_event: Option<&'static str>,
    country: &'static str,
    city: &'static str,
    starts: (u32, u32),
    days: i64,
}

const TEMPLATES: &[Template] = &[
    Template {
        id: "leap",
        name: "Pakistan Pavilion at LEAP",
        kind: InitiativeKind::Pavilion,
        host_event: Some("LEAP"),
        country: "SA",
        city: "Riyadh",
        starts: (2, 20),
        days: 4,
    },
    Template {
        id: "us-roadshow",
        name: "Pakistan IT Roadshow, United States",
        kind: InitiativeKind::Roadshow,
        host_event: None,
        country: "US",
        city: "New York",
        starts: (4, 14),
        days: 7,
    },
    Template {
        id: "london-tech-week",
        name: "Pakistan delegation to London Tech Week",
        kind: InitiativeKind::TradeDelegation,
        host_event: Some("London Tech Week"),
        country: "GB",
        city: "London",
        starts: (6, 10),
        days: 5,
    },
    Template {
        id: "germany-b2b",
        name: "Pakistan–Germany IT B2B matchmaking",
        kind: InitiativeKind::B2bMatchmaking,
        host_event: None,
        country: "DE",
        city: "Berlin",
        starts: (9, 16),
        days: 3,
    },
    Template {
        id: "gitex-global",
        name: "Pakistan Pavilion at GITEX Global",
        kind: InitiativeKind::Pavilion,
        host_event: Some("GITEX Global"),
        country: "AE",
        city: "Dubai",
        starts: (10, 14),
        days: 5,
    },
    Template {
        id: "web-summit",
        name: "Pakistan Pavilion at Web Summit",
        kind: InitiativeKind::Pavilion,
        host_event: Some("Web Summit"),
        country: "PT",
        city: "Lisbon",
        starts: (11, 11),
        days: 4,
    },
];

/// The first year of invented initiatives.
const FIRST_YEAR: i32 = 2019;

/// The initiatives being filled as the companies are made.
pub(super) struct Promotion {
    as_of: Date,
    initiatives: Vec<Initiative>,
    /// The initiatives that were held, by position in `initiatives`.
    held: Vec<usize>,
}

impl Promotion {
    /// Six initiatives a year from 2019 to the year of `as_of`.
    pub(super) fn new(as_of: Date) -> Promotion {
        let mut initiatives = Vec::new();
        let mut held = Vec::new();
        for year in FIRST_YEAR..=as_of.year() {
            for t in TEMPLATES {
                let Some(starts_on) = Date::new(year, t.starts.0, t.starts.1) else {
                    continue;
                };
                let status = if starts_on <= as_of {
                    held.push(initiatives.len());
                    InitiativeStatus::Held
                } else {
                    InitiativeStatus::Planned
                };
                let country: Country = parse(t.country, Country::PAKISTAN);
                initiatives.push(Initiative {
                    id: Slug::from_valid(format!("{}-{year}", t.id)),
                    name: format!("{} {year}", t.name),
                    kind: t.kind,
                    host_event: t.host_event.map(|h| format!("{h} {year}")),
                    organised_by: "PSEB with P@SHA".to_owned(),
                    country,
                    city: Some(t.city.to_owned()),
                    starts_on,
                    ends_on: starts_on.add_days(t.days - 1),
                    status,
                    target_markets: vec![country],
                    public_cost_usd: None,
                    participants: Vec::new(),
                    headcounts: Vec::new(),
                    source: None,
                    note: None,
                });
            }
        }
        Promotion {
            as_of,
            initiatives,
            held,
        }
    }

    /// About a third of the companies take part in one to three held initiatives that ended
    /// after their founding, and get leads, agreements and offices from them.
    pub(super) fn take_part(&mut self, rng: &mut Rng, company: &mut Company) {
        let founded = company.founded_on.unwrap_or(Date::MIN);
        if !rng.chance(35) {
            return;
        }
        let open: Vec<usize> = self
            .held
            .iter()
            .copied()
            .filter(|&i| {
                self.initiatives
                    .get(i)
                    .is_some_and(|x| x.ends_on >= founded)
            })
            .collect();
        if open.is_empty() {
            return;
        }
        let mut taken: Vec<usize> = Vec::new();
        for _ in 0..rng.range(1, 3) {
            let i = *rng.pick(&open);
            if taken.contains(&i) {
                continue;
            }
            taken.push(i);
            let Some(initiative) = self.initiatives.get_mut(i) else {
                continue;
            };
            initiative.participants.push(Participant {
                company: company.id.clone(),
                role: if rng.chance(80) {
                    ParticipantRole::Exhibitor
                } else {
                    *rng.pick(ParticipantRole::ALL)
                },
                subsidy_usd: rng.chance(60).then(|| rng.range(1, 8) * 1_000),
            });
            yields(rng, company, initiative, founded, self.as_of);
        }
    }

    /// The initiatives with their public cost (the subsidies and more) and headcounts, and two
    /// claims a year.
    pub(super) fn finish(mut self, rng: &mut Rng) -> (Vec<Initiative>, Vec<Claim>) {
        let mut claims = Vec::new();
        for i in &mut self.initiatives {
            if i.status != InitiativeStatus::Held {
                continue;
            }
            let subsidies: u64 = i.participants.iter().filter_map(|p| p.subsidy_usd).sum();
            i.public_cost_usd = Some(subsidies + rng.range(20, 200) * 1_000);
            if i.kind == InitiativeKind::Pavilion {
                i.headcounts.push(Headcount {
                    metric: HeadcountMetric::B2bMeetings,
                    value: rng.range(50, 900),
                    reported_by: "PSEB".to_owned(),
                    source: None,
                });
            }
            if i.id.as_str().starts_with("gitex-global") {
                claims.push(claim(
                    format!("{}-leads", i.id),
                    ClaimMetric::Leads,
                    rng.range(5, 50) * (i.participants.len() as u64 + 1),
                    Some(i.id.clone()),
                    None,
                    i.ends_on,
                ));
            }
        }
        for year in FIRST_YEAR..self.as_of.year() {
            let period = Period::FiscalYear(year);
            let published = period.last_day().add_days(30);
            if published <= self.as_of {
                claims.push(claim(
                    format!("fy{year}-contract-value"),
                    ClaimMetric::ContractValueUsd,
                    rng.range(10, 500) * 1_000_000,
                    None,
                    Some(period),
                    published,
                ));
            }
        }
        (self.initiatives, claims)
    }
}

fn claim(
    id: String,
    metric: ClaimMetric,
    value: u64,
    initiative: Option<Slug>,
    period: Option<Period>,
    claimed_on: Date,
) -> Claim {
    Claim {
        id: Slug::from_valid(id),
        metric,
        value,
        initiative,
        period,
        claimed_by: "An invented official, PSEB".to_owned(),
        claimed_on: Some(claimed_on),
        source: Source {
            publisher: "pkit generator".to_owned(),
            title: None,
            url: None,
        },
        note: None,
    }
}

/// What a company gets from taking part: leads inside the attribution window (some won, some
/// lost), a contract from each won lead, perhaps an MoU (perhaps followed by a contract with
/// the same market within a year), perhaps an office.
fn yields(rng: &mut Rng, company: &mut Company, i: &Initiative, founded: Date, as_of: Date) {
    let (window_first, window_last) = i.attribution_window();
    let first = window_first.max(founded);
    let last = window_last.min(as_of);
    let credited = Some(i.id.clone());
    for _ in 0..rng.range(0, 3) {
        let identified_on = date(rng, first, last);
        let country = if rng.chance(70) {
            i.country
        } else {
            market(rng)
        };
        let stage = match rng.range(1, 4) {
            1 => LeadStage::Won,
            2 => LeadStage::Lost,
            _ => LeadStage::Open,
        };
        let closed_on =
            (stage != LeadStage::Open).then(|| date(rng, identified_on.max(i.starts_on), as_of));
        let id = Slug::from_valid(format!("l{}", company.leads.len() + 1));
        let value = rng.range(5, 500) * 1_000;
        if let (LeadStage::Won, Some(signed_on)) = (stage, closed_on) {
            let kind = *rng.pick(&[
                AgreementKind::Contract,
                AgreementKind::PurchaseOrder,
                AgreementKind::FrameworkAgreement,
            ]);
            let contract = Agreement {
                initiative: credited.clone(),
                lead: Some(id.clone()),
                value_usd: Some(value),
                ..agreement(rng, company, kind, country, signed_on)
            };
            company.agreements.push(contract);
        }
        company.leads.push(Lead {
            id,
            counterparty: rng
                .chance(50)
                .then(|| format!("Prospect {}", rng.range(1, 999))),
            counterparty_country: country,
            identified_on,
            initiative: credited.clone(),
            estimated_value_usd: rng.chance(80).then_some(value),
            service: rng.chance(50).then_some(ExportService::ComputerServices),
            stage,
            closed_on,
        });
    }
    if rng.chance(30) {
        let signed_on = date(
            rng,
            i.starts_on.max(founded),
            i.ends_on.add_days(30).min(as_of),
        );
        let mou = Agreement {
            initiative: credited.clone(),
            ..agreement(rng, company, AgreementKind::Mou, i.country, signed_on)
        };
        company.agreements.push(mou);
        if rng.chance(40) {
            let later = date(rng, signed_on, signed_on.add_days(365).min(as_of));
            let contract = Agreement {
                value_usd: Some(rng.range(20, 800) * 1_000),
                ..agreement(rng, company, AgreementKind::Contract, i.country, later)
            };
            company.agreements.push(contract);
        }
    }
    if rng.chance(10) && !company.offices.iter().any(|o| o.country == i.country) {
        company.offices.push(Office {
            country: i.country,
            city: i.city.clone().unwrap_or_else(|| "Sales office".to_owned()),
            opened_on: Some(date(rng, i.starts_on.max(founded), as_of)),
            initiative: credited,
        });
    }
}

/// An agreement of the company, numbered after its others; binding ones run a few months.
fn agreement(
    rng: &mut Rng,
    company: &Company,
    kind: AgreementKind,
    counterparty_country: Country,
    signed_on: Date,
) -> Agreement {
    Agreement {
        id: Slug::from_valid(format!("a{}", company.agreements.len() + 1)),
        kind,
        counterparty: format!("Counterparty {}", rng.range(1, 999)),
        counterparty_country,
        signed_on,
        initiative: None,
        lead: None,
        value_usd: None,
        service: None,
        duration_months: kind
            .is_binding()
            .then(|| u8::try_from(rng.range(3, 36)).unwrap_or(12)),
        status: AgreementStatus::Active,
    }
}
