//! Read-only record classes: one per record of the spec, attributes named as in JSON, enums as
//! plain strings, dates as `datetime.date`.
//!
//! [`record!`] writes each class once: the struct, its conversion from the core's record,
//! `to_dict()`, `__repr__`, `__eq__` and the refusal to pickle. A field is converted from the
//! core's field of the same name by [`Mirror`] (ids, codes and vocabularies become text, dates
//! `datetime.date`, records their classes), unless the declaration gives an expression.
//!
//! A record may also mirror methods of the core's record (`Initiative.fiscal_year()`,
//! `Agreement.is_binding()`): declared after the fields as `methods { name: Type = expression }`,
//! each is worked out by the core when the record is converted, kept in a field Python does
//! not see, and returned by a Python method of the same name. They are not attributes and not
//! in `to_dict()`, which holds the document's fields only.

use chrono::NaiveDate;
use pkit::analytics::{FollowUpState, TargetStatus, TotalBasis};
use pkit::model::{
    AgreementKind, AgreementStatus, Appraisal, AwardResult, CertificationStatus, ClaimMetric,
    DerivedStatus, ExportService, HeadcountMetric, Indicator, InitiativeKind, InitiativeStatus,
    LeadStage, LegalForm, ParticipantRole, Program, Scheme, Service,
};
use pkit::value::{Country, Date, Key, Period, Region, Slug, Subdivision};
use pyo3::prelude::*;

