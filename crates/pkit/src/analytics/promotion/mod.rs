//! Promotion (SPEC §1.10): what initiatives yielded, per initiative and grouped by fiscal
//! year, host country and counterparty country; MoU follow-through; the export growth of
//! participants against non-participants; claims reconciled against the records.
//!
//! The definitions are in `docs/promotion.md`. In short, a lead, agreement or office counts
//! for the initiative it credits; binding agreements (contracts, purchase orders, framework
//! agreements, partnerships, joint ventures) are counted apart from MoUs and letters of intent,
//! whose value counts in no total; headcounts are never added to anything.

mod claims;
mod follow_through;
mod participation;
#[cfg(test)]
mod tests;

pub use claims::ClaimCheck;
pub use follow_through::{FollowThrough, FollowUp, FollowUpState, FOLLOW_UP_DAYS};
pub use participation::{CohortGrowth, ParticipationGrowth};

use serde::Serialize;

use crate::model::{Initiative, InitiativeKind, InitiativeStatus, LeadStage};
use crate::registry::Registry;
use crate::value::{Country, FiscalYear};

/// What an initiative, or a group of initiatives, yielded: counts and sums from the records,
/// and the ratios computed from them (`None` when a divisor is missing or zero).
///
/// For a group, the cost measures (`public_cost_usd`, `cost_per_lead`,
/// `cost_per_binding_agreement`, `return_per_usd`) are taken over the group's initiatives that
/// have a `public_cost_usd` only, so an initiative without a published cost does not make the
/// others look cheaper.
///
/// # Example
/// ```
/// let sample = pkit::Registry::sample();
/// let gitex = sample.initiative_outcomes().into_iter()
///     .find(|o| o.initiative_id == "gitex-global-2023").unwrap().outcome;
/// assert_eq!((gitex.leads, gitex.leads_won, gitex.leads_lost), (8, 4, 3));
/// assert_eq!((gitex.binding_agreements, gitex.contracted_value_usd), (4, 1_295_000));
/// assert_eq!(gitex.cost_per_lead, Some(75_000.0));
/// assert!((gitex.return_per_usd.unwrap() - 2.1583).abs() < 1e-4);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// Companies listed as participants.
    pub participants: usize,
    /// Their `subsidy_usd`, summed.
    pub subsidy_usd: u64,
    /// What public bodies spent (for a group: the sum over the initiatives that say).
    pub public_cost_usd: Option<u64>,
    /// Leads credited.
    pub leads: usize,
    /// Their `estimated_value_usd`, summed where given.
    pub lead_value_usd: u64,
    /// Credited leads still open.
    pub leads_open: usize,
    /// Credited leads won.
    pub leads_won: usize,
    /// Credited leads lost.
    pub leads_lost: usize,
    /// Binding agreements credited.
    pub binding_agreements: usize,
    /// Their `value_usd`, summed: the contracted value.
    pub contracted_value_usd: u64,
    /// MoUs and letters of intent credited.
    pub non_binding_agreements: usize,
    /// Offices abroad credited.
    pub offices: usize,
    /// Won ÷ (won + lost).
    pub conversion: Option<f64>,
    /// Public cost ÷ leads.
    pub cost_per_lead: Option<f64>,
    /// Public cost ÷ binding agreements.
    pub cost_per_binding_agreement: Option<f64>,
    /// Contracted value ÷ public cost: dollars of binding business per public dollar.
    pub return_per_usd: Option<f64>,
}

/// One initiative and what it yielded.
///
/// # Example
/// ```
/// let outcomes = pkit::Registry::sample().initiative_outcomes();
/// assert_eq!(outcomes.len(), 10);
/// assert_eq!((outcomes[0].initiative_id.as_str(), outcomes[0].fiscal_year), ("leap-2022", 2021));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InitiativeOutcome {
    /// The initiative's id.
    pub initiative_id: String,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: InitiativeKind,
    /// Whether it was held.
    pub status: InitiativeStatus,
    /// Its fiscal year (the one containing `starts_on`), by its start year.
    pub fiscal_year: i32,
    /// Where it took place.
    pub country: Country,
    /// What it yielded.
    pub outcome: Outcome,
}

