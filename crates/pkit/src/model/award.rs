//! [`Award`]: APICTA, P@SHA ICT and other awards (SPEC §1.5).

use schemars::JsonSchema;
use serde::Serialize;

use super::vocabulary;
use crate::value::{Country, Key, TextRule};

vocabulary! {
    /// An awards programme.
    ///
    /// # Example
    /// ```
    /// use pkit::model::Program;
    /// assert_eq!(Program::Apicta.first_year(), 2001);
    /// assert_eq!(Program::PashaIct.first_year(), 2000);
    /// ```
    pub enum Program in "pkit::model" {
        /// The Asia Pacific ICT Alliance Awards.
        Apicta = "apicta",
        /// The P@SHA ICT Awards (Pakistan Software Houses Association).
        PashaIct = "pasha_ict",
        /// Any other programme, named in `program_name`.
        Other = "other",
    }
}

impl Program {
    /// The first year an award of this programme can carry.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::model::Program::Other.first_year(), 1950);
    /// ```
    pub const fn first_year(self) -> u16 {
        match self {
            Program::Apicta => 2001,
            Program::PashaIct => 2000,
            Program::Other => 1950,
        }
    }
}

vocabulary! {
    /// What an entry achieved.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::model::AwardResult::SpecialMention.as_str(), "special_mention");
    /// ```
    pub enum AwardResult in "pkit::model" {
        /// Won its category.
        Winner = "winner",
        /// A merit award.
        Merit = "merit",
        /// A special mention.
        SpecialMention = "special_mention",
        /// Reached the final.
        Finalist = "finalist",
    }
}

/// The APICTA categories pkit knows; others give the warning `unknown_category`.
///
/// Data, not logic: extend the list when APICTA adds a category.
///
/// # Example
/// ```
/// assert!(pkit::model::APICTA_CATEGORIES.contains(&"e_health"));
/// ```
pub const APICTA_CATEGORIES: &[&str] = &[
    // The categories of the 2000s and 2010s.
    "startup",
    "mobile_applications",
    "e_learning",
    "e_health",
    "e_government",
    "security",
    "supply_chain_management",
    "communications",
    "financial_applications",
    "research_and_development",
    "tourism_and_hospitality",
    "media_and_entertainment",
    "tools_and_infrastructure",
    "e_inclusion",
    "general_applications",
    // The current head categories and special awards.
    "consumer",
    "business_services",
    "inclusion_and_community_services",
    "industrial",
    "public_sector_and_government",
    "junior_student",
    "senior_student",
    "tertiary_student_project",
    "research_and_development_project_of_the_year",
    "startup_of_the_year",
    "artificial_intelligence_technology",
    "internet_of_things_technology",
    "business_data_analytics_technology",
];

/// An award a company won or was shortlisted for (SPEC §1.5).
///
/// # Example
/// ```
/// use pkit::model::Program;
/// let registry = pkit::Registry::sample();
/// let apicta = registry.companies().iter().flat_map(|c| &c.awards)
///     .filter(|a| a.program == Program::Apicta).count();
/// assert!(apicta > 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("additionalProperties" = false))]
#[schemars(extend("allOf" = [
    {"if": {"properties": {"program": {"const": "other"}}, "required": ["program"]},
     "then": {"required": ["program_name"], "properties": {"program_name": {"type": "string"}}}},
    {"if": {"properties": {"program": {"const": "apicta"}}, "required": ["program"]},
     "then": {"properties": {"year": {"minimum": 2001}}}},
    {"if": {"properties": {"program": {"const": "pasha_ict"}}, "required": ["program"]},
     "then": {"properties": {"year": {"minimum": 2000}}}}
]))]
pub struct Award {
    /// The programme.
    pub program: Program,
    /// The programme's name; required when `program` is `other`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = TextRule::NAME.max_chars), regex(pattern = TextRule::NAME.pattern()))]
    pub program_name: Option<String>,
    /// The year of the award: from 2001 for APICTA, 2000 for P@SHA, 1950 otherwise.
    #[schemars(range(min = Program::Other.first_year()))]
    pub year: u16,
    /// The category, a snake_case key such as `e_health`.
    pub category: Key,
    /// What the entry achieved.
    pub result: AwardResult,
    /// The product or project entered.
    #[schemars(length(min = 1, max = TextRule::NAME.max_chars), regex(pattern = TextRule::NAME.pattern()))]
    pub entry: String,
    /// The country that hosted the event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_country: Option<Country>,
}
