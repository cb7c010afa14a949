//! The records of a registry document (SPEC §1.3–§1.10) and of its issues (SPEC §2), as uniffi
//! records: Kotlin data classes, Swift structs, Python dataclasses, with camelCase fields in
//! Kotlin and Swift.
//!
//! Each is built from the core's record by a `From` conversion and nothing else. Field names
//! are the document's; dates are `YYYY-MM-DD` strings; ids, countries, regions, periods and
//! award categories are their document text; vocabularies are the enums of [`crate::enums`].
//! Defaults the loader applied are present (certificate `status` `active`, observation and
//! target `region` `PK`, ranking `country` `PK`, initiative `status` `held`, participant `role`
//! `exhibitor`, lead `stage` `open`, agreement `status` `active`), as `Registry.toJson` writes
//! them.
//!
//! A record has no methods across the FFI, so what the core computes on request from a record
//! is a field here, filled by calling the core's method, and documented as computed:
//! `Initiative.fiscalYear` and its attribution window, `Agreement.binding`.

use pkit::model::{
    AgreementKind, AgreementStatus, Appraisal, AwardResult, CertificationStatus, ClaimMetric,
    ExportService, HeadcountMetric, Indicator, InitiativeKind, InitiativeStatus, LeadStage,
    LegalForm, ParticipantRole, Program, Scheme, Service,
};
use pkit::Severity;

/// Text of an optional value that prints as its document form (dates, countries).
fn text<T: ToString>(value: Option<T>) -> Option<String> {
    value.map(|v| v.to_string())
}

/// One problem found in a document (SPEC §2).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Issue {
    /// The stable snake_case code of SPEC.md (`invalid_date`). A string rather than an enum
    /// so that a code added later reaches old apps as text.
    pub code: String,
    /// An RFC 6901 JSON Pointer to the offending value; empty for the whole document.
    pub path: String,
    /// One line for a person: what is wrong and what was expected.
    pub message: String,
    /// Error or warning.
    pub severity: Severity,
    /// Where the value was read: line and column in a JSON document, file, line and column
    /// header in a CSV directory; absent when the issue has no place (a size limit).
    pub location: Option<Location>,
    /// The offending value as JSON text (`"2024-02-30"`, `1e3`) when it is a short scalar;
    /// for an unknown field, its key.
    pub input: Option<String>,
}

impl From<&pkit::Issue> for Issue {
    fn from(issue: &pkit::Issue) -> Issue {
        Issue {
            code: issue.code.as_str().to_owned(),
            path: issue.path.clone(),
            message: issue.message.clone(),
            severity: issue.severity,
            location: issue.location.as_ref().map(Location::from),
            input: issue.input.clone(),
        }
    }
}

/// Where in the text an issue's value was read.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Location {
    /// The file inside a CSV directory (`certifications.csv`); absent for JSON.
    pub file: Option<String>,
    /// The line, from 1 (in a CSV file the header is line 1).
    pub line: u64,
    /// The column in a JSON document, in characters from 1; absent for CSV.
    pub column: Option<u64>,
    /// The CSV column's header, when the issue is about one cell; absent for JSON.
    pub header: Option<String>,
}

impl From<&pkit::issue::Location> for Location {
    fn from(at: &pkit::issue::Location) -> Location {
        use pkit::issue::LocationColumn;
        let (column, header) = match &at.column {
            Some(LocationColumn::Char(column)) => (Some(*column), None),
            Some(LocationColumn::Header(header)) => (None, Some(header.clone())),
            None => (None, None),
        };
        Location {
            file: at.file.clone(),
            line: at.line,
            column,
            header,
        }
    }
}

