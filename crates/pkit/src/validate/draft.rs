//! The document as read, before the rules: every field that held a valid value is `Some`,
//! with the byte offset where it stood, so that the rules can skip invalid values (no cascade)
//! and order their issues by position. A draft without errors becomes a [`Registry`].

use crate::model::{
    Appraisal, Award, AwardResult, Certification, CertificationStatus, Company, ExportRecord,
    ExportService, Headquarters, Identifiers, Indicator, LegalForm, Observation, Office, Program,
    Ranking, Scheme, Service, Source, Target,
};
use crate::validate::reader::Integer;
use crate::value::{Country, Date, Key, Period, Region, Slug};
use crate::Registry;

/// A value and the byte offset of its first character.
#[derive(Debug, Clone)]
pub(crate) struct At<T> {
    pub(crate) v: T,
    pub(crate) at: usize,
}

/// Where a record stands: its index in its array, its `{` and its `}`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Place {
    pub(crate) index: usize,
    pub(crate) at: usize,
    pub(crate) end: usize,
}

#[derive(Debug, Default)]
pub(crate) struct DraftRegistry {
    pub(crate) as_of: Option<Date>,
    pub(crate) companies: Vec<DraftCompany>,
    pub(crate) observations: Vec<DraftObservation>,
    pub(crate) targets: Vec<DraftTarget>,
    pub(crate) rankings: Vec<DraftRanking>,
}

#[derive(Debug, Default)]
pub(crate) struct DraftCompany {
    pub(crate) place: Place,
    pub(crate) id: Option<At<Slug>>,
    pub(crate) legal_name: Option<String>,
    pub(crate) trade_name: Option<String>,
    pub(crate) legal_form: Option<LegalForm>,
    pub(crate) ntn: Option<At<String>>,
    pub(crate) cuin: Option<At<String>>,
    pub(crate) lei: Option<At<String>>,
    pub(crate) pseb: Option<String>,
    pub(crate) founded_on: Option<At<Date>>,
    pub(crate) headquarters: Option<Headquarters>,
    pub(crate) website: Option<String>,
    pub(crate) email: Option<String>,
    pub(crate) employees: Option<u64>,
    /// Valid services with their index in the array.
    pub(crate) services: Vec<(usize, At<Service>)>,
    pub(crate) offices: Vec<DraftOffice>,
    pub(crate) certifications: Vec<DraftCertification>,
    pub(crate) awards: Vec<DraftAward>,
    pub(crate) exports: Vec<DraftExport>,
}

#[derive(Debug, Default)]
pub(crate) struct DraftOffice {
    pub(crate) place: Place,
    pub(crate) country: Option<At<Country>>,
    pub(crate) city: Option<String>,
    pub(crate) opened_on: Option<At<Date>>,
}

#[derive(Debug, Default)]
pub(crate) struct DraftCertification {
    pub(crate) place: Place,
    pub(crate) scheme: Option<Scheme>,
    pub(crate) edition: Option<At<String>>,
    /// `None`: absent or null; `Some(None)`: present but invalid.
    pub(crate) level: Option<Option<At<u8>>>,
    pub(crate) appraisal: Option<At<Appraisal>>,
    pub(crate) certificate_number: Option<String>,
    pub(crate) issuer: Option<String>,
    pub(crate) accredited_by: Option<String>,
    pub(crate) issued_on: Option<At<Date>>,
    pub(crate) expires_on: Option<At<Date>>,
    pub(crate) status: Option<CertificationStatus>,
    pub(crate) scope: Option<String>,
}

#[derive(Debug, Default)]
pub(crate) struct DraftAward {
    pub(crate) place: Place,
    pub(crate) program: Option<Program>,
    /// `None`: absent or null; `Some(None)`: present but invalid.
    pub(crate) program_name: Option<Option<String>>,
    pub(crate) year: Option<At<u16>>,
    pub(crate) category: Option<At<Key>>,
    pub(crate) result: Option<AwardResult>,
    pub(crate) entry: Option<String>,
    pub(crate) host_country: Option<Country>,
}

#[derive(Debug, Default)]
pub(crate) struct DraftExport {
    pub(crate) place: Place,
    pub(crate) period: Option<At<Period>>,
    pub(crate) amount_usd: Option<u64>,
    /// `Some(None)`: absent (all markets); `None`: present but invalid.
    pub(crate) market: Option<Option<Country>>,
    pub(crate) service: Option<Option<ExportService>>,
}

/// A JSON number whose check depends on another field (an observation's or target's value).
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawNumber {
    pub(crate) integer: Integer,
    pub(crate) at: usize,
}

#[derive(Debug, Default)]
pub(crate) struct DraftObservation {
    pub(crate) place: Place,
    /// `Some(None)` when the indicator is present but invalid.
    pub(crate) indicator: Option<Option<Indicator>>,
    /// `None` when present but invalid; `Some(PK)` when absent.
    pub(crate) region: Option<Region>,
    pub(crate) period: Option<At<Period>>,
    pub(crate) value: Option<RawNumber>,
    pub(crate) source: Option<Source>,
    /// `Some(None)`: absent; `None`: present but invalid.
    pub(crate) published_on: Option<Option<At<Date>>>,
    pub(crate) note: Option<String>,
}

