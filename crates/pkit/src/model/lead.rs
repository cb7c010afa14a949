//! [`Lead`]: a business prospect of a company with a foreign counterparty (SPEC §1.10).

use schemars::JsonSchema;
use serde::Serialize;

use super::{vocabulary, ExportService};
use crate::value::{Country, Date, Slug, TextRule};

vocabulary! {
    /// How far a lead has gone.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::model::LeadStage::default().as_str(), "open");
    /// ```
    pub enum LeadStage in "pkit::model" {
        /// Still open (the default).
        Open = "open",
        /// Won: business came of it.
        Won = "won",
        /// Lost.
        Lost = "lost",
    }
}

#[allow(clippy::derivable_impls)] // The vocabulary macro owns the derive list.
impl Default for LeadStage {
    fn default() -> Self {
        LeadStage::Open
    }
}

/// A business prospect with a foreign counterparty.
///
/// # Example
/// ```
/// let sample = pkit::Registry::sample();
/// let lead = sample.companies().iter().flat_map(|c| &c.leads).next().unwrap();
/// assert_ne!(lead.counterparty_country.as_str(), "PK");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("additionalProperties" = false))]
pub struct Lead {
    /// Unique among the company's leads.
    pub id: Slug,
    /// The prospect's name, where it may be published.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = TextRule::NAME.max_chars), regex(pattern = TextRule::NAME.pattern()))]
    pub counterparty: Option<String>,
    /// The prospect's country.
    pub counterparty_country: Country,
    /// When the lead was identified; not after `as_of`, not before the company's founding.
    pub identified_on: Date,
    /// The initiative credited with it: an initiative `id` of the document, held.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initiative: Option<Slug>,
    /// Its estimated value: whole US dollars.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = super::Unit::Usd.max()))]
    pub estimated_value_usd: Option<u64>,
    /// The service it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<ExportService>,
    /// How far it has gone; `open` when absent.
    #[serde(default)]
    #[schemars(with = "Option<LeadStage>")]
    pub stage: LeadStage,
    /// When it was won or lost; not before `identified_on`, not after `as_of`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_on: Option<Date>,
}