/// An IT company (SPEC §1.3).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Company {
    /// Unique id among companies (`indus-byteworks`).
    pub id: String,
    /// The registered name.
    pub legal_name: String,
    /// The name it trades under.
    pub trade_name: Option<String>,
    /// The legal form.
    pub legal_form: LegalForm,
    /// Registration numbers (each optional).
    pub identifiers: Identifiers,
    /// The day the company was founded, `YYYY-MM-DD`.
    pub founded_on: Option<String>,
    /// The head office in Pakistan.
    pub headquarters: Headquarters,
    /// An absolute http(s) URL.
    pub website: Option<String>,
    /// A contact e-mail address.
    pub email: Option<String>,
    /// Head count.
    pub employees: Option<u64>,
    /// Lines of business, in document order.
    pub services: Vec<Service>,
    /// Offices abroad.
    pub offices: Vec<Office>,
    /// Certifications held.
    pub certifications: Vec<Certification>,
    /// Awards won or entered.
    pub awards: Vec<Award>,
    /// The company's own export revenue.
    pub exports: Vec<ExportRecord>,
    /// Business prospects with foreign counterparties (SPEC §1.10).
    pub leads: Vec<Lead>,
    /// Agreements with foreign counterparties, binding or not (SPEC §1.10).
    pub agreements: Vec<Agreement>,
}

impl From<&pkit::model::Company> for Company {
    fn from(c: &pkit::model::Company) -> Company {
        Company {
            id: c.id.as_str().to_owned(),
            legal_name: c.legal_name.clone(),
            trade_name: c.trade_name.clone(),
            legal_form: c.legal_form,
            identifiers: Identifiers::from(&c.identifiers),
            founded_on: text(c.founded_on),
            headquarters: Headquarters::from(&c.headquarters),
            website: c.website.clone(),
            email: c.email.clone(),
            employees: c.employees,
            services: c.services.clone(),
            offices: c.offices.iter().map(Office::from).collect(),
            certifications: c.certifications.iter().map(Certification::from).collect(),
            awards: c.awards.iter().map(Award::from).collect(),
            exports: c.exports.iter().map(ExportRecord::from).collect(),
            leads: c.leads.iter().map(Lead::from).collect(),
            agreements: c.agreements.iter().map(Agreement::from).collect(),
        }
    }
}

/// A company's registration numbers (all optional).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Identifiers {
    /// National Tax Number: seven digits, optionally `-` and a check digit.
    pub ntn: Option<String>,
    /// Corporate Unique Identification Number (SECP): 5 to 10 digits.
    pub cuin: Option<String>,
    /// Legal Entity Identifier (ISO 17442).
    pub lei: Option<String>,
    /// Pakistan Software Export Board registration.
    pub pseb: Option<String>,
}

impl From<&pkit::model::Identifiers> for Identifiers {
    fn from(i: &pkit::model::Identifiers) -> Identifiers {
        Identifiers {
            ntn: i.ntn.clone(),
            cuin: i.cuin.clone(),
            lei: i.lei.clone(),
            pseb: i.pseb.clone(),
        }
    }
}

/// Where a company's head office is.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Headquarters {
    /// The city.
    pub city: String,
    /// The province or territory, an ISO 3166-2:PK code (`PK-PB`).
    pub region: String,
}

impl From<&pkit::model::Headquarters> for Headquarters {
    fn from(h: &pkit::model::Headquarters) -> Headquarters {
        Headquarters {
            city: h.city.clone(),
            region: h.region.code().to_owned(),
        }
    }
}

/// An office abroad.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Office {
    /// The country, ISO 3166-1 alpha-2 (`AE`); never `PK`.
    pub country: String,
    /// The city.
    pub city: String,
    /// When it opened, `YYYY-MM-DD`.
    pub opened_on: Option<String>,
    /// The id of the initiative credited with it (a held one, begun on or before `openedOn`).
    pub initiative: Option<String>,
}

impl From<&pkit::model::Office> for Office {
    fn from(o: &pkit::model::Office) -> Office {
        Office {
            country: o.country.to_string(),
            city: o.city.clone(),
            opened_on: text(o.opened_on),
            initiative: text(o.initiative.as_ref()),
        }
    }
}