#[derive(Debug, Default)]
pub(crate) struct DraftTarget {
    pub(crate) place: Place,
    pub(crate) id: Option<At<Slug>>,
    pub(crate) indicator: Option<Option<Indicator>>,
    pub(crate) region: Option<Region>,
    pub(crate) value: Option<RawNumber>,
    pub(crate) deadline: Option<At<Period>>,
    pub(crate) stated_by: Option<String>,
    pub(crate) stated_on: Option<At<Date>>,
    pub(crate) source: Option<Source>,
    pub(crate) note: Option<String>,
}

#[derive(Debug, Default)]
pub(crate) struct DraftRanking {
    pub(crate) place: Place,
    pub(crate) index: Option<String>,
    pub(crate) publisher: Option<String>,
    pub(crate) period: Option<At<Period>>,
    pub(crate) metric: Option<String>,
    pub(crate) country: Option<Country>,
    pub(crate) rank: Option<At<u64>>,
    pub(crate) out_of: Option<At<u64>>,
    pub(crate) source: Option<Source>,
    pub(crate) note: Option<String>,
}

fn v<T>(x: Option<At<T>>) -> Option<T> {
    x.map(|a| a.v)
}

fn number(x: Option<RawNumber>) -> Option<u64> {
    match x?.integer {
        Integer::Value(n) => Some(n),
        _ => None,
    }
}

/// Turns a draft into records. Only called when the rules found no error, so every required
/// field is present; `None` means a bug in the rules, never a panic.
pub(crate) fn finish(draft: DraftRegistry) -> Option<Registry> {
    let companies = draft
        .companies
        .into_iter()
        .map(company)
        .collect::<Option<Vec<_>>>()?;
    let observations = draft
        .observations
        .into_iter()
        .map(|o| {
            Some(Observation {
                indicator: o.indicator.flatten()?,
                region: o.region?,
                period: v(o.period)?,
                value: number(o.value)?,
                source: o.source?,
                published_on: v(o.published_on?),
                note: o.note,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let targets = draft
        .targets
        .into_iter()
        .map(|t| {
            Some(Target {
                id: v(t.id)?,
                indicator: t.indicator.flatten()?,
                region: t.region?,
                value: number(t.value)?,
                deadline: v(t.deadline)?,
                stated_by: t.stated_by?,
                stated_on: v(t.stated_on),
                source: t.source,
                note: t.note,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let rankings = draft
        .rankings
        .into_iter()
        .map(|r| {
            Some(Ranking {
                index: r.index?,
                publisher: r.publisher?,
                period: v(r.period)?,
                metric: r.metric?,
                country: r.country.unwrap_or(Country::PAKISTAN),
                rank: v(r.rank)?,
                out_of: v(r.out_of),
                source: r.source,
                note: r.note,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Registry::from_parts(
        draft.as_of?,
        companies,
        observations,
        targets,
        rankings,
    ))
}

fn company(c: DraftCompany) -> Option<Company> {
    Some(Company {
        id: v(c.id)?,
        legal_name: c.legal_name?,
        trade_name: c.trade_name,
        legal_form: c.legal_form?,
        identifiers: Identifiers {
            ntn: v(c.ntn),
            cuin: v(c.cuin),
            lei: v(c.lei),
            pseb: c.pseb,
        },
        founded_on: v(c.founded_on),
        headquarters: c.headquarters?,
        website: c.website,
        email: c.email,
        employees: c.employees,
        services: c.services.into_iter().map(|(_, s)| s.v).collect(),
        offices: c
            .offices
            .into_iter()
            .map(|o| {
                Some(Office {
                    country: v(o.country)?,
                    city: o.city?,
                    opened_on: v(o.opened_on),
                })
            })
            .collect::<Option<_>>()?,
        certifications: c
            .certifications
            .into_iter()
            .map(|x| {
                Some(Certification {
                    scheme: x.scheme?,
                    edition: v(x.edition)?,
                    level: v(x.level.flatten()),
                    appraisal: v(x.appraisal),
                    certificate_number: x.certificate_number,
                    issuer: x.issuer?,
                    accredited_by: x.accredited_by,
                    issued_on: v(x.issued_on)?,
                    expires_on: v(x.expires_on)?,
                    status: x.status.unwrap_or_default(),
                    scope: x.scope,
                })
            })
            .collect::<Option<_>>()?,
        awards: c
            .awards
            .into_iter()
            .map(|a| {
                Some(Award {
                    program: a.program?,
                    program_name: a.program_name.flatten(),
                    year: v(a.year)?,
                    category: v(a.category)?,
                    result: a.result?,
                    entry: a.entry?,
                    host_country: a.host_country,
                })
            })
            .collect::<Option<_>>()?,
        exports: c
            .exports
            .into_iter()
            .map(|e| {
                Some(ExportRecord {
                    period: v(e.period)?,
                    amount_usd: e.amount_usd?,
                    market: e.market?,
                    service: e.service?,
                })
            })
            .collect::<Option<_>>()?,
    })
}
