//! [`FiscalYear`]: Pakistan's fiscal year (1 July – 30 June), and where a period sits inside
//! one ([`FiscalSlot`]). The fiscal calendar is written here once; periods, rules, roll-ups,
//! tables and labels all ask it.

use std::fmt;

use super::{Date, Period};

/// A fiscal year, by the calendar year it starts in: `FiscalYear::new(2023)` is `FY2023-24`,
/// 2023-07-01..=2024-06-30.
///
/// # Example
/// ```
/// use pkit::value::{Date, FiscalYear, Period};
/// let fy = FiscalYear::new(2023);
/// assert_eq!(fy.to_string(), "FY2023-24");
/// assert_eq!(fy.first_day(), Date::new(2023, 7, 1).unwrap());
/// assert_eq!(fy.last_day(), Date::new(2024, 6, 30).unwrap());
/// assert_eq!(FiscalYear::containing(Date::new(2024, 3, 1).unwrap()), fy);
/// assert_eq!(fy.period(), Period::FiscalYear(2023));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear(i32);

impl FiscalYear {
    /// The calendar month a fiscal year starts in: July.
    pub const FIRST_MONTH: u8 = 7;
    /// The months of a fiscal year.
    pub const MONTHS: u8 = 12;
    /// The mask of [`FiscalSlot::months`] that covers the whole year.
    pub const WHOLE: u16 = (1 << Self::MONTHS) - 1;

    /// The fiscal year that starts in July of `start_year`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::value::FiscalYear::new(2099).to_string(), "FY2099-00");
    /// ```
    pub const fn new(start_year: i32) -> FiscalYear {
        FiscalYear(start_year)
    }

    /// The calendar year the fiscal year starts in.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::value::FiscalYear::new(2023).start_year(), 2023);
    /// ```
    pub const fn start_year(self) -> i32 {
        self.0
    }

    /// The fiscal year a day falls in.
    ///
    /// # Example
    /// ```
    /// use pkit::value::{Date, FiscalYear};
    /// assert_eq!(FiscalYear::containing(Date::new(2024, 6, 30).unwrap()), FiscalYear::new(2023));
    /// assert_eq!(FiscalYear::containing(Date::new(2024, 7, 1).unwrap()), FiscalYear::new(2024));
    /// ```
    pub fn containing(day: Date) -> FiscalYear {
        if day.month() >= u32::from(Self::FIRST_MONTH) {
            FiscalYear(day.year())
        } else {
            FiscalYear(day.year() - 1)
        }
    }

    /// The last fiscal year that ends on or before `day`.
    ///
    /// # Example
    /// ```
    /// use pkit::value::{Date, FiscalYear};
    /// assert_eq!(FiscalYear::last_ended_by(Date::new(2025, 6, 30).unwrap()), FiscalYear::new(2024));
    /// assert_eq!(FiscalYear::last_ended_by(Date::new(2025, 12, 31).unwrap()), FiscalYear::new(2024));
    /// assert_eq!(FiscalYear::last_ended_by(Date::new(2025, 6, 29).unwrap()), FiscalYear::new(2023));
    /// ```
    pub fn last_ended_by(day: Date) -> FiscalYear {
        let current = FiscalYear::containing(day);
        if day == current.last_day() {
            current
        } else {
            FiscalYear(current.0 - 1)
        }
    }

    /// The year's first day, 1 July.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::value::FiscalYear::new(2023).first_day().to_string(), "2023-07-01");
    /// ```
    pub fn first_day(self) -> Date {
        self.period().first_day()
    }

    /// The year's last day, 30 June.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::value::FiscalYear::new(2023).last_day().to_string(), "2024-06-30");
    /// ```
    pub fn last_day(self) -> Date {
        self.period().last_day()
    }

    /// The year as a period, `FY2023-24`.
    ///
    /// # Example
    /// ```
    /// use pkit::value::{FiscalYear, Period};
    /// assert_eq!(FiscalYear::new(2023).period(), Period::FiscalYear(2023));
    /// ```
    pub const fn period(self) -> Period {
        Period::FiscalYear(self.0)
    }

    /// The next fiscal year.
    ///
    /// # Example
    /// ```
    /// use pkit::value::FiscalYear;
    /// assert_eq!(FiscalYear::new(2023).next(), FiscalYear::new(2024));
    /// ```
    pub const fn next(self) -> FiscalYear {
        FiscalYear(self.0 + 1)
    }

    /// The calendar year and month of the year's `k`-th month, from 0 (July) to 11 (June).
    pub(crate) const fn calendar_month(self, k: u8) -> (i32, u8) {
        let m = Self::FIRST_MONTH - 1 + k; // months since January of the start year
        (self.0 + (m / 12) as i32, m % 12 + 1)
    }

    /// The twelve months of the year, July first.
    ///
    /// # Example
    /// ```
    /// use pkit::value::{FiscalYear, Period};
    /// let months: Vec<Period> = FiscalYear::new(2023).months().collect();
    /// assert_eq!((months[0], months[11]), (Period::Month(2023, 7), Period::Month(2024, 6)));
    /// ```
    pub fn months(self) -> impl Iterator<Item = Period> {
        (0..Self::MONTHS).map(move |k| {
            let (y, m) = self.calendar_month(k);
            Period::Month(y, m)
        })
    }

    /// The four fiscal quarters of the year, Q1 (July–September) first.
    ///
    /// # Example
    /// ```
    /// use pkit::value::{FiscalYear, Period};
    /// assert_eq!(FiscalYear::new(2023).quarters().last(), Some(Period::FiscalQuarter(2023, 4)));
    /// ```
    pub fn quarters(self) -> impl Iterator<Item = Period> {
        (1..=4).map(move |q| Period::FiscalQuarter(self.0, q))
    }
}