/// A certification held by a company (SPEC §1.4).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Certification {
    /// The scheme.
    pub scheme: Scheme,
    /// One of the scheme's editions (`2022`, `2.0`, `type_2`).
    pub edition: String,
    /// The CMMI maturity level, 2..=5; CMMI only.
    pub level: Option<u8>,
    /// The kind of CMMI appraisal; CMMI only.
    pub appraisal: Option<Appraisal>,
    /// The certificate or appraisal number.
    pub certificate_number: Option<String>,
    /// The certification body, or the lead appraiser's organisation for CMMI.
    pub issuer: String,
    /// The accreditation body.
    pub accredited_by: Option<String>,
    /// The day of issue, `YYYY-MM-DD`.
    pub issued_on: String,
    /// The day of expiry, `YYYY-MM-DD`.
    pub expires_on: String,
    /// As declared by the issuer (`active` when the document does not say).
    pub status: CertificationStatus,
    /// What the certificate covers.
    pub scope: Option<String>,
}

impl From<&pkit::model::Certification> for Certification {
    fn from(c: &pkit::model::Certification) -> Certification {
        Certification {
            scheme: c.scheme,
            edition: c.edition.clone(),
            level: c.level,
            appraisal: c.appraisal,
            certificate_number: c.certificate_number.clone(),
            issuer: c.issuer.clone(),
            accredited_by: c.accredited_by.clone(),
            issued_on: c.issued_on.to_string(),
            expires_on: c.expires_on.to_string(),
            status: c.status,
            scope: c.scope.clone(),
        }
    }
}

/// An award a company won or was shortlisted for (SPEC §1.5).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Award {
    /// The programme.
    pub program: Program,
    /// The programme's name; present when `program` is `other`.
    pub program_name: Option<String>,
    /// The year of the award.
    pub year: u16,
    /// The category, a snake_case key (`e_health`).
    pub category: String,
    /// What the entry achieved.
    pub result: AwardResult,
    /// The product or project entered.
    pub entry: String,
    /// The country that hosted the event, ISO 3166-1 alpha-2.
    pub host_country: Option<String>,
}

impl From<&pkit::model::Award> for Award {
    fn from(a: &pkit::model::Award) -> Award {
        Award {
            program: a.program,
            program_name: a.program_name.clone(),
            year: a.year,
            category: a.category.as_str().to_owned(),
            result: a.result,
            entry: a.entry.clone(),
            host_country: text(a.host_country),
        }
    }
}

/// Export revenue of one company for one period (SPEC §1.6).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExportRecord {
    /// A fiscal year (`FY2023-24`), fiscal quarter (`FY2023-24-Q1`) or month (`2024-03`).
    pub period: String,
    /// Whole US dollars.
    pub amount_usd: u64,
    /// The buyer's country; absent means all markets.
    pub market: Option<String>,
    /// The service category; absent means all services.
    pub service: Option<ExportService>,
}

impl From<&pkit::model::ExportRecord> for ExportRecord {
    fn from(e: &pkit::model::ExportRecord) -> ExportRecord {
        ExportRecord {
            period: e.period.to_string(),
            amount_usd: e.amount_usd,
            market: text(e.market),
            service: e.service,
        }
    }
}

/// Who published a figure.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Source {
    /// The publisher.
    pub publisher: String,
    /// The title of the publication.
    pub title: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
}

impl From<&pkit::model::Source> for Source {
    fn from(s: &pkit::model::Source) -> Source {
        Source {
            publisher: s.publisher.clone(),
            title: s.title.clone(),
            url: s.url.clone(),
        }
    }
}

