//! Awards (SPEC §1.5): tallies by program, year, category or result, and companies ranked by
//! the awards they hold.

use std::hash::Hash;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::Count;
use crate::model::{Award, AwardResult, Company};
use crate::registry::Registry;

crate::issue::vocabulary! {
    /// What [`Registry::award_tally`] counts awards by.
    ///
    /// # Example
    /// ```
    /// use pkit::analytics::AwardDimension;
    /// assert_eq!("program".parse::<AwardDimension>()?, AwardDimension::Program);
    /// assert_eq!(AwardDimension::Result.to_string(), "result");
    /// assert!("winner".parse::<AwardDimension>().is_err());
    /// # Ok::<(), pkit::value::ParseError>(())
    /// ```
    pub enum AwardDimension as "an award dimension" in "pkit::analytics" {
        /// The programme: `apicta`, `pasha_ict`, `other` (every `other` programme together).
        Program = "program",
        /// The year, `2019`.
        Year = "year",
        /// The category key, `e_health`.
        Category = "category",
        /// The result: `winner`, `merit`, `special_mention`, `finalist`.
        Result = "result",
    }
}

/// A company and how many awards it holds.
///
/// # Example
/// ```
/// let ranked = pkit::Registry::sample().companies_by_awards();
/// let first = &ranked[0];
/// assert_eq!((first.company_id.as_str(), first.awards, first.winners), ("chenab-data-systems", 5, 3));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompanyAwards {
    /// The company's id.
    pub company_id: String,
    /// The company's registered name.
    pub legal_name: String,
    /// How many awards it holds (every result).
    pub awards: usize,
    /// How many of them have the result `winner`.
    pub winners: usize,
}

fn tally<K: Hash + Eq>(items: impl Iterator<Item = K>) -> FxHashMap<K, usize> {
    let mut counts = FxHashMap::default();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    counts
}

/// Counts by descending count, then label.
fn ranked<K>(counts: FxHashMap<K, usize>, label: impl Fn(K) -> String) -> Vec<Count> {
    let mut list: Vec<Count> = counts
        .into_iter()
        .map(|(k, count)| Count {
            label: label(k),
            count,
        })
        .collect();
    list.sort_unstable_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    list
}

fn winners(company: &Company) -> usize {
    company
        .awards
        .iter()
        .filter(|a| a.result == AwardResult::Winner)
        .count()
}

impl Registry {
    fn all_awards(&self) -> impl Iterator<Item = &Award> {
        self.companies().iter().flat_map(|c| &c.awards)
    }

    /// How many awards carry each value of `by`, values that occur only: years ascending,
    /// the other dimensions by descending count, then label.
    ///
    /// # Example
    /// ```
    /// use pkit::analytics::AwardDimension;
    /// let tally = pkit::Registry::sample().award_tally(AwardDimension::Program);
    /// let pairs: Vec<(&str, usize)> = tally.iter().map(|c| (c.label.as_str(), c.count)).collect();
    /// assert_eq!(pairs, [("apicta", 30), ("pasha_ict", 23), ("other", 3)]);
    /// ```
    pub fn award_tally(&self, by: AwardDimension) -> Vec<Count> {
        let awards = self.all_awards();
        match by {
            AwardDimension::Program => {
                ranked(tally(awards.map(|a| a.program)), |p| p.as_str().to_owned())
            }
            AwardDimension::Category => {
                ranked(tally(awards.map(|a| a.category.as_str())), str::to_owned)
            }
            AwardDimension::Result => {
                ranked(tally(awards.map(|a| a.result)), |r| r.as_str().to_owned())
            }
            AwardDimension::Year => {
                let mut years: Vec<(u16, usize)> =
                    tally(awards.map(|a| a.year)).into_iter().collect();
                years.sort_unstable();
                years
                    .into_iter()
                    .map(|(year, count)| Count {
                        label: year.to_string(),
                        count,
                    })
                    .collect()
            }
        }
    }

    /// The companies that hold at least one award, by number of awards, then of winners
    /// (both descending), then id.
    ///
    /// # Example
    /// ```
    /// let ranked = pkit::Registry::sample().companies_by_awards();
    /// assert_eq!(ranked.len(), 23);
    /// assert!(ranked.windows(2).all(|w| w[0].awards >= w[1].awards));
    /// ```
    pub fn companies_by_awards(&self) -> Vec<CompanyAwards> {
        let mut list: Vec<(usize, usize, &Company)> = self
            .companies()
            .iter()
            .filter(|c| !c.awards.is_empty())
            .map(|c| (c.awards.len(), winners(c), c))
            .collect();
        list.sort_unstable_by(|a, b| {
            (b.0, b.1)
                .cmp(&(a.0, a.1))
                .then_with(|| a.2.id.as_str().cmp(b.2.id.as_str()))
        });
        list.into_iter()
            .map(|(awards, winners, c)| CompanyAwards {
                company_id: c.id.as_str().to_owned(),
                legal_name: c.legal_name.clone(),
                awards,
                winners,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
