//! [`Growth`]: the change of a value between two fiscal years, kept as integers; ratios and
//! compound annual growth rates are computed from them when asked.

use serde::Serialize;

use super::{FiscalYearTotal, Series};

/// The change between two values of two fiscal years: `from` in `from_year`, `to` in
/// `to_year`. It exists only when `to_year` is after `from_year` and `from` is not zero, so
/// every ratio it gives is finite.
///
/// # Example
/// ```
/// use pkit::analytics::Growth;
/// let g = Growth::new(2022, 2023, 2_593_000_000, 3_223_000_000).unwrap();
/// assert_eq!(g.years(), 1);
/// assert_eq!(format!("{:.1}%", g.percent()), "24.3%");
/// assert!(Growth::new(2022, 2023, 0, 5).is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Growth {
    from_year: i32,
    to_year: i32,
    from: u64,
    to: u64,
}

impl Growth {
    /// The growth from `from` in fiscal year `from_year` to `to` in `to_year` (fiscal years by
    /// their start year); `None` when `from` is zero or `to_year` is not after `from_year`.
    ///
    /// # Example
    /// ```
    /// use pkit::analytics::Growth;
    /// assert!(Growth::new(2021, 2024, 2_616_000_000, 3_810_000_000).is_some());
    /// assert!(Growth::new(2024, 2024, 1, 2).is_none());
    /// ```
    pub fn new(from_year: i32, to_year: i32, from: u64, to: u64) -> Option<Growth> {
        (from > 0 && to_year > from_year).then_some(Growth {
            from_year,
            to_year,
            from,
            to,
        })
    }

    /// The growth between two fiscal-year totals (complete or not: the caller chooses).
    pub(crate) fn between(from: &FiscalYearTotal, to: &FiscalYearTotal) -> Option<Growth> {
        Growth::new(from.fiscal_year, to.fiscal_year, from.value, to.value)
    }

    /// The fiscal year of the base value, by its start year.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::analytics::Growth::new(2022, 2023, 1, 2).unwrap().from_year(), 2022);
    /// ```
    pub fn from_year(&self) -> i32 {
        self.from_year
    }

    /// The fiscal year of the later value, by its start year.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::analytics::Growth::new(2022, 2023, 1, 2).unwrap().to_year(), 2023);
    /// ```
    pub fn to_year(&self) -> i32 {
        self.to_year
    }

    /// The base value (never zero).
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::analytics::Growth::new(2022, 2023, 1, 2).unwrap().from(), 1);
    /// ```
    pub fn from(&self) -> u64 {
        self.from
    }

    /// The later value.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::analytics::Growth::new(2022, 2023, 1, 2).unwrap().to(), 2);
    /// ```
    pub fn to(&self) -> u64 {
        self.to
    }

    /// How many years lie between the two values (at least 1).
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::analytics::Growth::new(2019, 2024, 1, 2).unwrap().years(), 5);
    /// ```
    pub fn years(&self) -> u32 {
        self.to_year.abs_diff(self.from_year)
    }

    /// The change as a fraction of the base: `to / from − 1` (0.25 is 25% growth; −1 when
    /// `to` is zero). The difference is taken exactly in integers first.
    ///
    /// # Example
    /// ```
    /// let g = pkit::analytics::Growth::new(2022, 2023, 400, 500).unwrap();
    /// assert_eq!(g.ratio(), 0.25);
    /// ```
    pub fn ratio(&self) -> f64 {
        let change = i128::from(self.to) - i128::from(self.from);
        change as f64 / self.from as f64
    }

    /// [`Growth::ratio`] in percent.
    ///
    /// # Example
    /// ```
    /// let g = pkit::analytics::Growth::new(2022, 2023, 400, 300).unwrap();
    /// assert_eq!(g.percent(), -25.0);
    /// ```
    pub fn percent(&self) -> f64 {
        self.ratio() * 100.0
    }

    /// The compound annual growth rate: `(to / from)^(1 / years) − 1`, as a fraction.
    ///
    /// # Example
    /// ```
    /// let g = pkit::analytics::Growth::new(2020, 2022, 100, 144).unwrap();
    /// assert!((g.cagr() - 0.2).abs() < 1e-12);
    /// ```
    pub fn cagr(&self) -> f64 {
        // ln_1p / exp_m1 keep precision for small rates; ratio −1 gives −1.
        (self.ratio().ln_1p() / f64::from(self.years())).exp_m1()
    }
}

impl Series {
    /// Year-on-year growth between each two consecutive fiscal years whose totals are both
    /// complete (see [`Series::fiscal_years`]); none across a gap, a partial year or a zero base.
    ///
    /// # Example
    /// ```
    /// use pkit::{model::Indicator, value::Region};
    /// let s = pkit::Registry::sample().series(Indicator::IctExports, Region::PAKISTAN);
    /// let fy24 = s.growth().into_iter().find(|g| g.to_year() == 2023).unwrap();
    /// assert_eq!((fy24.from(), fy24.to()), (2_593_000_000, 3_223_000_000));
    /// assert_eq!(format!("{:.1}", fy24.percent()), "24.3");
    /// ```
    pub fn growth(&self) -> Vec<Growth> {
        let complete: Vec<FiscalYearTotal> = self
            .fiscal_years()
            .into_iter()
            .filter(FiscalYearTotal::is_complete)
            .collect();
        complete
            .windows(2)
            .filter_map(|pair| match pair {
                [a, b] if b.fiscal_year == a.fiscal_year + 1 => Growth::between(a, b),
                _ => None,
            })
            .collect()
    }

    /// The growth from fiscal year `from_fy` to `to_fy` (by start year) when both totals are
    /// complete, `to_fy` is after `from_fy` and the base is not zero; its
    /// [`cagr`](Growth::cagr) is the compound annual growth rate.
    ///
    /// # Example
    /// ```
    /// use pkit::{model::Indicator, value::Region};
    /// let s = pkit::Registry::sample().series(Indicator::IctExports, Region::PAKISTAN);
    /// let g = s.cagr(2015, 2024).unwrap();
    /// assert_eq!((g.from(), g.to(), g.years()), (788_640_000, 3_810_000_000, 9));
    /// assert!(s.cagr(2024, 2025).is_none()); // FY2025-26 is partial
    /// ```
    pub fn cagr(&self, from_fy: i32, to_fy: i32) -> Option<Growth> {
        let years = self.fiscal_years();
        let complete = |fy: i32| {
            years
                .iter()
                .find(|t| t.fiscal_year == fy && t.is_complete())
        };
        Growth::between(complete(from_fy)?, complete(to_fy)?)
    }
}

#[cfg(test)]
mod tests;