/// Initiatives grouped by fiscal year or host country, and what they yielded together.
///
/// # Example
/// ```
/// let groups = pkit::Registry::sample().outcomes_by_host_country();
/// assert_eq!(groups[0].label, "SA");
/// assert_eq!(groups[0].initiatives, ["leap-2022", "leap-2023", "leap-2024"]);
/// assert_eq!(groups[0].outcome.contracted_value_usd, 10_310_000);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeGroup {
    /// What the group shares: a fiscal year (`FY2023-24`) or a country code (`AE`).
    pub label: String,
    /// The ids of its initiatives, in document order.
    pub initiatives: Vec<String>,
    /// What they yielded together.
    pub outcome: Outcome,
}

/// What the leads and agreements credited to initiatives yielded with one counterparty
/// country.
///
/// # Example
/// ```
/// let markets = pkit::Registry::sample().outcomes_by_counterparty_country();
/// assert_eq!(markets[0].country.as_str(), "SA");
/// assert_eq!((markets[0].leads, markets[0].contracted_value_usd), (11, 10_310_000));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MarketOutcome {
    /// The counterparty country.
    pub country: Country,
    /// Credited leads with a counterparty there.
    pub leads: usize,
    /// Their `estimated_value_usd`, summed where given.
    pub lead_value_usd: u64,
    /// Of them, still open.
    pub leads_open: usize,
    /// Of them, won.
    pub leads_won: usize,
    /// Of them, lost.
    pub leads_lost: usize,
    /// Won ÷ (won + lost).
    pub conversion: Option<f64>,
    /// Credited binding agreements with a counterparty there.
    pub binding_agreements: usize,
    /// Their `value_usd`, summed.
    pub contracted_value_usd: u64,
    /// Credited MoUs and letters of intent with a counterparty there.
    pub non_binding_agreements: usize,
}

/// The integer measures of an initiative or a group, before the ratios.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tally {
    participants: usize,
    subsidy: u64,
    leads: Leads,
    binding: usize,
    contracted: u64,
    non_binding: usize,
    offices: usize,
    /// The measures of the initiatives that have a public cost, for the cost ratios.
    costed: Option<Costed>,
}

/// Leads counted by stage, with their estimated value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Leads {
    count: usize,
    value: u64,
    open: usize,
    won: usize,
    lost: usize,
}

impl Leads {
    fn add(&mut self, stage: LeadStage, value: Option<u64>) {
        self.count += 1;
        self.value = self.value.saturating_add(value.unwrap_or(0));
        match stage {
            LeadStage::Open => self.open += 1,
            LeadStage::Won => self.won += 1,
            LeadStage::Lost => self.lost += 1,
        }
    }

    fn plus(self, o: Leads) -> Leads {
        Leads {
            count: self.count + o.count,
            value: self.value.saturating_add(o.value),
            open: self.open + o.open,
            won: self.won + o.won,
            lost: self.lost + o.lost,
        }
    }

    fn conversion(&self) -> Option<f64> {
        ratio(self.won as f64, (self.won + self.lost) as f64)
    }
}

/// The cost and what it bought, over initiatives with a public cost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Costed {
    cost: u64,
    leads: usize,
    binding: usize,
    contracted: u64,
}

impl Costed {
    fn plus(self, o: Costed) -> Costed {
        Costed {
            cost: self.cost.saturating_add(o.cost),
            leads: self.leads + o.leads,
            binding: self.binding + o.binding,
            contracted: self.contracted.saturating_add(o.contracted),
        }
    }
}

/// `a ÷ b`, `None` when `b` is zero.
fn ratio(a: f64, b: f64) -> Option<f64> {
    (b != 0.0).then(|| a / b)
}

impl Tally {
    fn plus(self, o: Tally) -> Tally {
        Tally {
            participants: self.participants + o.participants,
            subsidy: self.subsidy.saturating_add(o.subsidy),
            leads: self.leads.plus(o.leads),
            binding: self.binding + o.binding,
            contracted: self.contracted.saturating_add(o.contracted),
            non_binding: self.non_binding + o.non_binding,
            offices: self.offices + o.offices,
            costed: match (self.costed, o.costed) {
                (Some(a), Some(b)) => Some(a.plus(b)),
                (a, b) => a.or(b),
            },
        }
    }

    /// Sets the cost measures of a single initiative with a public cost.
    fn with_cost(mut self, cost: Option<u64>) -> Tally {
        self.costed = cost.map(|cost| Costed {
            cost,
            leads: self.leads.count,
            binding: self.binding,
            contracted: self.contracted,
        });
        self
    }

