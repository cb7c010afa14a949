//! [`Summary`]: what a registry holds, counted the ways a reader of `pkit report` asks.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::issue::Issue;
use crate::model::{AwardResult, DerivedStatus, Indicator, LegalForm, Program, Scheme};
use crate::registry::Registry;
use crate::value::{Date, Subdivision};

/// A label and how many records carry it.
///
/// # Example
/// ```
/// let c = pkit::analytics::Count { label: "PK-PB".into(), count: 3 };
/// assert_eq!(c.count, 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The value counted (`PK-PB`, `private_limited`, ...).
    pub label: String,
    /// How many.
    pub count: usize,
}

/// A label, its total, and that total broken down by another label.
///
/// # Example
/// ```
/// let summary = pkit::Registry::sample().summary();
/// let cmmi = summary.certifications.iter().find(|b| b.label == "cmmi").unwrap();
/// assert_eq!(cmmi.total, cmmi.counts.iter().map(|c| c.count).sum::<usize>());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Breakdown {
    /// The value broken down (`cmmi`, `apicta`).
    pub label: String,
    /// How many records carry it.
    pub total: usize,
    /// The total by the second label, values that occur only.
    pub counts: Vec<Count>,
}

/// What a registry holds: companies by region and legal form, certifications by scheme and
/// derived status, awards by program and result, observations per indicator, and warnings.
///
/// # Example
/// ```
/// let sample = pkit::Registry::sample();
/// let summary = sample.summary();
/// assert_eq!(summary.companies, sample.companies().len());
/// let by_region: usize = summary.companies_by_region.iter().map(|c| c.count).sum();
/// assert_eq!(by_region, summary.companies);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// The date the data describes; certification status is derived on it.
    pub as_of: Date,
    /// How many companies.
    pub companies: usize,
    /// Companies per headquarters region, every region listed (zero included).
    pub companies_by_region: Vec<Count>,
    /// Companies per legal form, forms that occur only.
    pub companies_by_legal_form: Vec<Count>,
    /// Certificates per scheme (that occurs), then per derived status, in the spec's order.
    pub certifications: Vec<Breakdown>,
    /// Awards per program (that occurs), then per result, in the spec's order.
    pub awards: Vec<Breakdown>,
    /// Observations per indicator (that occurs).
    pub observations_by_indicator: Vec<Count>,
    /// How many targets and rankings.
    pub targets: usize,
    /// How many rankings.
    pub rankings: usize,
    /// The document's warnings.
    pub warnings: Vec<Issue>,
}

fn counts<T: Copy + Ord>(
    items: impl Iterator<Item = T>,
    all: &[T],
    label: impl Fn(T) -> String,
    keep_zero: bool,
) -> Vec<Count> {
    let mut tally: BTreeMap<T, usize> = BTreeMap::new();
    for item in items {
        *tally.entry(item).or_default() += 1;
    }
    all.iter()
        .map(|&t| (t, tally.get(&t).copied().unwrap_or(0)))
        .filter(|&(_, n)| keep_zero || n > 0)
        .map(|(t, count)| Count {
            label: label(t),
            count,
        })
        .collect()
}

fn breakdown(label: String, counts: Vec<Count>) -> Breakdown {
    Breakdown {
        label,
        total: counts.iter().map(|c| c.count).sum(),
        counts,
    }
}