/// Declares a frozen Python class converted from a core value.
///
/// `record! { Doc Name from core::Type |src| { field: Type, other: Type = expression, ... } }`,
/// optionally followed by `methods { name: Type = expression, ... }` (see the module's doc).
macro_rules! record {
    (@convert $src:ident $field:ident) => {
        $crate::records::Mirror::mirror(&$src.$field)
    };
    (@convert $src:ident $field:ident $conv:expr) => {
        $conv
    };
    (
        $(#[$doc:meta])*
        $name:ident from $core:ty, |$src:ident| {
            $( $(#[$fdoc:meta])* $field:ident : $ty:ty $(= $conv:expr)? ),* $(,)?
        }
        $( methods {
            $( $(#[$mdoc:meta])* $method:ident : $mty:ty = $mconv:expr ),* $(,)?
        } )?
    ) => {
        $(#[$doc])*
        #[pyclass(module = "pkit", frozen, eq)]
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            $( $(#[$fdoc])* #[pyo3(get)] pub $field: $ty, )*
            $($( $method: $mty, )*)?
        }

        impl From<&$core> for $name {
            fn from($src: &$core) -> Self {
                $name {
                    $( $field: $crate::records::record!(@convert $src $field $($conv)?), )*
                    $($( $method: $mconv, )*)?
                }
            }
        }

        impl $crate::records::Mirror<$name> for $core {
            fn mirror(&self) -> $name {
                $name::from(self)
            }
        }

        #[pymethods]
        impl $name {
            $($(
                $(#[$mdoc])*
                fn $method(&self) -> $mty {
                    self.$method.clone()
                }
            )*)?

            /// The record as a `dict` keyed by the JSON names; nested records become dicts,
            /// dates stay `datetime.date`.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
                let dict = pyo3::types::PyDict::new(py);
                $( dict.set_item(stringify!($field), $crate::plain::Plain::plain(&self.$field, py)?)?; )*
                Ok(dict)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                let parts: Vec<String> = vec![$(
                    format!(
                        "{}={}",
                        stringify!($field),
                        self.$field.clone().into_pyobject(py)?.repr()?
                    ),
                )*];
                Ok(format!("{}({})", stringify!($name), parts.join(", ")))
            }

            fn __reduce__(&self) -> PyResult<()> {
                Err($crate::errors::not_picklable(stringify!($name)))
            }
        }

        impl $crate::plain::Plain for $name {
            fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok(self.to_dict(py)?.into_any())
            }
        }
    };
}

pub(crate) use record;

/// How a core value becomes the value a Python record holds.
pub(crate) trait Mirror<T> {
    /// The Python side's value.
    fn mirror(&self) -> T;
}

/// Values that are the same on both sides.
macro_rules! same {
    ($($t:ty),*) => {$(
        impl Mirror<$t> for $t {
            fn mirror(&self) -> $t {
                self.clone()
            }
        }
    )*};
}

same!(String, bool, u8, u16, u32, u64, usize, i32, i64, f64);

/// Values that become their document text: ids, codes, countries, periods, vocabularies.
macro_rules! text {
    ($($t:ty),*) => {$(
        impl Mirror<String> for $t {
            fn mirror(&self) -> String {
                self.to_string()
            }
        }
    )*};
}

text!(&str, Slug, Key, Country, Region, Subdivision, Period);
text!(
    LegalForm,
    Service,
    Scheme,
    Appraisal,
    CertificationStatus,
    DerivedStatus
);
text!(
    Program,
    AwardResult,
    ExportService,
    Indicator,
    TotalBasis,
    TargetStatus
);
text!(
    InitiativeKind,
    InitiativeStatus,
    ParticipantRole,
    HeadcountMetric,
    LeadStage,
    AgreementKind,
    AgreementStatus,
    ClaimMetric,
    FollowUpState
);

impl Mirror<NaiveDate> for Date {
    fn mirror(&self) -> NaiveDate {
        self.to_naive()
    }
}

impl<T: Mirror<U>, U> Mirror<Option<U>> for Option<T> {
    fn mirror(&self) -> Option<U> {
        self.as_ref().map(Mirror::mirror)
    }
}

impl<T: Mirror<U>, U> Mirror<Vec<U>> for Vec<T> {
    fn mirror(&self) -> Vec<U> {
        self.iter().map(Mirror::mirror).collect()
    }
}

/// A core date as a `datetime.date`.
pub(crate) fn date(value: Date) -> NaiveDate {
    value.mirror()
}

/// Converts every record of a slice.
pub(crate) fn list<'a, T: 'a, U: From<&'a T>>(items: &'a [T]) -> Vec<U> {
    items.iter().map(U::from).collect()
}

record! {
    /// An IT company (SPEC §1.3).
    Company from pkit::model::Company, |c| {
        /// The company's id, a slug: `"arfa-soft"`.
        id: String,
        /// The registered name.
        legal_name: String,
        /// The name it trades under, if different.
        trade_name: Option<String>,
        /// `"private_limited"`, `"public_listed"`, ...
        legal_form: String,
        /// Registration numbers.
        identifiers: Identifiers,
        /// The day it was founded.
        founded_on: Option<NaiveDate>,
        /// The head office.
        headquarters: Headquarters,
        /// The website, an https URL.
        website: Option<String>,
        /// A contact e-mail address.
        email: Option<String>,
        /// The head count.
        employees: Option<u64>,
        /// Lines of business: `["software_development", ...]`.
        services: Vec<String>,
        /// Offices outside the head office.
        offices: Vec<Office>,
        /// Certificates held.
        certifications: Vec<Certification>,
        /// Awards won or entered.
        awards: Vec<Award>,
        /// Export revenue records.
        exports: Vec<ExportRecord>,
        /// Business prospects with foreign counterparties (SPEC §1.10).
        leads: Vec<Lead>,
        /// Agreements with foreign counterparties: contracts, MoUs, ... (SPEC §1.10).
        agreements: Vec<Agreement>,
    }
}

record! {
    /// A company's registration numbers.
    Identifiers from pkit::model::Identifiers, |i| {
        /// National Tax Number.
        ntn: Option<String>,
        /// Corporate Unique Identification Number (SECP).
        cuin: Option<String>,
        /// Legal Entity Identifier (ISO 17442).
        lei: Option<String>,
        /// Pakistan Software Export Board registration.
        pseb: Option<String>,
    }
}

record! {
    /// Where a company has its head office.
    Headquarters from pkit::model::Headquarters, |h| {
        /// The city.
        city: String,
        /// The province or territory, ISO 3166-2: `"PK-PB"`.
        region: String,
    }
}

record! {
    /// An office of a company.
    Office from pkit::model::Office, |o| {
        /// ISO 3166-1 alpha-2 country code.
        country: String,
        /// The city.
        city: String,
        /// The day it opened.
        opened_on: Option<NaiveDate>,
        /// The id of the initiative credited with it.
        initiative: Option<String>,
    }
}

record! {
    /// A certificate held by a company (SPEC §1.4).
    Certification from pkit::model::Certification, |c| {
        /// `"cmmi"`, `"iso_9001"`, `"iso_27001"`, ...
        scheme: String,
        /// The scheme's edition: `"2022"`, `"v2.0"`, ...
        edition: String,
        /// The CMMI maturity level.
        level: Option<u8>,
        /// The kind of CMMI appraisal.
        appraisal: Option<String>,
        /// The certificate's number.
        certificate_number: Option<String>,
        /// Who issued it.
        issuer: String,
        /// Who accredited the issuer.
        accredited_by: Option<String>,
        /// The day it was issued.
        issued_on: NaiveDate,
        /// The day it expires.
        expires_on: NaiveDate,
        /// As declared by the issuer: `"active"`, `"suspended"`, `"withdrawn"`.
        status: String,
        /// What it covers.
        scope: Option<String>,
    }
}

record! {
    /// An award won or entered (SPEC §1.5).
    Award from pkit::model::Award, |a| {
        /// `"apicta"`, `"pasha_ict"`, `"other"`.
        program: String,
        /// The programme's name, for `"other"`.
        program_name: Option<String>,
        /// The year of the awards.
        year: u16,
        /// The category key.
        category: String,
        /// `"winner"`, `"merit"`, `"finalist"`, ...
        result: String,
        /// The entry: a product or project name.
        entry: String,
        /// Where the awards were held (ISO 3166-1 alpha-2).
        host_country: Option<String>,
    }
}

record! {
    /// A company's export revenue for one period (SPEC §1.6).
    ExportRecord from pkit::model::ExportRecord, |e| {
        /// The period: `"FY2023-24"`, `"FY2023-24-Q1"`, `"2024-03"`.
        period: String,
        /// Whole US dollars.
        amount_usd: u64,
        /// The market (ISO 3166-1 alpha-2), if broken down.
        market: Option<String>,
        /// The service category, if broken down.
        service: Option<String>,
    }
}

record! {
    /// Where a figure was published.
    Source from pkit::model::Source, |s| {
        /// The publisher: `"State Bank of Pakistan"`.
        publisher: String,
        /// The publication's title.
        title: Option<String>,
        /// Its address.
        url: Option<String>,
    }
}

record! {
    /// A statistic about a country or region (SPEC §1.7).
    Observation from pkit::model::Observation, |o| {
        /// What it measures: `"ict_exports"`, ...
        indicator: String,
        /// `"PK"` or a province, ISO 3166-2.
        region: String,
        /// The period it covers.
        period: String,
        /// The value, in the indicator's unit (US dollars for exports).
        value: u64,
        /// Where it was published.
        source: Source,
        /// The day it was published.
        published_on: Option<NaiveDate>,
        /// A note.
        note: Option<String>,
    }
}

record! {
    /// A policy target (SPEC §1.8).
    Target from pkit::model::Target, |t| {
        /// The target's id, a slug.
        id: String,
        /// What it targets.
        indicator: String,
        /// `"PK"` or a province.
        region: String,
        /// The value to reach.
        value: u64,
        /// The period by which to reach it.
        deadline: String,
        /// Who stated it.
        stated_by: String,
        /// The day it was stated.
        stated_on: Option<NaiveDate>,
        /// Where it was published.
        source: Option<Source>,
        /// A note.
        note: Option<String>,
    }
}

record! {
    /// A country's place in a published index (SPEC §1.9).
    Ranking from pkit::model::Ranking, |r| {
        /// The index's name.
        index: String,
        /// Who publishes it.
        publisher: String,
        /// The period of the edition.
        period: String,
        /// What is ranked.
        metric: String,
        /// The country (ISO 3166-1 alpha-2).
        country: String,
        /// The rank, from 1.
        rank: u64,
        /// How many were ranked.
        out_of: Option<u64>,
        /// Where it was published.
        source: Option<Source>,
        /// A note.
        note: Option<String>,
    }
}

record! {
    /// A promotion initiative abroad: a pavilion, delegation, roadshow, ... (SPEC §1.10).
    Initiative from pkit::model::Initiative, |i| {
        /// The initiative's id, a slug: `"gitex-global-2024"`.
        id: String,
        /// Its name.
        name: String,
        /// `"pavilion"`, `"trade_delegation"`, `"roadshow"`, `"b2b_matchmaking"`, ...
        kind: String,
        /// The third-party show it is part of (always set for a pavilion).
        host_event: Option<String>,
        /// Who organised it.
        organised_by: String,
        /// Where it took place (ISO 3166-1 alpha-2).
        country: String,
        /// The city.
        city: Option<String>,
        /// Its first day.
        starts_on: NaiveDate,
        /// Its last day.
        ends_on: NaiveDate,
        /// `"held"` (the default), `"planned"` or `"cancelled"`.
        status: String,
        /// The markets it aimed at (ISO 3166-1 alpha-2).
        target_markets: Vec<String>,
        /// What public bodies spent on it, subsidies included: whole US dollars.
        public_cost_usd: Option<u64>,
        /// The companies that took part.
        participants: Vec<Participant>,
        /// Counts as reported, each with its metric and reporter; never added together.
        headcounts: Vec<Headcount>,
        /// Where it was reported.
        source: Option<Source>,
        /// A note.
        note: Option<String>,
    }
    methods {
        /// The fiscal year containing `starts_on`, by the year it starts in (2024 for
        /// FY2024-25), as `InitiativeOutcome.fiscal_year`.
        fiscal_year: i32 = i.fiscal_year().start_year(),
        /// The days a lead may be credited to it: `(first, last)`, from 30 days before
        /// `starts_on` to 90 days after `ends_on`, inclusive.
        attribution_window: (NaiveDate, NaiveDate) = {
            let (first, last) = i.attribution_window();
            (date(first), date(last))
        },
    }
}

record! {
    /// A company that took part in an initiative.
    Participant from pkit::model::Participant, |p| {
        /// The company's id.
        company: String,
        /// `"exhibitor"` (the default), `"startup_exhibitor"`, `"delegate"`, `"sponsor"` or
        /// `"speaker"`.
        role: String,
        /// The subsidy it received: whole US dollars.
        subsidy_usd: Option<u64>,
    }
}

record! {
    /// A count reported for an initiative, as its reporter gave it.
    Headcount from pkit::model::Headcount, |h| {
        /// `"companies"`, `"startups"`, `"delegates"`, `"b2b_meetings"` or `"visitors"`.
        metric: String,
        /// The count.
        value: u64,
        /// Who reported it.
        reported_by: String,
        /// Where it was reported.
        source: Option<Source>,
    }
}

record! {
    /// A business prospect of a company with a foreign counterparty (SPEC §1.10).
    Lead from pkit::model::Lead, |l| {
        /// The lead's id, unique within the company.
        id: String,
        /// The prospect's name, where it may be published.
        counterparty: Option<String>,
        /// The prospect's country (ISO 3166-1 alpha-2).
        counterparty_country: String,
        /// The day it was identified.
        identified_on: NaiveDate,
        /// The id of the initiative credited with it.
        initiative: Option<String>,
        /// Its estimated value: whole US dollars.
        estimated_value_usd: Option<u64>,
        /// The service it is about.
        service: Option<String>,
        /// `"open"` (the default), `"won"` or `"lost"`.
        stage: String,
        /// The day it was won or lost.
        closed_on: Option<NaiveDate>,
    }
}

record! {
    /// An agreement of a company with a foreign counterparty (SPEC §1.10).
    Agreement from pkit::model::Agreement, |a| {
        /// The agreement's id, unique within the company.
        id: String,
        /// `"contract"`, `"purchase_order"`, `"framework_agreement"`, `"partnership"`,
        /// `"joint_venture"` (binding), `"mou"` or `"letter_of_intent"` (not binding).
        kind: String,
        /// Who the other party is.
        counterparty: String,
        /// The other party's country (ISO 3166-1 alpha-2).
        counterparty_country: String,
        /// The day it was signed.
        signed_on: NaiveDate,
        /// The id of the initiative credited with it.
        initiative: Option<String>,
        /// The id of the company's lead it came from.
        lead: Option<String>,
        /// The contracted value: whole US dollars (counts in no total when not binding).
        value_usd: Option<u64>,
        /// The service it is about.
        service: Option<String>,
        /// How many months it runs.
        duration_months: Option<u8>,
        /// `"active"` (the default), `"completed"` or `"terminated"`.
        status: String,
    }
    methods {
        /// True for the binding kinds; MoUs and letters of intent are not binding.
        is_binding: bool = a.kind.is_binding(),
    }
}

record! {
    /// A headline figure about promotion, as someone published it (SPEC §1.10).
    Claim from pkit::model::Claim, |c| {
        /// The claim's id, a slug.
        id: String,
        /// `"participants"`, `"leads"`, `"lead_value_usd"`, `"agreements"`,
        /// `"contract_value_usd"` or `"return_per_usd"`.
        metric: String,
        /// The figure claimed: a count, or whole US dollars for the `_usd` metrics.
        value: u64,
        /// The id of the initiative it is about.
        initiative: Option<String>,
        /// The period it covers, when it is about no single initiative: `"FY2023-24"`,
        /// `"2024"`.
        period: Option<String>,
        /// Who made it.
        claimed_by: String,
        /// The day it was made.
        claimed_on: Option<NaiveDate>,
        /// Where it was published.
        source: Source,
        /// A note.
        note: Option<String>,
    }
}

/// Adds the record classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Company>()?;
    m.add_class::<Identifiers>()?;
    m.add_class::<Headquarters>()?;
    m.add_class::<Office>()?;
    m.add_class::<Certification>()?;
    m.add_class::<Award>()?;
    m.add_class::<ExportRecord>()?;
    m.add_class::<Source>()?;
    m.add_class::<Observation>()?;
    m.add_class::<Target>()?;
    m.add_class::<Ranking>()?;
    m.add_class::<Initiative>()?;
    m.add_class::<Participant>()?;
    m.add_class::<Headcount>()?;
    m.add_class::<Lead>()?;
    m.add_class::<Agreement>()?;
    m.add_class::<Claim>()?;
    Ok(())
}
