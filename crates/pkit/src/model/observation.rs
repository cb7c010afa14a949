//! [`Observation`]: a published statistic about a country or region (SPEC §1.7).

use schemars::JsonSchema;
use serde::Serialize;

use super::vocabulary;
use crate::value::{Date, Period, PeriodForm, Region, TextRule, URL_MAX_CHARS, URL_PATTERN};

vocabulary! {
    /// What a statistic measures.
    ///
    /// # Example
    /// ```
    /// use pkit::model::{Indicator, Unit};
    /// assert_eq!(Indicator::IctExports.unit(), Unit::Usd);
    /// assert_eq!(Indicator::Freelancers.unit(), Unit::Count);
    /// ```
    pub enum Indicator in "pkit::model" {
        /// ICT services exports (computer + telecom + information services), USD.
        IctExports = "ict_exports",
        /// Computer services exports, USD.
        ComputerServicesExports = "computer_services_exports",
        /// Telecommunication services exports, USD.
        TelecomServicesExports = "telecom_services_exports",
        /// Information services exports, USD.
        InformationServicesExports = "information_services_exports",
        /// Remittances earned by freelancers, USD.
        FreelanceRemittances = "freelance_remittances",
        /// IT companies registered (with PSEB), a count.
        RegisteredItCompanies = "registered_it_companies",
        /// People employed in IT, a count.
        ItEmployment = "it_employment",
        /// Freelancers, a count.
        Freelancers = "freelancers",
    }
}

/// The unit of an indicator's values.
///
/// # Example
/// ```
/// assert_eq!(pkit::model::Unit::Usd.max(), 10_000_000_000_000);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Whole US dollars, 0..=10^13.
    Usd,
    /// A count, 0..=10^10.
    Count,
}

impl Unit {
    /// The largest value the unit allows.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::model::Unit::Count.max(), 10_000_000_000);
    /// ```
    pub const fn max(self) -> u64 {
        match self {
            Unit::Usd => 10_000_000_000_000,
            Unit::Count => 10_000_000_000,
        }
    }
}

impl Indicator {
    /// The unit of the indicator's values.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::model::Indicator::ItEmployment.unit(), pkit::model::Unit::Count);
    /// ```
    pub fn unit(self) -> Unit {
        match self {
            Indicator::RegisteredItCompanies | Indicator::ItEmployment | Indicator::Freelancers => {
                Unit::Count
            }
            _ => Unit::Usd,
        }
    }

    /// The three components whose sum is ICT exports.
    pub const ICT_COMPONENTS: [Indicator; 3] = [
        Indicator::ComputerServicesExports,
        Indicator::TelecomServicesExports,
        Indicator::InformationServicesExports,
    ];
}

/// Who published a figure.
///
/// # Example
/// ```
/// let source = pkit::model::Source { publisher: "SBP".into(), title: None, url: None };
/// assert_eq!(source.publisher, "SBP");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("additionalProperties" = false))]
pub struct Source {
    /// The publisher (at most 200 characters).
    #[schemars(length(min = 1, max = TextRule::NAME.max_chars), regex(pattern = TextRule::NAME.pattern()))]
    pub publisher: String,
    /// The title of the publication (at most 500 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = TextRule::TITLE.max_chars), regex(pattern = TextRule::TITLE.pattern()))]
    pub title: Option<String>,
    /// Where it was published: an absolute http(s) URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(url, length(max = URL_MAX_CHARS), regex(pattern = URL_PATTERN))]
    pub url: Option<String>,
}

fn period_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    crate::value::period::schema(&PeriodForm::ALL)
}

/// Adds the count cap to an observation's or target's `value`: 10^10 for count indicators.
pub(crate) fn count_cap(schema: &mut schemars::Schema) {
    let counts: Vec<&str> = Indicator::ALL
        .iter()
        .filter(|i| i.unit() == Unit::Count)
        .map(|i| i.as_str())
        .collect();
    let rule = serde_json::json!({
        "if": {"properties": {"indicator": {"enum": counts}}, "required": ["indicator"]},
        "then": {"properties": {"value": {"maximum": Unit::Count.max()}}}
    });
    schema.insert("allOf".into(), serde_json::Value::Array(vec![rule]));
}

/// A national or regional statistic: an export figure, a registration count, employment,
/// freelancers (SPEC §1.7). Several vintages of one figure may coexist; the latest
/// `published_on` is current.
///
/// # Example
/// ```
/// use pkit::model::Indicator;
/// let registry = pkit::Registry::sample();
/// let fy = registry.observations().iter()
///     .filter(|o| o.indicator == Indicator::IctExports && o.period.to_string() == "FY2023-24")
///     .next().unwrap();
/// assert_eq!(fy.value, 3_223_000_000);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("additionalProperties" = false), transform = count_cap)]
pub struct Observation {
    /// What is measured.
    pub indicator: Indicator,
    /// Where; `PK` when absent.
    #[serde(default)]
    #[schemars(with = "Option<Region>")]
    pub region: Region,
    /// When: any period form.
    #[schemars(schema_with = "period_schema")]
    pub period: Period,
    /// The figure: whole USD (0..=10^13) or a count (0..=10^10), by indicator.
    #[schemars(range(min = 0, max = Unit::Usd.max()))]
    pub value: u64,
    /// Who published it.
    pub source: Source,
    /// When this value was published (its vintage); not after `as_of`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_on: Option<Date>,
    /// A remark (at most 2000 characters, may hold line feeds).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = TextRule::NOTE.max_chars), regex(pattern = TextRule::NOTE.pattern()))]
    pub note: Option<String>,
}

/// The figure an observation gives a value of: its indicator, region and period. Several
/// observations of one figure are its vintages.
pub(crate) type Figure = (Indicator, Region, Period);

impl Observation {
    /// The figure this observation is a vintage of.
    pub(crate) fn figure(&self) -> Figure {
        (self.indicator, self.region, self.period)
    }
}

/// Whether a vintage published on `candidate`, met after the vintage published on `current`
/// in document order, replaces it as the current one: the latest `published_on` is current, a
/// missing one counts as the earliest, and of two published the same day the later in the
/// document wins (decision 31; a valid document has no such tie). The one place this rule is
/// written: the consistency rules, series, vintages and tables all use it.
pub(crate) fn supersedes(candidate: Option<Date>, current: Option<Date>) -> bool {
    candidate >= current
}

/// The current vintage of every figure among the `observations` that `keep` accepts: the figure
/// and the index of its current observation.
pub(crate) fn current_vintages(
    observations: &[Observation],
    keep: impl Fn(&Observation) -> bool,
) -> rustc_hash::FxHashMap<Figure, usize> {
    let mut current: rustc_hash::FxHashMap<Figure, usize> = rustc_hash::FxHashMap::default();
    for (i, o) in observations.iter().enumerate() {
        if !keep(o) {
            continue;
        }
        current
            .entry(o.figure())
            .and_modify(|best| {
                let replaces = observations
                    .get(*best)
                    .is_none_or(|b| supersedes(o.published_on, b.published_on));
                if replaces {
                    *best = i;
                }
            })
            .or_insert(i);
    }
    current
}
