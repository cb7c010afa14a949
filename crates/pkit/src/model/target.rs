//! [`Target`]: a stated policy target such as "$10bn of IT exports by FY2024-25" (SPEC §1.8).

use schemars::JsonSchema;
use serde::Serialize;

use super::{Indicator, Source, Unit};
use crate::value::{Date, Period, PeriodForm, Region, Slug, TextRule};

/// The period forms a target's deadline accepts.
pub const DEADLINE_FORMS: &[PeriodForm] = &[PeriodForm::FiscalYear, PeriodForm::CalendarYear];

fn deadline_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    crate::value::period::schema(DEADLINE_FORMS)
}

/// A stated policy target.
///
/// # Example
/// ```
/// let registry = pkit::Registry::sample();
/// let ten = registry.targets().iter().find(|t| t.id.as_str() == "it-exports-10bn-2025").unwrap();
/// assert_eq!(ten.value, 10_000_000_000);
/// assert_eq!(ten.deadline.to_string(), "FY2024-25");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("additionalProperties" = false), transform = super::observation::count_cap)]
pub struct Target {
    /// Unique id among targets.
    pub id: Slug,
    /// What the target is about.
    pub indicator: Indicator,
    /// Where; `PK` when absent.
    #[serde(default)]
    #[schemars(with = "Option<Region>")]
    pub region: Region,
    /// The value to reach (> 0): whole USD or a count, by indicator.
    #[schemars(range(min = 1, max = Unit::Usd.max()))]
    pub value: u64,
    /// By when: a fiscal year or calendar year.
    #[schemars(schema_with = "deadline_schema")]
    pub deadline: Period,
    /// Who stated it (at most 200 characters).
    #[schemars(length(min = 1, max = TextRule::NAME.max_chars), regex(pattern = TextRule::NAME.pattern()))]
    pub stated_by: String,
    /// When it was announced; not after `as_of`, not after the deadline's last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated_on: Option<Date>,
    /// Where it was reported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// A remark (at most 2000 characters, may hold line feeds).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = TextRule::NOTE.max_chars), regex(pattern = TextRule::NOTE.pattern()))]
    pub note: Option<String>,
}
