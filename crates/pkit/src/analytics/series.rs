//! [`Series`]: the current value of an indicator per period, its vintages, and its fiscal-year
//! totals ([`FiscalYearTotal`]).

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::model::observation::current_vintages;
use crate::model::{Indicator, Observation};
use crate::registry::Registry;
use crate::value::{Date, FiscalSlot, FiscalYear, Period, Region};

/// One period of a [`Series`]: the value current for it and the observation it comes from.
///
/// # Example
/// ```
/// use pkit::{model::Indicator, value::{Period, Region}};
/// let series = pkit::Registry::sample().series(Indicator::IctExports, Region::PAKISTAN);
/// let point = series.get(Period::FiscalYear(2023)).unwrap();
/// assert_eq!(point.value, 3_223_000_000);
/// assert_eq!(point.observation, 12);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Point {
    /// The period the value is for.
    pub period: Period,
    /// The value: whole USD or a count, by indicator.
    pub value: u64,
    /// When this vintage was published; `None` when the document does not say.
    pub published_on: Option<Date>,
    /// The index of the observation in [`Registry::observations`].
    pub observation: usize,
}

/// One published value of a figure: an indicator, region and period.
///
/// # Example
/// ```
/// use pkit::{model::Indicator, value::{Period, Region}};
/// let sample = pkit::Registry::sample();
/// let v = sample.vintages(Indicator::IctExports, Region::PAKISTAN, Period::FiscalYear(2022));
/// assert_eq!(v.iter().map(|v| v.value).collect::<Vec<_>>(), [2_605_340_000, 2_593_000_000]);
/// assert_eq!(v[1].published_on.map(|d| d.to_string()).as_deref(), Some("2023-08-18"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Vintage {
    /// The value published.
    pub value: u64,
    /// When it was published; `None` counts as the earliest vintage.
    pub published_on: Option<Date>,
    /// The index of the observation in [`Registry::observations`].
    pub observation: usize,
}

/// The values of one indicator in one region, one per period: the current vintage (latest
/// `published_on`), or what was known on a given day. Points are sorted by the first day of
/// their period, then by form in the order of SPEC §1.2 (fiscal year, fiscal quarter, month,
/// calendar year, calendar quarter).
///
/// # Example
/// ```
/// use pkit::{model::Indicator, value::{Period, Region}};
/// let series = pkit::Registry::sample().series(Indicator::IctExports, Region::PAKISTAN);
/// assert_eq!(series.indicator(), Indicator::IctExports);
/// assert_eq!(series.region(), Region::PAKISTAN);
/// assert_eq!(series.points()[0].period, Period::FiscalYear(2015));
/// assert_eq!(series.get(Period::FiscalYear(2022)).map(|p| p.value), Some(2_593_000_000));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Series {
    indicator: Indicator,
    region: Region,
    points: Vec<Point>,
}

crate::issue::vocabulary! {
    /// How a [`FiscalYearTotal`] was obtained.
    ///
    /// # Example
    /// ```
    /// use pkit::analytics::TotalBasis;
    /// assert_eq!(TotalBasis::Quarters.as_str(), "quarters");
    /// assert_eq!(serde_json::to_string(&TotalBasis::Partial).unwrap(), r#""partial""#);
    /// ```
    pub enum TotalBasis as "a total basis" in "pkit::analytics" {
        /// A figure for the whole fiscal year (`FY2023-24`).
        Annual = "annual",
        /// The sum of the four fiscal quarters.
        Quarters = "quarters",
        /// The sum of the twelve months.
        Months = "months",
        /// The sum of the quarters and months there are: part of the year only.
        Partial = "partial",
    }
}