    fn outcome(self) -> Outcome {
        let c = self.costed;
        let cost = |c: &Costed| c.cost as f64;
        Outcome {
            participants: self.participants,
            subsidy_usd: self.subsidy,
            public_cost_usd: c.map(|c| c.cost),
            leads: self.leads.count,
            lead_value_usd: self.leads.value,
            leads_open: self.leads.open,
            leads_won: self.leads.won,
            leads_lost: self.leads.lost,
            binding_agreements: self.binding,
            contracted_value_usd: self.contracted,
            non_binding_agreements: self.non_binding,
            offices: self.offices,
            conversion: self.leads.conversion(),
            cost_per_lead: c.and_then(|c| ratio(cost(&c), c.leads as f64)),
            cost_per_binding_agreement: c.and_then(|c| ratio(cost(&c), c.binding as f64)),
            return_per_usd: c.and_then(|c| ratio(c.contracted as f64, cost(&c))),
        }
    }
}

impl Registry {
    /// The integer measures of every initiative, in document order: one pass over the
    /// companies' leads, agreements and offices.
    fn tallies(&self) -> Vec<Tally> {
        let mut tallies: Vec<Tally> = self
            .initiatives()
            .iter()
            .map(|i| Tally {
                participants: i.participants.len(),
                subsidy: i
                    .participants
                    .iter()
                    .filter_map(|p| p.subsidy_usd)
                    .fold(0, u64::saturating_add),
                ..Tally::default()
            })
            .collect();
        let credited = |initiative: &Option<crate::value::Slug>| {
            self.initiative_index(initiative.as_ref()?.as_str())
        };
        for c in self.companies() {
            for l in &c.leads {
                if let Some(t) = credited(&l.initiative).and_then(|i| tallies.get_mut(i)) {
                    t.leads.add(l.stage, l.estimated_value_usd);
                }
            }
            for a in &c.agreements {
                if let Some(t) = credited(&a.initiative).and_then(|i| tallies.get_mut(i)) {
                    if a.kind.is_binding() {
                        t.binding += 1;
                        t.contracted = t.contracted.saturating_add(a.value_usd.unwrap_or(0));
                    } else {
                        t.non_binding += 1;
                    }
                }
            }
            for o in &c.offices {
                if let Some(t) = credited(&o.initiative).and_then(|i| tallies.get_mut(i)) {
                    t.offices += 1;
                }
            }
        }
        tallies
            .into_iter()
            .zip(self.initiatives())
            .map(|(t, i)| t.with_cost(i.public_cost_usd))
            .collect()
    }

    /// What each initiative yielded, in document order: participants and subsidy, public
    /// cost, the leads, agreements and offices credited to it, and the ratios (see
    /// [`Outcome`]).
    ///
    /// # Example
    /// ```
    /// let sample = pkit::Registry::sample();
    /// let leap = sample.initiative_outcomes().into_iter()
    ///     .find(|o| o.initiative_id == "leap-2023").unwrap();
    /// assert_eq!(leap.outcome.lead_value_usd, 3_900_000);
    /// assert_eq!(leap.outcome.conversion, Some(1.0));
    /// ```
    pub fn initiative_outcomes(&self) -> Vec<InitiativeOutcome> {
        self.tallies()
            .into_iter()
            .zip(self.initiatives())
            .map(|(t, i)| InitiativeOutcome {
                initiative_id: i.id.as_str().to_owned(),
                name: i.name.clone(),
                kind: i.kind,
                status: i.status,
                fiscal_year: i.fiscal_year().start_year(),
                country: i.country,
                outcome: t.outcome(),
            })
            .collect()
    }

    /// Initiatives grouped by `key`, groups in the order of their first initiative.
    fn grouped<K: PartialEq>(
        &self,
        key: impl Fn(&Initiative) -> K,
    ) -> Vec<(K, Vec<String>, Tally)> {
        let mut groups: Vec<(K, Vec<String>, Tally)> = Vec::new();
        for (t, i) in self.tallies().into_iter().zip(self.initiatives()) {
            let k = key(i);
            let id = i.id.as_str().to_owned();
            match groups.iter_mut().find(|g| g.0 == k) {
                Some(g) => {
                    g.1.push(id);
                    g.2 = g.2.plus(t);
                }
                None => groups.push((k, vec![id], t)),
            }
        }
        groups
    }