/// A national or regional statistic (SPEC §1.7).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Observation {
    /// What is measured.
    pub indicator: Indicator,
    /// Where: `PK`, a province code (`PK-PB`) or a country code.
    pub region: String,
    /// When: any period form.
    pub period: String,
    /// Whole USD or a count, by indicator.
    pub value: u64,
    /// Who published it.
    pub source: Source,
    /// When this value was published (its vintage), `YYYY-MM-DD`.
    pub published_on: Option<String>,
    /// A remark.
    pub note: Option<String>,
}

impl From<&pkit::model::Observation> for Observation {
    fn from(o: &pkit::model::Observation) -> Observation {
        Observation {
            indicator: o.indicator,
            region: o.region.code().to_owned(),
            period: o.period.to_string(),
            value: o.value,
            source: Source::from(&o.source),
            published_on: text(o.published_on),
            note: o.note.clone(),
        }
    }
}

/// A stated policy target (SPEC §1.8).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Target {
    /// Unique id among targets.
    pub id: String,
    /// What the target is about.
    pub indicator: Indicator,
    /// Where: `PK`, a province code or a country code.
    pub region: String,
    /// The value to reach: whole USD or a count, by indicator.
    pub value: u64,
    /// By when: a fiscal year (`FY2024-25`) or a calendar year (`2025`).
    pub deadline: String,
    /// Who stated it.
    pub stated_by: String,
    /// When it was announced, `YYYY-MM-DD`.
    pub stated_on: Option<String>,
    /// Where it was reported.
    pub source: Option<Source>,
    /// A remark.
    pub note: Option<String>,
}

impl From<&pkit::model::Target> for Target {
    fn from(t: &pkit::model::Target) -> Target {
        Target {
            id: t.id.as_str().to_owned(),
            indicator: t.indicator,
            region: t.region.code().to_owned(),
            value: t.value,
            deadline: t.deadline.to_string(),
            stated_by: t.stated_by.clone(),
            stated_on: text(t.stated_on),
            source: t.source.as_ref().map(Source::from),
            note: t.note.clone(),
        }
    }
}

/// A country's place in an international index (SPEC §1.9).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Ranking {
    /// The index.
    pub index: String,
    /// Who publishes the index.
    pub publisher: String,
    /// The period ranked.
    pub period: String,
    /// What is ranked.
    pub metric: String,
    /// The country ranked, ISO 3166-1 alpha-2.
    pub country: String,
    /// The place, 1 = first.
    pub rank: u64,
    /// How many were ranked.
    pub out_of: Option<u64>,
    /// Where it was reported.
    pub source: Option<Source>,
    /// A remark.
    pub note: Option<String>,
}

impl From<&pkit::model::Ranking> for Ranking {
    fn from(r: &pkit::model::Ranking) -> Ranking {
        Ranking {
            index: r.index.clone(),
            publisher: r.publisher.clone(),
            period: r.period.to_string(),
            metric: r.metric.clone(),
            country: r.country.to_string(),
            rank: r.rank,
            out_of: r.out_of,
            source: r.source.as_ref().map(Source::from),
            note: r.note.clone(),
        }
    }
}