impl fmt::Display for FiscalYear {
    /// `FY2023-24`: the start year, then the last two digits of the year it ends in.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FY{:04}-{:02}", self.0, (self.0 + 1).rem_euclid(100))
    }
}

/// Where a period sits in its fiscal year: the whole year, one of its quarters, or one of its
/// months. Export records and the consistency rules take periods of these three kinds.
///
/// # Example
/// ```
/// use pkit::value::{FiscalSlot, FiscalYear, Period};
/// assert_eq!(Period::Month(2024, 3).fiscal_slot(), Some((FiscalYear::new(2023), FiscalSlot::Month(8))));
/// assert_eq!(FiscalSlot::Quarter(2).months(), 0b111_000);
/// assert_eq!(FiscalSlot::Year.months(), FiscalYear::WHOLE);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FiscalSlot {
    /// The whole fiscal year.
    Year,
    /// Fiscal quarter 1..=4 (Q1 is July–September).
    Quarter(u8),
    /// Fiscal month 0..=11 (0 is July).
    Month(u8),
}

impl FiscalSlot {
    /// How many slots a fiscal year has: the year, four quarters, twelve months.
    pub const COUNT: usize = 17;

    /// The slot's number: 0 for the year, 1..=4 for the quarters, 5..=16 for the months; the
    /// order in which a roll-up considers them (the year before its quarters, a quarter before
    /// its months).
    ///
    /// # Example
    /// ```
    /// use pkit::value::FiscalSlot;
    /// assert_eq!([FiscalSlot::Year, FiscalSlot::Quarter(4), FiscalSlot::Month(11)].map(FiscalSlot::index), [0, 4, 16]);
    /// ```
    pub const fn index(self) -> usize {
        match self {
            FiscalSlot::Year => 0,
            FiscalSlot::Quarter(q) => q as usize,
            FiscalSlot::Month(m) => 5 + m as usize,
        }
    }

    /// The fiscal months the slot covers, as bits: bit 0 is July, bit 11 June.
    ///
    /// # Example
    /// ```
    /// use pkit::value::FiscalSlot;
    /// assert_eq!(FiscalSlot::Month(0).months(), 1);
    /// assert_eq!(FiscalSlot::Quarter(1).months(), 0b111);
    /// ```
    pub const fn months(self) -> u16 {
        match self {
            FiscalSlot::Year => FiscalYear::WHOLE,
            FiscalSlot::Quarter(q) => 0b111 << (3 * (q - 1)),
            FiscalSlot::Month(m) => 1 << m,
        }
    }
}

impl Period {
    /// The fiscal year a fiscal year, fiscal quarter or month lies in, and where; `None` for
    /// calendar years and quarters.
    ///
    /// # Example
    /// ```
    /// use pkit::value::{FiscalSlot, FiscalYear, Period};
    /// assert_eq!(Period::FiscalQuarter(2023, 3).fiscal_slot(), Some((FiscalYear::new(2023), FiscalSlot::Quarter(3))));
    /// assert_eq!(Period::Month(2023, 7).fiscal_slot(), Some((FiscalYear::new(2023), FiscalSlot::Month(0))));
    /// assert_eq!(Period::Year(2024).fiscal_slot(), None);
    /// ```
    pub fn fiscal_slot(self) -> Option<(FiscalYear, FiscalSlot)> {
        match self {
            Period::FiscalYear(y) => Some((FiscalYear(y), FiscalSlot::Year)),
            Period::FiscalQuarter(y, q) => Some((FiscalYear(y), FiscalSlot::Quarter(q))),
            Period::Month(y, m) => {
                let first = FiscalYear::FIRST_MONTH;
                let (fy, k) = if m >= first {
                    (y, m - first)
                } else {
                    (y - 1, m + FiscalYear::MONTHS - first)
                };
                Some((FiscalYear(fy), FiscalSlot::Month(k)))
            }
            Period::Year(_) | Period::Quarter(..) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_slot_of_a_year_maps_back_to_its_period() {
        let fy = FiscalYear::new(2023);
        let periods: Vec<Period> = std::iter::once(fy.period())
            .chain(fy.quarters())
            .chain(fy.months())
            .collect();
        assert_eq!(periods.len(), FiscalSlot::COUNT);
        for (i, p) in periods.iter().enumerate() {
            let (year, slot) = p.fiscal_slot().unwrap();
            assert_eq!((year, slot.index()), (fy, i), "{p}");
            // The months a slot covers are the months its period covers.
            let covered: Vec<Period> = fy
                .months()
                .enumerate()
                .filter(|(k, _)| slot.months() & (1 << k) != 0)
                .map(|(_, m)| m)
                .collect();
            assert!(covered.iter().all(|m| p.contains(*m)), "{p}");
            assert_eq!(
                covered.len(),
                fy.months().filter(|m| p.contains(*m)).count()
            );
        }
    }

    #[test]
    fn fiscal_years_contain_their_days_and_no_others() {
        for (y, m, d, fy) in [(2024, 6, 30, 2023), (2024, 7, 1, 2024), (1900, 1, 1, 1899)] {
            let day = Date::new(y, m, d).unwrap();
            let year = FiscalYear::containing(day);
            assert_eq!(year, FiscalYear::new(fy));
            assert!(year.first_day() <= day && day <= year.last_day());
        }
        assert_eq!(FiscalYear::new(1999).to_string(), "FY1999-00");
        assert_eq!(FiscalYear::new(2023).next().to_string(), "FY2024-25");
    }
}