/// The total of a series over one fiscal year (1 July – 30 June), whole or partial.
///
/// # Example
/// ```
/// use pkit::{analytics::TotalBasis, model::Indicator, value::Region};
/// let series = pkit::Registry::sample().series(Indicator::IctExports, Region::PAKISTAN);
/// let years = series.fiscal_years();
/// let fy24 = years.iter().find(|t| t.fiscal_year == 2023).unwrap();
/// assert_eq!((fy24.label().as_str(), fy24.value, fy24.basis), ("FY2023-24", 3_223_000_000, TotalBasis::Annual));
/// assert!(fy24.is_complete());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FiscalYearTotal {
    /// The fiscal year, by the calendar year it starts in (2023 is `FY2023-24`).
    pub fiscal_year: i32,
    /// The total: the annual figure, or the sum of the parts.
    pub value: u64,
    /// How many of the year's twelve months the value covers.
    pub months_covered: u8,
    /// How the value was obtained.
    pub basis: TotalBasis,
}

impl FiscalYearTotal {
    /// True when the total covers the whole year (any basis but [`TotalBasis::Partial`]).
    ///
    /// # Example
    /// ```
    /// use pkit::{model::Indicator, value::Region};
    /// let series = pkit::Registry::sample().series(Indicator::IctExports, Region::PAKISTAN);
    /// let last = series.fiscal_years().pop().unwrap();
    /// assert_eq!(last.label(), "FY2025-26");
    /// assert!(!last.is_complete());
    /// ```
    pub fn is_complete(&self) -> bool {
        self.basis != TotalBasis::Partial
    }

    /// The fiscal year as written in documents: `FY2023-24`.
    ///
    /// # Example
    /// ```
    /// use pkit::analytics::{FiscalYearTotal, TotalBasis};
    /// let t = FiscalYearTotal { fiscal_year: 2023, value: 1, months_covered: 12, basis: TotalBasis::Annual };
    /// assert_eq!(t.label(), "FY2023-24");
    /// ```
    pub fn label(&self) -> String {
        FiscalYear::new(self.fiscal_year).to_string()
    }
}

/// The position of a period in a series: its first day, then its form in SPEC order.
fn sort_key(period: Period) -> (Date, u8) {
    let form = match period {
        Period::FiscalYear(_) => 0,
        Period::FiscalQuarter(..) => 1,
        Period::Month(..) => 2,
        Period::Year(_) => 3,
        Period::Quarter(..) => 4,
    };
    (period.first_day(), form)
}

/// True when the observation was known on `on` (always, when `on` is `None`).
fn known_on(observation: &Observation, on: Option<Date>) -> bool {
    match (on, observation.published_on) {
        (Some(day), Some(published)) => published <= day,
        _ => true,
    }
}

type SeriesKey = (Indicator, Region);

impl Series {
    fn empty(indicator: Indicator, region: Region) -> Series {
        Series {
            indicator,
            region,
            points: Vec::new(),
        }
    }

    /// What the series measures.
    ///
    /// # Example
    /// ```
    /// use pkit::{model::Indicator, value::Region};
    /// let s = pkit::Registry::sample().series(Indicator::Freelancers, Region::PAKISTAN);
    /// assert_eq!(s.indicator(), Indicator::Freelancers);
    /// ```
    pub fn indicator(&self) -> Indicator {
        self.indicator
    }

    /// Where the series applies.
    ///
    /// # Example
    /// ```
    /// use pkit::{model::Indicator, value::Region};
    /// let punjab: Region = "PK-PB".parse()?;
    /// let s = pkit::Registry::sample().series(Indicator::RegisteredItCompanies, punjab);
    /// assert_eq!(s.region().code(), "PK-PB");
    /// # Ok::<(), pkit::value::ParseError>(())
    /// ```
    pub fn region(&self) -> Region {
        self.region
    }

    /// The points, one per period, in order (see [`Series`]).
    ///
    /// # Example
    /// ```
    /// use pkit::{model::Indicator, value::Region};
    /// let s = pkit::Registry::sample().series(Indicator::FreelanceRemittances, Region::PAKISTAN);
    /// assert_eq!(s.points().len(), 2);
    /// ```
    pub fn points(&self) -> &[Point] {
        &self.points
    }

