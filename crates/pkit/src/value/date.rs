//! [`Date`]: a calendar date written exactly `YYYY-MM-DD`, years 1900..=2100.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use super::ParseError;
use crate::issue::Code;

/// A calendar date written exactly `YYYY-MM-DD`. Dates read from a document lie in
/// 1900-01-01..=2100-12-31 ([`Date::MIN`]..=[`Date::MAX`]); dates computed from them
/// ([`Date::add_days`], [`Date::add_years`], the end of a period) may lie outside.
///
/// Parsing is strict (no `2024-2-9`, no spaces, no time); printing gives the same form back.
///
/// # Example
/// ```
/// use pkit::value::Date;
/// let d: Date = "2024-02-29".parse()?;
/// assert_eq!((d.year(), d.month(), d.day()), (2024, 2, 29));
/// assert_eq!(d.to_string(), "2024-02-29");
/// assert!("2023-02-29".parse::<Date>().is_err());
/// assert!("2024-2-9".parse::<Date>().is_err());
/// # Ok::<(), pkit::value::ParseError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

impl Date {
    /// The earliest date the format accepts, 1900-01-01.
    pub const MIN: Date = Date(ymd(1900, 1, 1));
    /// The latest date the format accepts, 2100-12-31.
    pub const MAX: Date = Date(ymd(2100, 12, 31));

    /// The date of this year, month and day, if it exists and lies in 1900..=2100.
    ///
    /// # Example
    /// ```
    /// use pkit::value::Date;
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2101, 1, 1).is_none());
    /// ```
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let date = Date(NaiveDate::from_ymd_opt(year, month, day)?);
        (Date::MIN..=Date::MAX).contains(&date).then_some(date)
    }

    /// Like [`Date::new`] without the 1900..=2100 bound, for computed dates (a period's end).
    pub(crate) fn unbounded(year: i32, month: u32, day: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, month, day).map(Date)
    }

    /// The year.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::value::Date::new(2024, 7, 1).map(|d| d.year()), Some(2024));
    /// ```
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1..=12.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::value::Date::new(2024, 7, 1).map(|d| d.month()), Some(7));
    /// ```
    pub fn month(self) -> u32 {
        self.0.month()
    }

    /// The day of the month, 1..=31.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::value::Date::new(2024, 7, 1).map(|d| d.day()), Some(1));
    /// ```
    pub fn day(self) -> u32 {
        self.0.day()
    }

    /// The same month and day `years` later; 29 February becomes 28 February in a common year.
    ///
    /// # Example
    /// ```
    /// use pkit::value::Date;
    /// let leap = Date::new(2024, 2, 29).unwrap();
    /// assert_eq!(leap.add_years(3), Date::new(2027, 2, 28).unwrap());
    /// ```
    pub fn add_years(self, years: i32) -> Date {
        let year = self.year() + years;
        let date = NaiveDate::from_ymd_opt(year, self.month(), self.day())
            .or_else(|| NaiveDate::from_ymd_opt(year, self.month(), self.day() - 1))
            .unwrap_or(self.0);
        Date(date)
    }

    /// The date `days` later (earlier when negative).
    ///
    /// # Example
    /// ```
    /// use pkit::value::Date;
    /// assert_eq!(Date::new(2024, 2, 28).unwrap().add_days(1), Date::new(2024, 2, 29).unwrap());
    /// ```
    pub fn add_days(self, days: i64) -> Date {
        self.0
            .checked_add_signed(chrono::TimeDelta::days(days))
            .map_or(self, Date)
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    ///
    /// # Example
    /// ```
    /// use pkit::value::Date;
    /// let (a, b) = (Date::new(2024, 1, 1).unwrap(), Date::new(2024, 3, 1).unwrap());
    /// assert_eq!(a.days_until(b), 60);
    /// ```
    pub fn days_until(self, later: Date) -> i64 {
        (later.0 - self.0).num_days()
    }

    /// The date as a chrono [`NaiveDate`].
    ///
    /// # Example
    /// ```
    /// let d = pkit::value::Date::new(2024, 7, 1).unwrap();
    /// assert_eq!(d.to_naive().to_string(), "2024-07-01");
    /// ```
    pub fn to_naive(self) -> NaiveDate {
        self.0
    }
}

/// A date known at compile time to exist.
const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

impl FromStr for Date {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Date, ParseError> {
        let b = s.as_bytes();
        let parsed = (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
            .then(|| Some((digits(&b[0..4])?, digits(&b[5..7])?, digits(&b[8..10])?)))
            .flatten();
        let Some((y, m, d)) = parsed else {
            return Err(ParseError::new(
                Code::InvalidDate,
                format!("`{s}` is not a date: expected YYYY-MM-DD"),
            ));
        };
        // Four digits always fit an i32.
        let year = i32::try_from(y).unwrap_or(i32::MAX);
        match NaiveDate::from_ymd_opt(year, m, d) {
            None => Err(ParseError::new(
                Code::InvalidDate,
                format!("`{s}` is not a calendar date"),
            )),
            Some(_) if !(1900..=2100).contains(&year) => Err(ParseError::new(
                Code::InvalidDate,
                format!("`{s}` is outside the years 1900..=2100"),
            )),
            Some(date) => Ok(Date(date)),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

super::serialize_display!(Date);

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar date written exactly YYYY-MM-DD, years 1900..=2100.",
            "type": "string",
            "format": "date",
            "pattern": "^(19[0-9]{2}|20[0-9]{2}|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_form() {
        for bad in [
            "2024-2-09",
            " 2024-02-09",
            "2024-02-09 ",
            "2024/02/09",
            "20240209",
            "2024-02-09T00",
            "+024-02-09",
            "2024-00-10",
            "2024-13-01",
            "2024-04-31",
            "1899-12-31",
            "2101-01-01",
            "２０２４-02-09",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        for good in ["1900-01-01", "2100-12-31", "2000-02-29", "2024-02-29"] {
            assert_eq!(
                good.parse::<Date>().map(|d| d.to_string()).ok().as_deref(),
                Some(good)
            );
        }
    }

    #[test]
    fn years_later() {
        let d = |s: &str| s.parse::<Date>().ok();
        assert_eq!(d("2021-03-15").map(|x| x.add_years(3)), d("2024-03-15"));
        assert_eq!(d("2020-02-29").map(|x| x.add_years(1)), d("2021-02-28"));
        assert_eq!(d("2020-02-29").map(|x| x.add_years(4)), d("2024-02-29"));
    }
}
