//! [`Initiative`]: the export board's promotion abroad (pavilions, delegations, roadshows, B2B
//! matchmaking), its [`Participant`]s and the [`Headcount`]s reported for it (SPEC §1.10).

use schemars::JsonSchema;
use serde::Serialize;

use super::{vocabulary, Source};
use crate::value::{Country, Date, FiscalYear, Slug, TextRule};

vocabulary! {
    /// What kind of promotion an initiative is.
    ///
    /// # Example
    /// ```
    /// use pkit::model::InitiativeKind;
    /// assert_eq!("b2b_matchmaking".parse::<InitiativeKind>()?, InitiativeKind::B2bMatchmaking);
    /// # Ok::<(), pkit::value::ParseError>(())
    /// ```
    pub enum InitiativeKind in "pkit::model" {
        /// A national pavilion at a third-party trade show (GITEX, LEAP).
        Pavilion = "pavilion",
        /// A trade delegation.
        TradeDelegation = "trade_delegation",
        /// A roadshow.
        Roadshow = "roadshow",
        /// B2B matchmaking.
        B2bMatchmaking = "b2b_matchmaking",
        /// An investment conference.
        InvestmentConference = "investment_conference",
        /// A networking event.
        NetworkingEvent = "networking_event",
        /// An exhibition of one country's companies.
        SingleCountryExhibition = "single_country_exhibition",
        /// An online event.
        VirtualEvent = "virtual_event",
        /// Anything else.
        Other = "other",
    }
}

vocabulary! {
    /// Whether an initiative took place.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::model::InitiativeStatus::default().as_str(), "held");
    /// ```
    pub enum InitiativeStatus in "pkit::model" {
        /// It took place (the default).
        Held = "held",
        /// It is planned.
        Planned = "planned",
        /// It was cancelled.
        Cancelled = "cancelled",
    }
}

#[allow(clippy::derivable_impls)] // The vocabulary macro owns the derive list.
impl Default for InitiativeStatus {
    fn default() -> Self {
        InitiativeStatus::Held
    }
}

vocabulary! {
    /// How a company took part in an initiative.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::model::ParticipantRole::default().as_str(), "exhibitor");
    /// ```
    pub enum ParticipantRole in "pkit::model" {
        /// It exhibited (the default).
        Exhibitor = "exhibitor",
        /// It exhibited as a startup.
        StartupExhibitor = "startup_exhibitor",
        /// It was part of the delegation.
        Delegate = "delegate",
        /// It sponsored.
        Sponsor = "sponsor",
        /// It spoke.
        Speaker = "speaker",
    }
}

#[allow(clippy::derivable_impls)] // The vocabulary macro owns the derive list.
impl Default for ParticipantRole {
    fn default() -> Self {
        ParticipantRole::Exhibitor
    }
}

vocabulary! {
    /// What a reported headcount counts.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::model::HeadcountMetric::B2bMeetings.as_str(), "b2b_meetings");
    /// ```
    pub enum HeadcountMetric in "pkit::model" {
        /// Companies.
        Companies = "companies",
        /// Startups.
        Startups = "startups",
        /// Delegates.
        Delegates = "delegates",
        /// B2B meetings.
        B2bMeetings = "b2b_meetings",
        /// Visitors.
        Visitors = "visitors",
    }
}

/// How many days before an initiative's first day a lead may be credited to it.
pub const ATTRIBUTION_DAYS_BEFORE: i64 = 30;
/// How many days after an initiative's last day a lead may be credited to it.
pub const ATTRIBUTION_DAYS_AFTER: i64 = 90;