    /// True when the series has no point.
    ///
    /// # Example
    /// ```
    /// use pkit::{model::Indicator, value::Region};
    /// assert!(pkit::Registry::sample().series(Indicator::ItEmployment, Region::PAKISTAN).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// The point of this period, if the series has one.
    ///
    /// # Example
    /// ```
    /// use pkit::{model::Indicator, value::{Period, Region}};
    /// let s = pkit::Registry::sample().series(Indicator::IctExports, Region::PAKISTAN);
    /// assert_eq!(s.get(Period::FiscalQuarter(2025, 1)).map(|p| p.value), Some(1_057_000_000));
    /// assert!(s.get(Period::FiscalQuarter(2025, 2)).is_none());
    /// ```
    pub fn get(&self, period: Period) -> Option<&Point> {
        let key = sort_key(period);
        self.points
            .binary_search_by_key(&key, |p| sort_key(p.period))
            .ok()
            .and_then(|i| self.points.get(i))
    }

    /// The total of each fiscal year the series has data for, in year order.
    ///
    /// A year's total is its annual figure when there is one; otherwise the sum of its four
    /// fiscal quarters, or of its twelve months, when all are present; otherwise a
    /// [`TotalBasis::Partial`] sum of the quarters there are and of the months outside them,
    /// with the months it covers. Calendar years and quarters take no part.
    ///
    /// # Example
    /// ```
    /// use pkit::{analytics::TotalBasis, model::Indicator, value::Region};
    /// let s = pkit::Registry::sample().series(Indicator::IctExports, Region::PAKISTAN);
    /// let partial = s.fiscal_years().pop().unwrap();
    /// assert_eq!(partial.label(), "FY2025-26");
    /// assert_eq!((partial.basis, partial.months_covered), (TotalBasis::Partial, 4));
    /// ```
    pub fn fiscal_years(&self) -> Vec<FiscalYearTotal> {
        let mut years: BTreeMap<i32, YearParts> = BTreeMap::new();
        for point in &self.points {
            if let Some((year, slot)) = point.period.fiscal_slot() {
                years
                    .entry(year.start_year())
                    .or_default()
                    .add(slot, point.value);
            }
        }
        years
            .into_iter()
            .map(|(fy, parts)| parts.total(fy))
            .collect()
    }
}

/// What a fiscal year has: its annual figure, quarters and months (July is month 0).
#[derive(Default)]
struct YearParts {
    annual: Option<u64>,
    quarters: [Option<u64>; 4],
    months: [Option<u64>; 12],
}

impl YearParts {
    fn add(&mut self, slot: FiscalSlot, value: u64) {
        let cell = match slot {
            FiscalSlot::Year => Some(&mut self.annual),
            FiscalSlot::Quarter(q) => self.quarters.get_mut(usize::from(q) - 1),
            FiscalSlot::Month(m) => self.months.get_mut(usize::from(m)),
        };
        if let Some(cell) = cell {
            *cell = Some(value);
        }
    }

    fn total(&self, fiscal_year: i32) -> FiscalYearTotal {
        let whole = |value, basis| FiscalYearTotal {
            fiscal_year,
            value,
            months_covered: 12,
            basis,
        };
        if let Some(value) = self.annual {
            return whole(value, TotalBasis::Annual);
        }
        if let Some(value) = sum_all(&self.quarters) {
            return whole(value, TotalBasis::Quarters);
        }
        if let Some(value) = sum_all(&self.months) {
            return whole(value, TotalBasis::Months);
        }
        self.partial(fiscal_year)
    }

    /// Each quarter there is, else the months of that quarter there are.
    fn partial(&self, fiscal_year: i32) -> FiscalYearTotal {
        let (mut value, mut months_covered) = (0u64, 0u8);
        for (quarter, months) in self.quarters.iter().zip(self.months.chunks(3)) {
            if let Some(q) = quarter {
                value += q;
                months_covered += 3;
            } else {
                for m in months.iter().flatten() {
                    value += m;
                    months_covered += 1;
                }
            }
        }
        FiscalYearTotal {
            fiscal_year,
            value,
            months_covered,
            basis: TotalBasis::Partial,
        }
    }
}

/// The sum of the values when every one is present. At most twelve values of at most 10^13
/// each: no overflow in a u64.
fn sum_all(values: &[Option<u64>]) -> Option<u64> {
    values.iter().copied().sum()
}

