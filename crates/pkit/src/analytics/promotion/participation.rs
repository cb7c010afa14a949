//! Participants against non-participants: the export growth, from an initiative's fiscal year
//! to the next, of the companies that took part and of those that did not.

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::analytics::exports::CompleteTotals;
use crate::registry::Registry;

/// The export growth of a group of companies from one fiscal year to the next.
///
/// A company is *measured* when it has a complete total (all twelve months, by the roll-up
/// rule of [`CompanyExports`](crate::analytics::CompanyExports)) in both years and the first
/// is above zero; `growth` is the measured companies' second-year sum ÷ their first-year sum
/// − 1.
///
/// # Example
/// ```
/// let rows = pkit::Registry::sample().participation_growth();
/// let leap = &rows[0].participants;
/// assert_eq!((leap.members, leap.measured), (4, 4));
/// assert_eq!((leap.from_usd, leap.to_usd), (65_232_000, 72_370_000));
/// assert!((leap.growth.unwrap() - 0.1094).abs() < 1e-4);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CohortGrowth {
    /// Companies in the group.
    pub members: usize,
    /// Of them, measured (see above).
    pub measured: usize,
    /// The measured companies' exports in the initiative's fiscal year, whole US dollars.
    pub from_usd: u64,
    /// Their exports in the next fiscal year.
    pub to_usd: u64,
    /// `to_usd ÷ from_usd − 1`; `None` when no company is measured.
    pub growth: Option<f64>,
}

/// One initiative's participants and the other companies, side by side.
///
/// # Example
/// ```
/// let rows = pkit::Registry::sample().participation_growth();
/// assert_eq!(rows[0].initiative_id, "leap-2022");
/// assert_eq!(rows[0].fiscal_year, 2021);
/// assert_eq!(rows[0].non_participants.measured, 20);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParticipationGrowth {
    /// The initiative's id.
    pub initiative_id: String,
    /// Its fiscal year (the one containing `starts_on`), by its start year; growth runs to
    /// the next.
    pub fiscal_year: i32,
    /// The companies listed as its participants.
    pub participants: CohortGrowth,
    /// Every other company of the registry.
    pub non_participants: CohortGrowth,
}

/// Measured companies, and their two sums, of one fiscal year.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    measured: usize,
    from: u64,
    to: u64,
}

impl Sums {
    fn add(&mut self, (from, to): (u64, u64)) {
        self.measured += 1;
        self.from = self.from.saturating_add(from);
        self.to = self.to.saturating_add(to);
    }

    fn cohort(self, members: usize) -> CohortGrowth {
        CohortGrowth {
            members,
            measured: self.measured,
            from_usd: self.from,
            to_usd: self.to,
            growth: (self.measured > 0)
                .then(|| super::ratio(self.to as f64, self.from as f64).map(|r| r - 1.0))
                .flatten(),
        }
    }
}

impl Registry {
    /// For each initiative with participants, in document order: the export growth from its
    /// fiscal year to the next of its participants and of every other company (see
    /// [`CohortGrowth`]). The companies' complete totals are worked out once for all
    /// initiatives.
    ///
    /// # Example
    /// ```
    /// let rows = pkit::Registry::sample().participation_growth();
    /// assert_eq!(rows.len(), 9);
    /// // FY2025-26 is not over: nobody is measured for the initiatives of FY2024-25 on.
    /// assert!(rows.iter().filter(|r| r.fiscal_year >= 2024).all(|r| r.participants.growth.is_none()));
    /// ```
    pub fn participation_growth(&self) -> Vec<ParticipationGrowth> {
        let years: Vec<i32> = {
            let mut y: Vec<i32> = self
                .initiatives()
                .iter()
                .filter(|i| !i.participants.is_empty())
                .map(|i| i.fiscal_year().start_year())
                .collect();
            y.sort_unstable();
            y.dedup();
            y
        };
        if years.is_empty() {
            return Vec::new();
        }
        // Each company's (first, next) totals for the years asked, and the sums of all.
        let mut totals = CompleteTotals::default();
        let mut buffer = Vec::new();
        let mut pairs: FxHashMap<(usize, i32), (u64, u64)> = FxHashMap::default();
        let mut all: FxHashMap<i32, Sums> = FxHashMap::default();
        for (ci, c) in self.companies().iter().enumerate() {
            totals.of(c, &mut buffer);
            for w in buffer.windows(2) {
                let ((fy, from), (next, to)) = (w[0], w[1]);
                if next == fy + 1 && from > 0 && years.binary_search(&fy).is_ok() {
                    pairs.insert((ci, fy), (from, to));
                    all.entry(fy).or_default().add((from, to));
                }
            }
        }
        let companies = self.companies().len();
        self.initiatives()
            .iter()
            .filter(|i| !i.participants.is_empty())
            .map(|i| {
                let fy = i.fiscal_year().start_year();
                let mut members: Vec<usize> = i
                    .participants
                    .iter()
                    .filter_map(|p| self.company_index(p.company.as_str()))
                    .collect();
                members.sort_unstable();
                members.dedup();
                let mut part = Sums::default();
                for &ci in &members {
                    if let Some(&pair) = pairs.get(&(ci, fy)) {
                        part.add(pair);
                    }
                }
                let every = all.get(&fy).copied().unwrap_or_default();
                let rest = Sums {
                    measured: every.measured.saturating_sub(part.measured),
                    from: every.from.saturating_sub(part.from),
                    to: every.to.saturating_sub(part.to),
                };
                ParticipationGrowth {
                    initiative_id: i.id.as_str().to_owned(),
                    fiscal_year: fy,
                    participants: part.cohort(members.len()),
                    non_participants: rest.cohort(companies.saturating_sub(members.len())),
                }
            })
            .collect()
    }
}