impl Registry {
    /// Counts what the registry holds; certification status is derived on `as_of`.
    ///
    /// # Example
    /// ```
    /// let summary = pkit::Registry::sample().summary();
    /// assert!(summary.certifications.iter().any(|b| b.label == "cmmi"));
    /// assert_eq!(summary.warnings.len(), 2);
    /// ```
    pub fn summary(&self) -> Summary {
        let companies = self.companies();
        let certs = || companies.iter().flat_map(|c| &c.certifications);
        let awards = || companies.iter().flat_map(|c| &c.awards);
        let certifications = Scheme::ALL
            .iter()
            .filter(|&&s| certs().any(|c| c.scheme == s))
            .map(|&s| {
                let statuses = certs()
                    .filter(|c| c.scheme == s)
                    .map(|c| c.status_on(self.as_of()));
                breakdown(
                    s.to_string(),
                    counts(statuses, DerivedStatus::ALL, |d| d.to_string(), false),
                )
            })
            .collect();
        let award_tally = Program::ALL
            .iter()
            .filter(|&&p| awards().any(|a| a.program == p))
            .map(|&p| {
                let results = awards().filter(|a| a.program == p).map(|a| a.result);
                breakdown(
                    p.to_string(),
                    counts(results, AwardResult::ALL, |r| r.to_string(), false),
                )
            })
            .collect();
        Summary {
            as_of: self.as_of(),
            companies: companies.len(),
            companies_by_region: counts(
                companies.iter().map(|c| c.headquarters.region),
                &Subdivision::ALL,
                |s| s.code().to_owned(),
                true,
            ),
            companies_by_legal_form: counts(
                companies.iter().map(|c| c.legal_form),
                LegalForm::ALL,
                |f| f.to_string(),
                false,
            ),
            certifications,
            awards: award_tally,
            observations_by_indicator: counts(
                self.observations().iter().map(|o| o.indicator),
                Indicator::ALL,
                |i| i.to_string(),
                false,
            ),
            targets: self.targets().len(),
            rankings: self.rankings().len(),
            warnings: self.warnings().to_vec(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Registry;

    #[test]
    fn sample_summary_agrees_with_a_direct_count() {
        let sample = Registry::sample();
        let summary = sample.summary();
        let companies = sample.companies();
        assert_eq!(summary.companies, companies.len());
        for count in &summary.companies_by_region {
            let direct = companies
                .iter()
                .filter(|c| c.headquarters.region.to_string() == count.label)
                .count();
            assert_eq!(count.count, direct, "{}", count.label);
        }
        // Every region is listed, even an empty one; the counts add up.
        assert_eq!(summary.companies_by_region.len(), 7);
        let total: usize = summary.companies_by_region.iter().map(|c| c.count).sum();
        assert_eq!(total, companies.len());

        let certs: Vec<_> = companies.iter().flat_map(|c| &c.certifications).collect();
        for scheme in &summary.certifications {
            let of_scheme: Vec<_> = certs
                .iter()
                .filter(|c| c.scheme.to_string() == scheme.label)
                .collect();
            assert_eq!(scheme.total, of_scheme.len(), "{}", scheme.label);
            assert!(scheme.total > 0);
            for count in &scheme.counts {
                let direct = of_scheme
                    .iter()
                    .filter(|c| c.status_on(sample.as_of()).to_string() == count.label)
                    .count();
                assert_eq!(count.count, direct, "{} {}", scheme.label, count.label);
                assert!(count.count > 0, "zero counts are left out");
            }
        }
        let awards: Vec<_> = companies.iter().flat_map(|c| &c.awards).collect();
        for program in &summary.awards {
            let of_program: Vec<_> = awards
                .iter()
                .filter(|a| a.program.to_string() == program.label)
                .collect();
            assert_eq!(program.total, of_program.len());
            for count in &program.counts {
                let direct = of_program
                    .iter()
                    .filter(|a| a.result.to_string() == count.label)
                    .count();
                assert_eq!(count.count, direct);
            }
        }
        let listed: usize = summary.certifications.iter().map(|b| b.total).sum();
        assert_eq!(listed, certs.len());
    }

    #[test]
    fn only_schemes_and_programmes_present_are_listed() {
        let text = r#"{"schema_version": 1, "as_of": "2025-06-30", "companies": [
            {"id": "a", "legal_name": "A Ltd", "legal_form": "private_limited",
             "headquarters": {"city": "Lahore", "region": "PK-PB"},
             "certifications": [{"scheme": "iso_9001", "edition": "2015", "issuer": "SGS",
                                 "issued_on": "2024-01-01", "expires_on": "2027-01-01"}],
             "awards": [{"program": "apicta", "year": 2024, "category": "fintech",
                         "result": "winner", "entry": "Ledger"}]}]}"#;
        let summary = Registry::from_json(text).unwrap().summary();
        let labels = |b: &[crate::analytics::Breakdown]| {
            b.iter().map(|b| b.label.clone()).collect::<Vec<_>>()
        };
        assert_eq!(labels(&summary.certifications), ["iso_9001"]);
        assert_eq!(labels(&summary.awards), ["apicta"]);
    }
}
