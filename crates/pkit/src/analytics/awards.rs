//! Awards (SPEC §1.5): tallies by program, year, category or result, and companies ranked by
//! the awards they hold.

use std::hash::Hash;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::Count;
use crate::model::{Award, AwardResult, Company};
use crate::Registry;

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
mod tests {
    use super::*;

    // Expected values computed by a throwaway Python script, an independent Python count over
    // the awards of sample.json (collections.Counter, sorted as documented).

    fn pairs(counts: &[Count]) -> Vec<(&str, usize)> {
        counts.iter().map(|c| (c.label.as_str(), c.count)).collect()
    }

    #[test]
    fn sample_tally_by_program_and_result() {
        let s = Registry::sample();
        assert_eq!(
            pairs(&s.award_tally(AwardDimension::Program)),
            [("apicta", 30), ("pasha_ict", 23), ("other", 3)]
        );
        assert_eq!(
            pairs(&s.award_tally(AwardDimension::Result)),
            [
                ("merit", 24),
                ("winner", 21),
                ("finalist", 6),
                ("special_mention", 5)
            ]
        );
    }

    #[test]
    fn sample_tally_by_year_is_chronological() {
        let years = Registry::sample().award_tally(AwardDimension::Year);
        assert_eq!(years.len(), 21);
        assert_eq!(pairs(&years[..3]), [("2003", 1), ("2004", 1), ("2007", 1)]);
        assert_eq!(pairs(&years[18..]), [("2023", 6), ("2024", 6), ("2025", 3)]);
        assert_eq!(years.iter().map(|c| c.count).sum::<usize>(), 56);
    }

    #[test]
    fn sample_tally_by_category_breaks_ties_by_label() {
        let categories = Registry::sample().award_tally(AwardDimension::Category);
        assert_eq!(categories.len(), 42);
        assert_eq!(
            pairs(&categories[..4]),
            [
                ("e_government", 3),
                ("e_inclusion", 3),
                ("financial_applications", 3),
                ("cybersecurity", 2)
            ]
        );
        assert_eq!(
            categories.last().map(|c| c.label.as_str()),
            Some("tourism_and_hospitality")
        );
    }

    #[test]
    fn sample_companies_by_awards() {
        let ranked = Registry::sample().companies_by_awards();
        let top: Vec<(&str, usize, usize)> = ranked[..5]
            .iter()
            .map(|c| (c.company_id.as_str(), c.awards, c.winners))
            .collect();
        // Five awards each; three winners break the tie with indus-byteworks, then the id.
        assert_eq!(
            top,
            [
                ("chenab-data-systems", 5, 3),
                ("clifton-digital", 5, 3),
                ("margalla-secureware", 5, 3),
                ("indus-byteworks", 5, 2),
                ("mehran-pixel-games", 4, 2)
            ]
        );
        assert_eq!(ranked[0].legal_name, "Chenab Data Systems Limited");
        // 28 companies, 5 without awards.
        assert_eq!(ranked.len(), 23);
        assert_eq!(
            ranked.last().map(|c| c.company_id.as_str()),
            Some("swat-valley-labs")
        );
    }

    #[test]
    fn an_empty_registry_tallies_nothing() {
        let r = Registry::from_json(r#"{"schema_version": 1, "as_of": "2026-01-31"}"#).unwrap();
        for &by in AwardDimension::ALL {
            assert!(r.award_tally(by).is_empty());
        }
        assert!(r.companies_by_awards().is_empty());
    }

    #[test]
    fn dimensions_parse_and_serialize_as_their_names() {
        for &d in AwardDimension::ALL {
            assert_eq!(d.as_str().parse::<AwardDimension>(), Ok(d));
            assert_eq!(
                serde_json::to_string(&d).unwrap(),
                format!("\"{}\"", d.as_str())
            );
        }
        assert!("Program".parse::<AwardDimension>().is_err());
    }

    #[test]
    fn dimensions_read_and_print_their_names() {
        for (dimension, name) in [
            (AwardDimension::Program, "program"),
            (AwardDimension::Year, "year"),
            (AwardDimension::Category, "category"),
            (AwardDimension::Result, "result"),
        ] {
            assert_eq!(dimension.to_string(), name);
            assert_eq!(name.parse::<AwardDimension>().unwrap(), dimension);
        }
    }
}
