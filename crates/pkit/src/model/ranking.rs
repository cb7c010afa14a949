//! [`Ranking`]: the country's place in an international index (SPEC §1.9).

use schemars::JsonSchema;
use serde::Serialize;

use super::Source;
use crate::value::{Country, Period, PeriodForm, TextRule};

/// The period forms a ranking accepts.
pub const RANKING_PERIOD_FORMS: &[PeriodForm] = &[
    PeriodForm::CalendarYear,
    PeriodForm::CalendarQuarter,
    PeriodForm::FiscalYear,
    PeriodForm::Month,
];

fn period_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    crate::value::period::schema(RANKING_PERIOD_FORMS)
}

/// A country's place in an international index.
///
/// # Example
/// ```
/// let registry = pkit::Registry::sample();
/// let r = &registry.rankings()[0];
/// assert!(r.rank >= 1);
/// assert!(r.out_of.map_or(true, |n| n >= r.rank));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("additionalProperties" = false))]
pub struct Ranking {
    /// The index, e.g. "Payoneer Global Gig-Economy Index".
    #[schemars(length(min = 1, max = TextRule::NAME.max_chars), regex(pattern = TextRule::NAME.pattern()))]
    pub index: String,
    /// Who publishes the index.
    #[schemars(length(min = 1, max = TextRule::NAME.max_chars), regex(pattern = TextRule::NAME.pattern()))]
    pub publisher: String,
    /// The period ranked: a calendar year, calendar quarter, fiscal year or month.
    #[schemars(schema_with = "period_schema")]
    pub period: Period,
    /// What is ranked, e.g. "growth in freelancer earnings".
    #[schemars(length(min = 1, max = TextRule::NAME.max_chars), regex(pattern = TextRule::NAME.pattern()))]
    pub metric: String,
    /// The country ranked; `PK` when absent.
    #[serde(default = "pakistan")]
    #[schemars(with = "Option<Country>")]
    pub country: Country,
    /// The place, 1 = first.
    #[schemars(range(min = 1))]
    pub rank: u64,
    /// How many were ranked; at least `rank`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub out_of: Option<u64>,
    /// Where it was reported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// A remark (at most 2000 characters, may hold line feeds).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = TextRule::NOTE.max_chars), regex(pattern = TextRule::NOTE.pattern()))]
    pub note: Option<String>,
}

fn pakistan() -> Country {
    Country::PAKISTAN
}
