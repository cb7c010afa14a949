//! [`Document`]: the registry document's top-level fields, the one declaration that both the
//! JSON form of a registry and the JSON Schema come from.

use schemars::JsonSchema;
use serde::Serialize;

use super::{Claim, Company, Initiative, Observation, Ranking, Target};
use crate::value::Date;

/// A registry document: Pakistan's IT companies, certifications, awards and export figures.
#[derive(Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "pkit registry document", extend("additionalProperties" = false))]
pub(crate) struct Document<'a> {
    /// Ignored by pkit; lets editors find this schema.
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub(crate) schema: Option<&'a str>,
    /// The version of the format; must be 1.
    #[schemars(extend("const" = 1))]
    pub(crate) schema_version: u8,
    /// The date the data describes; the reference for "in the future" and "expired".
    pub(crate) as_of: Date,
    /// IT companies with their certifications, awards, exports, leads and agreements.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[schemars(with = "Option<Vec<Company>>")]
    pub(crate) companies: &'a [Company],
    /// National or regional statistics: export figures, registrations, employment, freelancers.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[schemars(with = "Option<Vec<Observation>>")]
    pub(crate) observations: &'a [Observation],
    /// Stated policy targets such as "$10bn of IT exports by FY2024-25".
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[schemars(with = "Option<Vec<Target>>")]
    pub(crate) targets: &'a [Target],
    /// The country's place in international indices.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[schemars(with = "Option<Vec<Ranking>>")]
    pub(crate) rankings: &'a [Ranking],
    /// The export board's promotion abroad: pavilions, delegations, roadshows, B2B matchmaking.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[schemars(with = "Option<Vec<Initiative>>")]
    pub(crate) initiatives: &'a [Initiative],
    /// Headline figures about promotion, as published.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[schemars(with = "Option<Vec<Claim>>")]
    pub(crate) claims: &'a [Claim],
}