/// A promotion initiative abroad: a pavilion, delegation, roadshow, B2B matchmaking (SPEC
/// §1.10).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Initiative {
    /// Unique id among initiatives (`gitex-global-2024`).
    pub id: String,
    /// Its name ("Pakistan Pavilion at GITEX Global 2024").
    pub name: String,
    /// What kind of promotion it is.
    pub kind: InitiativeKind,
    /// The third-party show it is part of; present for a pavilion.
    pub host_event: Option<String>,
    /// Who organised it ("PSEB with P@SHA and TDAP").
    pub organised_by: String,
    /// Where it took place, ISO 3166-1 alpha-2.
    pub country: String,
    /// The city.
    pub city: Option<String>,
    /// Its first day, `YYYY-MM-DD`.
    pub starts_on: String,
    /// Its last day, `YYYY-MM-DD`.
    pub ends_on: String,
    /// Whether it took place (`held` when the document does not say).
    pub status: InitiativeStatus,
    /// The markets it aimed at, country codes, each once.
    pub target_markets: Vec<String>,
    /// What public bodies spent on it, subsidies included: whole US dollars.
    pub public_cost_usd: Option<u64>,
    /// The companies that took part.
    pub participants: Vec<Participant>,
    /// Counts as reported, where no list of participants exists; never added together.
    pub headcounts: Vec<Headcount>,
    /// Where it was reported.
    pub source: Option<Source>,
    /// A remark.
    pub note: Option<String>,
    /// Computed: its fiscal year (the one containing `startsOn`), by the calendar year it
    /// starts in (2024 is `FY2024-25`).
    pub fiscal_year: i32,
    /// Computed: the first day a lead may be credited to it, 30 days before `startsOn`,
    /// `YYYY-MM-DD`.
    pub attribution_first_day: String,
    /// Computed: the last day a lead may be credited to it, 90 days after `endsOn`,
    /// `YYYY-MM-DD`.
    pub attribution_last_day: String,
}

impl From<&pkit::model::Initiative> for Initiative {
    fn from(i: &pkit::model::Initiative) -> Initiative {
        let (first, last) = i.attribution_window();
        Initiative {
            id: i.id.as_str().to_owned(),
            name: i.name.clone(),
            kind: i.kind,
            host_event: i.host_event.clone(),
            organised_by: i.organised_by.clone(),
            country: i.country.to_string(),
            city: i.city.clone(),
            starts_on: i.starts_on.to_string(),
            ends_on: i.ends_on.to_string(),
            status: i.status,
            target_markets: i.target_markets.iter().map(ToString::to_string).collect(),
            public_cost_usd: i.public_cost_usd,
            participants: i.participants.iter().map(Participant::from).collect(),
            headcounts: i.headcounts.iter().map(Headcount::from).collect(),
            source: i.source.as_ref().map(Source::from),
            note: i.note.clone(),
            fiscal_year: i.fiscal_year().start_year(),
            attribution_first_day: first.to_string(),
            attribution_last_day: last.to_string(),
        }
    }
}

/// A company that took part in an initiative.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Participant {
    /// The `id` of a company of the registry.
    pub company: String,
    /// How it took part (`exhibitor` when the document does not say).
    pub role: ParticipantRole,
    /// The subsidy it received: whole US dollars.
    pub subsidy_usd: Option<u64>,
}

impl From<&pkit::model::Participant> for Participant {
    fn from(p: &pkit::model::Participant) -> Participant {
        Participant {
            company: p.company.as_str().to_owned(),
            role: p.role,
            subsidy_usd: p.subsidy_usd,
        }
    }
}

/// A count reported for an initiative, as its reporter gave it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Headcount {
    /// What is counted.
    pub metric: HeadcountMetric,
    /// The count.
    pub value: u64,
    /// Who reported it.
    pub reported_by: String,
    /// Where it was reported.
    pub source: Option<Source>,
}

impl From<&pkit::model::Headcount> for Headcount {
    fn from(h: &pkit::model::Headcount) -> Headcount {
        Headcount {
            metric: h.metric,
            value: h.value,
            reported_by: h.reported_by.clone(),
            source: h.source.as_ref().map(Source::from),
        }
    }
}

/// A business prospect of a company with a foreign counterparty (SPEC §1.10).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Lead {
    /// Unique among the company's leads.
    pub id: String,
    /// The prospect's name, where it may be published.
    pub counterparty: Option<String>,
    /// The prospect's country, ISO 3166-1 alpha-2.
    pub counterparty_country: String,
    /// When the lead was identified, `YYYY-MM-DD`.
    pub identified_on: String,
    /// The id of the initiative credited with it.
    pub initiative: Option<String>,
    /// Its estimated value: whole US dollars.
    pub estimated_value_usd: Option<u64>,
    /// The service it is about.
    pub service: Option<ExportService>,
    /// How far it has gone (`open` when the document does not say).
    pub stage: LeadStage,
    /// When it was won or lost, `YYYY-MM-DD`.
    pub closed_on: Option<String>,
}

