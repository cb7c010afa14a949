//! Read-only record classes: one per record of the spec, attributes named as in JSON, enums as
//! plain strings, dates as `datetime.date`.
//!
//! [`record!`] writes each class once: the struct, its conversion from the core's record,
//! `to_dict()`, `__repr__`, `__eq__` and the refusal to pickle. A field is converted from the
//! core's field of the same name by [`Mirror`] (ids, codes and vocabularies become text, dates
//! `datetime.date`, records their classes), unless the declaration gives an expression.

use chrono::NaiveDate;
use pkit::analytics::{TargetStatus, TotalBasis};
use pkit::model::{
    Appraisal, AwardResult, CertificationStatus, DerivedStatus, ExportService, Indicator,
    LegalForm, Program, Scheme, Service,
};
use pkit::value::{Country, Date, Key, Period, Region, Slug, Subdivision};
use pyo3::prelude::*;

/// Declares a frozen Python class converted from a core value.
///
/// `record! { Doc Name from core::Type |src| { field: Type, other: Type = expression, ... } }`
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
    ) => {
        $(#[$doc])*
        #[pyclass(module = "pkit", frozen, eq, get_all)]
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            $( $(#[$fdoc])* pub $field: $ty, )*
        }

        impl From<&$core> for $name {
            fn from($src: &$core) -> Self {
                $name { $( $field: $crate::records::record!(@convert $src $field $($conv)?), )* }
            }
        }

        impl $crate::records::Mirror<$name> for $core {
            fn mirror(&self) -> $name {
                $name::from(self)
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
