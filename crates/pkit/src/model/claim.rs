//! [`Claim`]: a headline figure about promotion, as someone published it (SPEC §1.10).

use schemars::JsonSchema;
use serde::Serialize;

use super::{vocabulary, Source, Unit};
use crate::value::{Date, Period, PeriodForm, Slug, TextRule};

vocabulary! {
    /// What a claim is about.
    ///
    /// # Example
    /// ```
    /// use pkit::model::{ClaimMetric, Unit};
    /// assert_eq!(ClaimMetric::LeadValueUsd.unit(), Unit::Usd);
    /// assert_eq!(ClaimMetric::ReturnPerUsd.unit(), Unit::Count);
    /// ```
    pub enum ClaimMetric in "pkit::model" {
        /// Companies that took part.
        Participants = "participants",
        /// Leads generated.
        Leads = "leads",
        /// The value of the leads, whole US dollars.
        LeadValueUsd = "lead_value_usd",
        /// Agreements signed.
        Agreements = "agreements",
        /// The value of the contracts signed, whole US dollars.
        ContractValueUsd = "contract_value_usd",
        /// Whole dollars of business per public dollar.
        ReturnPerUsd = "return_per_usd",
    }
}

impl ClaimMetric {
    /// The unit of a claim's value: US dollars for the `_usd` metrics, a count otherwise.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::model::ClaimMetric::Leads.unit(), pkit::model::Unit::Count);
    /// ```
    pub fn unit(self) -> Unit {
        match self {
            ClaimMetric::LeadValueUsd | ClaimMetric::ContractValueUsd => Unit::Usd,
            _ => Unit::Count,
        }
    }
}

/// The period forms a claim's `period` accepts.
pub const CLAIM_PERIOD_FORMS: &[PeriodForm] = &[PeriodForm::FiscalYear, PeriodForm::CalendarYear];

/// An optional period of the claim's forms: absent, `null` or one of them.
fn period_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let period = crate::value::period::schema(CLAIM_PERIOD_FORMS);
    schemars::json_schema!({"anyOf": [period, {"type": "null"}]})
}

/// Adds to a claim's schema what depends on its metric (the count cap) and that it names an
/// initiative or a period.
fn claim_rules(schema: &mut schemars::Schema) {
    let counts: Vec<&str> = ClaimMetric::ALL
        .iter()
        .filter(|m| m.unit() == Unit::Count)
        .map(|m| m.as_str())
        .collect();
    schema.insert(
        "allOf".into(),
        serde_json::json!([
            {"if": {"properties": {"metric": {"enum": counts}}, "required": ["metric"]},
             "then": {"properties": {"value": {"maximum": Unit::Count.max()}}}},
            {"anyOf": [
                {"required": ["initiative"], "properties": {"initiative": {"type": "string"}}},
                {"required": ["period"], "properties": {"period": {"type": "string"}}}
            ]}
        ]),
    );
}

/// A headline figure about promotion, as published.
///
/// # Example
/// ```
/// use pkit::model::ClaimMetric;
/// let sample = pkit::Registry::sample();
/// let claim = sample.claims().iter().find(|c| c.metric == ClaimMetric::ReturnPerUsd).unwrap();
/// assert_eq!(claim.value, 40);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("additionalProperties" = false), transform = claim_rules)]
pub struct Claim {
    /// Unique among claims.
    pub id: Slug,
    /// What is claimed.
    pub metric: ClaimMetric,
    /// The figure: a count or whole US dollars, by metric.
    #[schemars(range(min = 0, max = Unit::Usd.max()))]
    pub value: u64,
    /// The initiative the claim is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initiative: Option<Slug>,
    /// The time the claim covers, when it is about no single initiative: a fiscal year or a
    /// calendar year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "period_schema")]
    pub period: Option<Period>,
    /// Who made it (person and organisation).
    #[schemars(length(min = 1, max = TextRule::NAME.max_chars), regex(pattern = TextRule::NAME.pattern()))]
    pub claimed_by: String,
    /// When it was made; not after `as_of`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claimed_on: Option<Date>,
    /// Where it was published.
    pub source: Source,
    /// A remark (at most 2000 characters, may hold line feeds).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = TextRule::NOTE.max_chars), regex(pattern = TextRule::NOTE.pattern()))]
    pub note: Option<String>,
}