/// A promotion initiative abroad (SPEC §1.10).
///
/// # Example
/// ```
/// use pkit::model::InitiativeKind;
/// let sample = pkit::Registry::sample();
/// let gitex = sample.initiatives().iter().find(|i| i.id.as_str() == "gitex-global-2024").unwrap();
/// assert_eq!(gitex.kind, InitiativeKind::Pavilion);
/// assert_eq!(gitex.fiscal_year().to_string(), "FY2024-25");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("additionalProperties" = false))]
#[schemars(extend("allOf" = [
    {"if": {"properties": {"kind": {"const": "pavilion"}}, "required": ["kind"]},
     "then": {"required": ["host_event"], "properties": {"host_event": {"type": "string"}}}}
]))]
pub struct Initiative {
    /// Unique id among initiatives, a slug such as `gitex-global-2024`.
    pub id: Slug,
    /// Its name, e.g. "Pakistan Pavilion at GITEX Global 2024".
    #[schemars(length(min = 1, max = TextRule::NAME.max_chars), regex(pattern = TextRule::NAME.pattern()))]
    pub name: String,
    /// What kind of promotion it is.
    pub kind: InitiativeKind,
    /// The third-party show it is part of; required for a pavilion.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = TextRule::NAME.max_chars), regex(pattern = TextRule::NAME.pattern()))]
    pub host_event: Option<String>,
    /// Who organised it, e.g. "PSEB with P@SHA and TDAP".
    #[schemars(length(min = 1, max = TextRule::NAME.max_chars), regex(pattern = TextRule::NAME.pattern()))]
    pub organised_by: String,
    /// Where it took place.
    pub country: Country,
    /// The city.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = TextRule::CITY.max_chars), regex(pattern = TextRule::CITY.pattern()))]
    pub city: Option<String>,
    /// Its first day.
    pub starts_on: Date,
    /// Its last day; not before `starts_on`.
    pub ends_on: Date,
    /// Whether it took place; `held` when absent.
    #[serde(default)]
    #[schemars(with = "Option<InitiativeStatus>")]
    pub status: InitiativeStatus,
    /// The markets it aimed at, each once.
    #[serde(skip_serializing_if = "super::is_empty")]
    #[schemars(with = "Option<Vec<Country>>", extend("uniqueItems" = true))]
    pub target_markets: Vec<Country>,
    /// What public bodies spent on it, subsidies included: whole US dollars.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = super::Unit::Usd.max()))]
    pub public_cost_usd: Option<u64>,
    /// The companies that took part.
    #[serde(skip_serializing_if = "super::is_empty")]
    #[schemars(with = "Option<Vec<Participant>>")]
    pub participants: Vec<Participant>,
    /// Counts as reported, where no list of participants exists; never added together.
    #[serde(skip_serializing_if = "super::is_empty")]
    #[schemars(with = "Option<Vec<Headcount>>")]
    pub headcounts: Vec<Headcount>,
    /// Where it was reported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// A remark (at most 2000 characters, may hold line feeds).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = TextRule::NOTE.max_chars), regex(pattern = TextRule::NOTE.pattern()))]
    pub note: Option<String>,
}

impl Initiative {
    /// The fiscal year the initiative belongs to: the one containing `starts_on`.
    ///
    /// # Example
    /// ```
    /// let sample = pkit::Registry::sample();
    /// assert_eq!(sample.initiatives()[0].fiscal_year().to_string(), "FY2021-22");
    /// ```
    pub fn fiscal_year(&self) -> FiscalYear {
        FiscalYear::containing(self.starts_on)
    }

    /// The days a lead may be credited to the initiative: from 30 days before `starts_on` to 90
    /// days after `ends_on`, inclusive.
    ///
    /// # Example
    /// ```
    /// let sample = pkit::Registry::sample();
    /// let (first, last) = sample.initiatives()[0].attribution_window();
    /// assert_eq!((first.to_string(), last.to_string()), ("2022-01-02".into(), "2022-05-04".into()));
    /// ```
    pub fn attribution_window(&self) -> (Date, Date) {
        attribution_window(self.starts_on, self.ends_on)
    }
}

/// The attribution window of an initiative from `starts_on` to `ends_on`.
pub(crate) fn attribution_window(starts_on: Date, ends_on: Date) -> (Date, Date) {
    (
        starts_on.add_days(-ATTRIBUTION_DAYS_BEFORE),
        ends_on.add_days(ATTRIBUTION_DAYS_AFTER),
    )
}

/// A company that took part in an initiative.
///
/// # Example
/// ```
/// use pkit::model::ParticipantRole;
/// let p = pkit::model::Participant { company: "indus-byteworks".parse()?, role: ParticipantRole::Sponsor, subsidy_usd: None };
/// assert_eq!(p.role.as_str(), "sponsor");
/// # Ok::<(), pkit::value::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("additionalProperties" = false))]
pub struct Participant {
    /// The `id` of a company of the document.
    pub company: Slug,
    /// How it took part; `exhibitor` when absent.
    #[serde(default)]
    #[schemars(with = "Option<ParticipantRole>")]
    pub role: ParticipantRole,
    /// The subsidy it received: whole US dollars.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = super::Unit::Usd.max()))]
    pub subsidy_usd: Option<u64>,
}

/// A count reported for an initiative, as its reporter gave it.
///
/// # Example
/// ```
/// use pkit::model::HeadcountMetric;
/// let sample = pkit::Registry::sample();
/// let leap = sample.initiatives().iter().find(|i| i.id.as_str() == "leap-2023").unwrap();
/// let companies: Vec<u64> = leap.headcounts.iter()
///     .filter(|h| h.metric == HeadcountMetric::Companies).map(|h| h.value).collect();
/// assert_eq!(companies, [18, 150]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("additionalProperties" = false))]
pub struct Headcount {
    /// What is counted.
    pub metric: HeadcountMetric,
    /// The count, 0..=10^10.
    #[schemars(range(min = 0, max = super::Unit::Count.max()))]
    pub value: u64,
    /// Who reported it (at most 200 characters).
    #[schemars(length(min = 1, max = TextRule::NAME.max_chars), regex(pattern = TextRule::NAME.pattern()))]
    pub reported_by: String,
    /// Where it was reported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}
