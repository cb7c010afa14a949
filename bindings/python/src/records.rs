//! Read-only record classes: one per record of the spec, attributes named as in JSON, enums as
//! plain strings, dates as `datetime.date`.
//!
//! [`record!`] writes each class once: the struct, its conversion from the core's record,
//! `to_dict()`, `__repr__`, `__eq__` and the refusal to pickle.

use chrono::NaiveDate;
use pyo3::prelude::*;

/// Declares a frozen Python class converted from a core value.
///
/// `record! { Doc Name from core::Type |src| { field: Type = expression of src, ... } }`
macro_rules! record {
    (
        $(#[$doc:meta])*
        $name:ident from $core:ty, |$src:ident| {
            $( $(#[$fdoc:meta])* $field:ident : $ty:ty = $conv:expr ),* $(,)?
        }
    ) => {
        $(#[$doc])*
        #[pyclass(module = "pkit", frozen, eq, get_all)]
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            $( $(#[$fdoc])* pub $field: $ty, )*
        }

        impl From<&$core> for $name {
            fn from($src: &$core) -> Self {
                $name { $( $field: $conv, )* }
            }
        }

        #[pymethods]
        impl $name {
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

/// A core date as a `datetime.date`.
pub(crate) fn date(value: pkit::value::Date) -> NaiveDate {
    value.to_naive()
}

/// Converts every record of a slice.
pub(crate) fn list<'a, T: 'a, U: From<&'a T>>(items: &'a [T]) -> Vec<U> {
    items.iter().map(U::from).collect()
}

/// An optional value's text.
fn text<T: ToString>(value: &Option<T>) -> Option<String> {
    value.as_ref().map(ToString::to_string)
}

record! {
    /// An IT company (SPEC §1.3).
    Company from pkit::model::Company, |c| {
        /// The company's id, a slug: `"arfa-soft"`.
        id: String = c.id.to_string(),
        /// The registered name.
        legal_name: String = c.legal_name.clone(),
        /// The name it trades under, if different.
        trade_name: Option<String> = c.trade_name.clone(),
        /// `"private_limited"`, `"public_listed"`, ...
        legal_form: String = c.legal_form.to_string(),
        /// Registration numbers.
        identifiers: Identifiers = (&c.identifiers).into(),
        /// The day it was founded.
        founded_on: Option<NaiveDate> = c.founded_on.map(date),
        /// The head office.
        headquarters: Headquarters = (&c.headquarters).into(),
        /// The website, an https URL.
        website: Option<String> = c.website.clone(),
        /// A contact e-mail address.
        email: Option<String> = c.email.clone(),
        /// The head count.
        employees: Option<u64> = c.employees,
        /// Lines of business: `["software_development", ...]`.
        services: Vec<String> = c.services.iter().map(ToString::to_string).collect(),
        /// Offices outside the head office.
        offices: Vec<Office> = list(&c.offices),
        /// Certificates held.
        certifications: Vec<Certification> = list(&c.certifications),
        /// Awards won or entered.
        awards: Vec<Award> = list(&c.awards),
        /// Export revenue records.
        exports: Vec<ExportRecord> = list(&c.exports),
    }
}

record! {
    /// A company's registration numbers.
    Identifiers from pkit::model::Identifiers, |i| {
        /// National Tax Number.
        ntn: Option<String> = i.ntn.clone(),
        /// Corporate Unique Identification Number (SECP).
        cuin: Option<String> = i.cuin.clone(),
        /// Legal Entity Identifier (ISO 17442).
        lei: Option<String> = i.lei.clone(),
        /// Pakistan Software Export Board registration.
        pseb: Option<String> = i.pseb.clone(),
    }
}

record! {
    /// Where a company has its head office.
    Headquarters from pkit::model::Headquarters, |h| {
        /// The city.
        city: String = h.city.clone(),
        /// The province or territory, ISO 3166-2: `"PK-PB"`.
        region: String = h.region.to_string(),
    }
}

record! {
    /// An office of a company.
    Office from pkit::model::Office, |o| {
        /// ISO 3166-1 alpha-2 country code.
        country: String = o.country.to_string(),
        /// The city.
        city: String = o.city.clone(),
        /// The day it opened.
        opened_on: Option<NaiveDate> = o.opened_on.map(date),
    }
}

record! {
    /// A certificate held by a company (SPEC §1.4).
    Certification from pkit::model::Certification, |c| {
        /// `"cmmi"`, `"iso_9001"`, `"iso_27001"`, ...
        scheme: String = c.scheme.to_string(),
        /// The scheme's edition: `"2022"`, `"v2.0"`, ...
        edition: String = c.edition.clone(),
        /// The CMMI maturity level.
        level: Option<u8> = c.level,
        /// The kind of CMMI appraisal.
        appraisal: Option<String> = text(&c.appraisal),
        /// The certificate's number.
        certificate_number: Option<String> = c.certificate_number.clone(),
        /// Who issued it.
        issuer: String = c.issuer.clone(),
        /// Who accredited the issuer.
        accredited_by: Option<String> = c.accredited_by.clone(),
        /// The day it was issued.
        issued_on: NaiveDate = date(c.issued_on),
        /// The day it expires.
        expires_on: NaiveDate = date(c.expires_on),
        /// As declared by the issuer: `"active"`, `"suspended"`, `"withdrawn"`.
        status: String = c.status.to_string(),
        /// What it covers.
        scope: Option<String> = c.scope.clone(),
    }
}

record! {
    /// An award won or entered (SPEC §1.5).
    Award from pkit::model::Award, |a| {
        /// `"apicta"`, `"pasha_ict"`, `"other"`.
        program: String = a.program.to_string(),
        /// The programme's name, for `"other"`.
        program_name: Option<String> = a.program_name.clone(),
        /// The year of the awards.
        year: u16 = a.year,
        /// The category key.
        category: String = a.category.to_string(),
        /// `"winner"`, `"merit"`, `"finalist"`, ...
        result: String = a.result.to_string(),
        /// The entry: a product or project name.
        entry: String = a.entry.clone(),
        /// Where the awards were held (ISO 3166-1 alpha-2).
        host_country: Option<String> = text(&a.host_country),
    }
}

record! {
    /// A company's export revenue for one period (SPEC §1.6).
    ExportRecord from pkit::model::ExportRecord, |e| {
        /// The period: `"FY2023-24"`, `"FY2023-24-Q1"`, `"2024-03"`.
        period: String = e.period.to_string(),
        /// Whole US dollars.
        amount_usd: u64 = e.amount_usd,
        /// The market (ISO 3166-1 alpha-2), if broken down.
        market: Option<String> = text(&e.market),
        /// The service category, if broken down.
        service: Option<String> = text(&e.service),
    }
}

record! {
    /// Where a figure was published.
    Source from pkit::model::Source, |s| {
        /// The publisher: `"State Bank of Pakistan"`.
        publisher: String = s.publisher.clone(),
        /// The publication's title.
        title: Option<String> = s.title.clone(),
        /// Its address.
        url: Option<String> = s.url.clone(),
    }
}

record! {
    /// A statistic about a country or region (SPEC §1.7).
    Observation from pkit::model::Observation, |o| {
        /// What it measures: `"ict_exports"`, ...
        indicator: String = o.indicator.to_string(),
        /// `"PK"` or a province, ISO 3166-2.
        region: String = o.region.to_string(),
        /// The period it covers.
        period: String = o.period.to_string(),
        /// The value, in the indicator's unit (US dollars for exports).
        value: u64 = o.value,
        /// Where it was published.
        source: Source = (&o.source).into(),
        /// The day it was published.
        published_on: Option<NaiveDate> = o.published_on.map(date),
        /// A note.
        note: Option<String> = o.note.clone(),
    }
}

record! {
    /// A policy target (SPEC §1.8).
    Target from pkit::model::Target, |t| {
        /// The target's id, a slug.
        id: String = t.id.to_string(),
        /// What it targets.
        indicator: String = t.indicator.to_string(),
        /// `"PK"` or a province.
        region: String = t.region.to_string(),
        /// The value to reach.
        value: u64 = t.value,
        /// The period by which to reach it.
        deadline: String = t.deadline.to_string(),
        /// Who stated it.
        stated_by: String = t.stated_by.clone(),
        /// The day it was stated.
        stated_on: Option<NaiveDate> = t.stated_on.map(date),
        /// Where it was published.
        source: Option<Source> = t.source.as_ref().map(Source::from),
        /// A note.
        note: Option<String> = t.note.clone(),
    }
}

record! {
    /// A country's place in a published index (SPEC §1.9).
    Ranking from pkit::model::Ranking, |r| {
        /// The index's name.
        index: String = r.index.clone(),
        /// Who publishes it.
        publisher: String = r.publisher.clone(),
        /// The period of the edition.
        period: String = r.period.to_string(),
        /// What is ranked.
        metric: String = r.metric.clone(),
        /// The country (ISO 3166-1 alpha-2).
        country: String = r.country.to_string(),
        /// The rank, from 1.
        rank: u64 = r.rank,
        /// How many were ranked.
        out_of: Option<u64> = r.out_of,
        /// Where it was published.
        source: Option<Source> = r.source.as_ref().map(Source::from),
        /// A note.
        note: Option<String> = r.note.clone(),
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
    Ok(())
}