impl Registry {
    /// The current value of `indicator` in `region` for every period: the observation with the
    /// latest `published_on` (one without counts as the earliest).
    ///
    /// # Example
    /// ```
    /// use pkit::{model::Indicator, value::{Period, Region}};
    /// let s = pkit::Registry::sample().series(Indicator::IctExports, Region::PAKISTAN);
    /// assert_eq!(s.get(Period::FiscalYear(2022)).map(|p| p.value), Some(2_593_000_000));
    /// assert_eq!(s.get(Period::Month(2025, 6)).map(|p| p.value), Some(339_000_000));
    /// ```
    pub fn series(&self, indicator: Indicator, region: Region) -> Series {
        self.series_on(indicator, region, None)
    }

    /// The series as it was known on `on`: only vintages published on or before that day (and
    /// those without `published_on`), the latest of them per period.
    ///
    /// # Example
    /// ```
    /// use pkit::{model::Indicator, value::{Date, Period, Region}};
    /// let sample = pkit::Registry::sample();
    /// let day = Date::new(2023, 8, 1).unwrap();
    /// let s = sample.series_as_published_on(Indicator::IctExports, Region::PAKISTAN, day);
    /// assert_eq!(s.get(Period::FiscalYear(2022)).map(|p| p.value), Some(2_605_340_000));
    /// assert!(s.get(Period::Month(2025, 7)).is_none());
    /// ```
    pub fn series_as_published_on(&self, indicator: Indicator, region: Region, on: Date) -> Series {
        self.series_on(indicator, region, Some(on))
    }

    fn series_on(&self, indicator: Indicator, region: Region, on: Option<Date>) -> Series {
        self.series_where(|i, r| i == indicator && r == region, on)
            .remove(&(indicator, region))
            .unwrap_or_else(|| Series::empty(indicator, region))
    }

    /// Every series whose (indicator, region) `wanted` accepts, in one pass over the
    /// observations, as known on `on` (`None`: everything).
    pub(crate) fn series_where(
        &self,
        wanted: impl Fn(Indicator, Region) -> bool,
        on: Option<Date>,
    ) -> FxHashMap<SeriesKey, Series> {
        let observations = self.observations();
        let current = current_vintages(observations, |o| {
            wanted(o.indicator, o.region) && known_on(o, on)
        });
        let mut series: FxHashMap<SeriesKey, Series> = FxHashMap::default();
        for ((indicator, region, period), i) in current {
            let Some(o) = observations.get(i) else {
                continue;
            };
            series
                .entry((indicator, region))
                .or_insert_with(|| Series::empty(indicator, region))
                .points
                .push(Point {
                    period,
                    value: o.value,
                    published_on: o.published_on,
                    observation: i,
                });
        }
        for s in series.values_mut() {
            s.points.sort_unstable_by_key(|p| sort_key(p.period));
        }
        series
    }

    /// Every published value of one figure, in publication order (one without `published_on`
    /// first), then in document order.
    ///
    /// # Example
    /// ```
    /// use pkit::{model::Indicator, value::{Period, Region}};
    /// let sample = pkit::Registry::sample();
    /// let june = sample.vintages(Indicator::IctExports, Region::PAKISTAN, Period::Month(2025, 6));
    /// assert_eq!(june.iter().map(|v| v.value).collect::<Vec<_>>(), [338_000_000, 339_000_000]);
    /// assert!(sample.vintages(Indicator::IctExports, Region::PAKISTAN, Period::Year(2020)).is_empty());
    /// ```
    pub fn vintages(&self, indicator: Indicator, region: Region, period: Period) -> Vec<Vintage> {
        let mut vintages: Vec<Vintage> = self
            .observations()
            .iter()
            .enumerate()
            .filter(|(_, o)| o.indicator == indicator && o.region == region && o.period == period)
            .map(|(i, o)| Vintage {
                value: o.value,
                published_on: o.published_on,
                observation: i,
            })
            .collect();
        // Stable: equal dates (not in a valid document) keep document order.
        vintages.sort_by_key(|v| v.published_on);
        vintages
    }
}

#[cfg(test)]
pub(crate) mod tests;