    /// What the initiatives of each fiscal year (of their `starts_on`) yielded together,
    /// oldest first (see [`Outcome`] for the cost measures of a group).
    ///
    /// # Example
    /// ```
    /// let years = pkit::Registry::sample().outcomes_by_fiscal_year();
    /// let labels: Vec<&str> = years.iter().map(|g| g.label.as_str()).collect();
    /// assert_eq!(labels, ["FY2021-22", "FY2022-23", "FY2023-24", "FY2024-25", "FY2025-26"]);
    /// assert_eq!(years[2].initiatives.len(), 3);
    /// ```
    pub fn outcomes_by_fiscal_year(&self) -> Vec<OutcomeGroup> {
        let mut groups = self.grouped(|i| i.fiscal_year().start_year());
        groups.sort_by_key(|g| g.0);
        groups
            .into_iter()
            .map(|(fy, initiatives, t)| OutcomeGroup {
                label: FiscalYear::new(fy).to_string(),
                initiatives,
                outcome: t.outcome(),
            })
            .collect()
    }

    /// What the initiatives held in each country yielded together, by contracted value
    /// (largest first), then number of initiatives (most first), then country code.
    ///
    /// # Example
    /// ```
    /// let hosts = pkit::Registry::sample().outcomes_by_host_country();
    /// let labels: Vec<&str> = hosts.iter().map(|g| g.label.as_str()).collect();
    /// assert_eq!(labels, ["SA", "AE", "GB", "US", "DE"]);
    /// ```
    pub fn outcomes_by_host_country(&self) -> Vec<OutcomeGroup> {
        let mut groups = self.grouped(|i| i.country);
        groups.sort_by(|a, b| {
            (b.2.contracted, b.1.len())
                .cmp(&(a.2.contracted, a.1.len()))
                .then_with(|| a.0.cmp(&b.0))
        });
        groups
            .into_iter()
            .map(|(country, initiatives, t)| OutcomeGroup {
                label: country.as_str().to_owned(),
                initiatives,
                outcome: t.outcome(),
            })
            .collect()
    }

    /// What the leads and agreements credited to an initiative yielded, by counterparty
    /// country: by contracted value (largest first), then leads (most first), then code. Leads
    /// and agreements credited to no initiative are left out.
    ///
    /// # Example
    /// ```
    /// let markets = pkit::Registry::sample().outcomes_by_counterparty_country();
    /// let codes: Vec<&str> = markets.iter().take(3).map(|m| m.country.as_str()).collect();
    /// assert_eq!(codes, ["SA", "AE", "GB"]);
    /// ```
    pub fn outcomes_by_counterparty_country(&self) -> Vec<MarketOutcome> {
        let mut by: rustc_hash::FxHashMap<Country, (Leads, usize, u64, usize)> =
            rustc_hash::FxHashMap::default();
        for c in self.companies() {
            for l in c.leads.iter().filter(|l| l.initiative.is_some()) {
                by.entry(l.counterparty_country)
                    .or_default()
                    .0
                    .add(l.stage, l.estimated_value_usd);
            }
            for a in c.agreements.iter().filter(|a| a.initiative.is_some()) {
                let m = by.entry(a.counterparty_country).or_default();
                if a.kind.is_binding() {
                    m.1 += 1;
                    m.2 = m.2.saturating_add(a.value_usd.unwrap_or(0));
                } else {
                    m.3 += 1;
                }
            }
        }
        let mut markets: Vec<MarketOutcome> = by
            .into_iter()
            .map(
                |(country, (leads, binding, contracted, non_binding))| MarketOutcome {
                    country,
                    leads: leads.count,
                    lead_value_usd: leads.value,
                    leads_open: leads.open,
                    leads_won: leads.won,
                    leads_lost: leads.lost,
                    conversion: leads.conversion(),
                    binding_agreements: binding,
                    contracted_value_usd: contracted,
                    non_binding_agreements: non_binding,
                },
            )
            .collect();
        markets.sort_by(|a, b| {
            (b.contracted_value_usd, b.leads)
                .cmp(&(a.contracted_value_usd, a.leads))
                .then_with(|| a.country.cmp(&b.country))
        });
        markets
    }
}