impl From<&pkit::model::Lead> for Lead {
    fn from(l: &pkit::model::Lead) -> Lead {
        Lead {
            id: l.id.as_str().to_owned(),
            counterparty: l.counterparty.clone(),
            counterparty_country: l.counterparty_country.to_string(),
            identified_on: l.identified_on.to_string(),
            initiative: text(l.initiative.as_ref()),
            estimated_value_usd: l.estimated_value_usd,
            service: l.service,
            stage: l.stage,
            closed_on: text(l.closed_on),
        }
    }
}

/// An agreement of a company with a foreign counterparty: a contract, purchase order,
/// framework agreement, partnership, joint venture, MoU or letter of intent (SPEC §1.10).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Agreement {
    /// Unique among the company's agreements.
    pub id: String,
    /// What kind of agreement it is.
    pub kind: AgreementKind,
    /// Who the other party is.
    pub counterparty: String,
    /// The other party's country, ISO 3166-1 alpha-2.
    pub counterparty_country: String,
    /// When it was signed, `YYYY-MM-DD`.
    pub signed_on: String,
    /// The id of the initiative credited with it.
    pub initiative: Option<String>,
    /// The id of the lead of the same company it came from.
    pub lead: Option<String>,
    /// The contracted value: whole US dollars; counts in no total on a non-binding kind.
    pub value_usd: Option<u64>,
    /// The service it is about.
    pub service: Option<ExportService>,
    /// How many months it runs, 1..=120.
    pub duration_months: Option<u8>,
    /// Where it stands (`active` when the document does not say).
    pub status: AgreementStatus,
    /// Computed: true for the binding kinds (contract, purchase order, framework agreement,
    /// partnership, joint venture), false for an MoU or a letter of intent.
    pub binding: bool,
}

impl From<&pkit::model::Agreement> for Agreement {
    fn from(a: &pkit::model::Agreement) -> Agreement {
        Agreement {
            id: a.id.as_str().to_owned(),
            kind: a.kind,
            counterparty: a.counterparty.clone(),
            counterparty_country: a.counterparty_country.to_string(),
            signed_on: a.signed_on.to_string(),
            initiative: text(a.initiative.as_ref()),
            lead: text(a.lead.as_ref()),
            value_usd: a.value_usd,
            service: a.service,
            duration_months: a.duration_months,
            status: a.status,
            binding: a.kind.is_binding(),
        }
    }
}

/// A headline figure about promotion, as someone published it (SPEC §1.10).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Claim {
    /// Unique among claims.
    pub id: String,
    /// What is claimed.
    pub metric: ClaimMetric,
    /// The figure: a count or whole US dollars, by metric.
    pub value: u64,
    /// The id of the initiative the claim is about.
    pub initiative: Option<String>,
    /// The time it covers when it is about no single initiative: a fiscal year (`FY2023-24`)
    /// or a calendar year (`2024`).
    pub period: Option<String>,
    /// Who made it (person and organisation).
    pub claimed_by: String,
    /// When it was made, `YYYY-MM-DD`.
    pub claimed_on: Option<String>,
    /// Where it was published.
    pub source: Source,
    /// A remark.
    pub note: Option<String>,
}

impl From<&pkit::model::Claim> for Claim {
    fn from(c: &pkit::model::Claim) -> Claim {
        Claim {
            id: c.id.as_str().to_owned(),
            metric: c.metric,
            value: c.value,
            initiative: text(c.initiative.as_ref()),
            period: text(c.period),
            claimed_by: c.claimed_by.clone(),
            claimed_on: text(c.claimed_on),
            source: Source::from(&c.source),
            note: c.note.clone(),
        }
    }
}
