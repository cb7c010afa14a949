//! Claims reconciled: each published figure beside the same measure computed from the records.

use serde::Serialize;

use super::Tally;
use crate::model::{Claim, ClaimMetric, Initiative};
use crate::registry::Registry;
use crate::value::Period;

/// A claim beside the records.
///
/// `recorded` is the claim's metric over the records of its initiative, or, for a claim about
/// a period, over the initiatives that start in that period: `participants` listed, credited
/// `leads` and their `lead_value_usd`, `agreements` credited (binding or not),
/// `contract_value_usd` of the binding ones, `return_per_usd` as contracted value ÷ public
/// cost. It is `None` when the records cannot compute it: no initiative starts in the period,
/// or a return without a public cost. `ratio` is claimed ÷ recorded (`None` when recorded is
/// `None` or zero).
///
/// # Example
/// ```
/// let checks = pkit::Registry::sample().claims_reconciled();
/// let leap = checks.iter().find(|c| c.claim_id == "leap-2023-lead-value").unwrap();
/// assert_eq!((leap.claimed, leap.recorded), (100_000_000, Some(3_900_000.0)));
/// assert!((leap.ratio.unwrap() - 25.641).abs() < 1e-3);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimCheck {
    /// The claim's id.
    pub claim_id: String,
    /// What it claims.
    pub metric: ClaimMetric,
    /// The initiative it is about, if any.
    pub initiative: Option<String>,
    /// The period it covers, if any.
    pub period: Option<Period>,
    /// Who made it.
    pub claimed_by: String,
    /// The value claimed.
    pub claimed: u64,
    /// The same metric from the records; `None` when they cannot compute it.
    pub recorded: Option<f64>,
    /// Claimed ÷ recorded.
    pub ratio: Option<f64>,
}

/// True when the initiative starts in `period`.
fn starts_in(i: &Initiative, period: Period) -> bool {
    (period.first_day()..=period.last_day()).contains(&i.starts_on)
}

/// The claim's metric over `tally`.
fn recorded(metric: ClaimMetric, t: Tally) -> Option<f64> {
    let outcome = t.outcome();
    Some(match metric {
        ClaimMetric::Participants => outcome.participants as f64,
        ClaimMetric::Leads => outcome.leads as f64,
        ClaimMetric::LeadValueUsd => outcome.lead_value_usd as f64,
        ClaimMetric::Agreements => {
            (outcome.binding_agreements + outcome.non_binding_agreements) as f64
        }
        ClaimMetric::ContractValueUsd => outcome.contracted_value_usd as f64,
        ClaimMetric::ReturnPerUsd => outcome.return_per_usd?,
    })
}

impl Registry {
    /// Each claim beside the same metric from the records, in document order (see
    /// [`ClaimCheck`]).
    ///
    /// # Example
    /// ```
    /// let checks = pkit::Registry::sample().claims_reconciled();
    /// let gitex = &checks[0];
    /// assert_eq!((gitex.claim_id.as_str(), gitex.claimed), ("gitex-2023-return", 40));
    /// assert!((gitex.recorded.unwrap() - 2.1583).abs() < 1e-4);
    /// ```
    pub fn claims_reconciled(&self) -> Vec<ClaimCheck> {
        let tallies = self.tallies();
        let check = |c: &Claim| {
            let of_initiative = c
                .initiative
                .as_ref()
                .and_then(|id| self.initiative_index(id.as_str()))
                .and_then(|i| tallies.get(i).copied());
            let tally = of_initiative.or_else(|| {
                let period = c.period?;
                self.initiatives()
                    .iter()
                    .zip(&tallies)
                    .filter(|(i, _)| starts_in(i, period))
                    .map(|(_, &t)| t)
                    .reduce(Tally::plus)
            });
            let recorded = tally.and_then(|t| recorded(c.metric, t));
            ClaimCheck {
                claim_id: c.id.as_str().to_owned(),
                metric: c.metric,
                initiative: c.initiative.as_ref().map(|i| i.as_str().to_owned()),
                period: c.period,
                claimed_by: c.claimed_by.clone(),
                claimed: c.value,
                recorded,
                ratio: recorded.and_then(|r| super::ratio(c.value as f64, r)),
            }
        };
        self.claims().iter().map(check).collect()
    }
}
