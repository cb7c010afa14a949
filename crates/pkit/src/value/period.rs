//! [`Period`]: fiscal years and quarters (1 July – 30 June), months, calendar years and quarters.

use std::fmt;
use std::str::FromStr;

use super::{Date, FiscalYear, ParseError};
use crate::issue::Code;

/// A span of time that figures are reported for (SPEC §1.2).
///
/// Pakistan's fiscal year runs from 1 July to 30 June; `FiscalYear(2023)` is `FY2023-24`.
///
/// # Example
/// ```
/// use pkit::value::{Date, Period, PeriodForm};
/// let fy: Period = "FY2023-24".parse()?;
/// assert_eq!(fy, Period::FiscalYear(2023));
/// assert_eq!(fy.first_day(), Date::new(2023, 7, 1).unwrap());
/// assert_eq!(fy.last_day(), Date::new(2024, 6, 30).unwrap());
/// let q3: Period = "FY2023-24-Q3".parse()?;
/// assert_eq!(q3.first_day().to_string(), "2024-01-01");
/// assert!(fy.overlaps(q3));
/// assert_eq!("2019-Q2".parse::<Period>()?.form(), PeriodForm::CalendarQuarter);
/// assert!("FY2023-25".parse::<Period>().is_err());
/// # Ok::<(), pkit::value::ParseError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// A fiscal year, by the calendar year it starts in: `FiscalYear(2023)` is `FY2023-24`.
    FiscalYear(i32),
    /// A fiscal quarter (1..=4) of the fiscal year starting in the given year; Q1 is Jul–Sep.
    FiscalQuarter(i32, u8),
    /// A calendar month (1..=12): `Month(2024, 3)` is `2024-03`.
    Month(i32, u8),
    /// A calendar year: `2024`.
    Year(i32),
    /// A calendar quarter (1..=4): `Quarter(2019, 2)` is `2019-Q2`.
    Quarter(i32, u8),
}

/// The five forms a [`Period`] can take; each field of the format accepts some of them.
///
/// # Example
/// ```
/// use pkit::value::PeriodForm;
/// assert_eq!(PeriodForm::FiscalQuarter.to_string(), "fiscal quarter");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodForm {
    /// `FY2023-24`
    FiscalYear,
    /// `FY2023-24-Q1`
    FiscalQuarter,
    /// `2024-03`
    Month,
    /// `2024`
    CalendarYear,
    /// `2019-Q2`
    CalendarQuarter,
}

impl PeriodForm {
    /// Every form, in the order of SPEC §1.2.
    pub const ALL: [PeriodForm; 5] = [
        PeriodForm::FiscalYear,
        PeriodForm::FiscalQuarter,
        PeriodForm::Month,
        PeriodForm::CalendarYear,
        PeriodForm::CalendarQuarter,
    ];

    fn example(self) -> &'static str {
        match self {
            PeriodForm::FiscalYear => "FY2023-24",
            PeriodForm::FiscalQuarter => "FY2023-24-Q1",
            PeriodForm::Month => "2024-03",
            PeriodForm::CalendarYear => "2024",
            PeriodForm::CalendarQuarter => "2019-Q2",
        }
    }
}

impl fmt::Display for PeriodForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PeriodForm::FiscalYear => "fiscal year",
            PeriodForm::FiscalQuarter => "fiscal quarter",
            PeriodForm::Month => "month",
            PeriodForm::CalendarYear => "calendar year",
            PeriodForm::CalendarQuarter => "calendar quarter",
        })
    }
}

impl Period {
    /// Which form this period has.
    ///
    /// # Example
    /// ```
    /// use pkit::value::{Period, PeriodForm};
    /// assert_eq!(Period::Month(2024, 3).form(), PeriodForm::Month);
    /// ```
    pub fn form(self) -> PeriodForm {
        match self {
            Period::FiscalYear(_) => PeriodForm::FiscalYear,
            Period::FiscalQuarter(..) => PeriodForm::FiscalQuarter,
            Period::Month(..) => PeriodForm::Month,
            Period::Year(_) => PeriodForm::CalendarYear,
            Period::Quarter(..) => PeriodForm::CalendarQuarter,
        }
    }

    /// The first (year, month) of the period and how many months it spans.
    fn months(self) -> (i32, u32, u32) {
        match self {
            Period::FiscalYear(y) => {
                let (y, m) = FiscalYear::new(y).calendar_month(0);
                (y, u32::from(m), 12)
            }
            Period::FiscalQuarter(y, q) => {
                let (y, m) = FiscalYear::new(y).calendar_month(3 * (q - 1));
                (y, u32::from(m), 3)
            }
            Period::Month(y, m) => (y, u32::from(m), 1),
            Period::Year(y) => (y, 1, 12),
            Period::Quarter(y, q) => (y, 1 + 3 * (u32::from(q) - 1), 3),
        }
    }

    /// The month index (year × 12 + month − 1) of the first and of the last month covered.
    fn month_span(self) -> (i64, i64) {
        let (y, m, n) = self.months();
        let first = i64::from(y) * 12 + i64::from(m) - 1;
        (first, first + i64::from(n) - 1)
    }

    /// The first day the period covers.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::value::Period::Quarter(2019, 2).first_day().to_string(), "2019-04-01");
    /// ```
    pub fn first_day(self) -> Date {
        let (y, m, _) = self.months();
        Date::unbounded(y, m, 1).unwrap_or(Date::MIN)
    }

    /// The last day the period covers.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::value::Period::Month(2024, 2).last_day().to_string(), "2024-02-29");
    /// ```
    pub fn last_day(self) -> Date {
        let (_, last) = self.month_span();
        let (y, m) = (last.div_euclid(12), last.rem_euclid(12) + 1);
        let next = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        i32::try_from(next.0)
            .ok()
            .and_then(|ny| Date::unbounded(ny, u32::try_from(next.1).unwrap_or(1), 1))
            .map_or(Date::MAX, |d| d.add_days(-1))
    }

    /// True when the two periods share at least one day.
    ///
    /// # Example
    /// ```
    /// use pkit::value::Period;
    /// assert!(Period::FiscalYear(2023).overlaps(Period::Month(2024, 6)));
    /// assert!(!Period::FiscalYear(2023).overlaps(Period::Month(2024, 7)));
    /// ```
    pub fn overlaps(self, other: Period) -> bool {
        let (a0, a1) = self.month_span();
        let (b0, b1) = other.month_span();
        a0 <= b1 && b0 <= a1
    }

    /// True when every day of `other` lies in `self`.
    ///
    /// # Example
    /// ```
    /// use pkit::value::Period;
    /// assert!(Period::FiscalYear(2023).contains(Period::FiscalQuarter(2023, 4)));
    /// assert!(!Period::Year(2024).contains(Period::FiscalYear(2023)));
    /// ```
    pub fn contains(self, other: Period) -> bool {
        let (a0, a1) = self.month_span();
        let (b0, b1) = other.month_span();
        a0 <= b0 && b1 <= a1
    }

    /// The fiscal year (by its start year) that wholly contains this period, if one does.
    ///
    /// # Example
    /// ```
    /// use pkit::value::Period;
    /// assert_eq!(Period::Month(2024, 3).fiscal_year(), Some(2023));
    /// assert_eq!(Period::Month(2024, 7).fiscal_year(), Some(2024));
    /// assert_eq!(Period::Year(2024).fiscal_year(), None);
    /// ```
    pub fn fiscal_year(self) -> Option<i32> {
        let (first, last) = self.month_span();
        // Fiscal year y starts at month index y * 12 + (FIRST_MONTH - 1).
        let offset = i64::from(FiscalYear::FIRST_MONTH) - 1;
        let fy = (first - offset).div_euclid(12);
        let end = fy * 12 + offset + 11;
        (last <= end).then(|| i32::try_from(fy).ok()).flatten()
    }

    /// Parses a period and checks that its form is one of `forms`.
    ///
    /// # Errors
    /// `invalid_period` when the text is no period, or a period of another form.
    ///
    /// # Example
    /// ```
    /// use pkit::value::{Period, PeriodForm};
    /// let forms = [PeriodForm::FiscalYear, PeriodForm::CalendarYear];
    /// assert!(Period::parse_form("FY2024-25", &forms).is_ok());
    /// assert!(Period::parse_form("2024-03", &forms).is_err());
    /// ```
    pub fn parse_form(s: &str, forms: &[PeriodForm]) -> Result<Period, ParseError> {
        let period: Period = s.parse()?;
        if forms.contains(&period.form()) {
            return Ok(period);
        }
        let accepted: Vec<String> = forms
            .iter()
            .map(|f| format!("{f} ({})", f.example()))
            .collect();
        Err(ParseError::new(
            Code::InvalidPeriod,
            format!(
                "`{s}` is a {}; this field takes a {}",
                period.form(),
                accepted.join(" or ")
            ),
        ))
    }
}

fn num(bytes: &[u8]) -> Option<i32> {
    bytes.iter().try_fold(0i32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + i32::from(b - b'0'))
    })
}

fn quarter(b: &[u8]) -> Option<u8> {
    match b {
        [b'Q', q @ b'1'..=b'4'] => Some(q - b'0'),
        _ => None,
    }
}

fn parse_shape(s: &str) -> Option<Result<Period, &'static str>> {
    let b = s.as_bytes();
    let period = match b {
        [b'F', b'Y', y @ .., b'-', s1, s2] if y.len() == 4 => {
            let (start, suffix) = (num(y)?, num(&[*s1, *s2])?);
            if suffix != (start + 1) % 100 {
                return Some(Err("the two-digit suffix must be the year after the start"));
            }
            Period::FiscalYear(start)
        }
        [b'F', b'Y', y @ .., b'-', s1, s2, b'-', q1, q2] if y.len() == 4 => {
            let (start, suffix) = (num(y)?, num(&[*s1, *s2])?);
            if suffix != (start + 1) % 100 {
                return Some(Err("the two-digit suffix must be the year after the start"));
            }
            Period::FiscalQuarter(start, quarter(&[*q1, *q2])?)
        }
        [y @ .., b'-', b'Q', q] if y.len() == 4 => Period::Quarter(num(y)?, quarter(&[b'Q', *q])?),
        [y @ .., b'-', m1, m2] if y.len() == 4 => {
            let month = u8::try_from(num(&[*m1, *m2])?).ok()?;
            if !(1..=12).contains(&month) {
                return None;
            }
            Period::Month(num(y)?, month)
        }
        y if y.len() == 4 => Period::Year(num(y)?),
        _ => return None,
    };
    Some(Ok(period))
}

impl FromStr for Period {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Period, ParseError> {
        match parse_shape(s) {
            None => Err(ParseError::new(
                Code::InvalidPeriod,
                format!(
                    "`{s}` is not a period: expected FY2023-24, FY2023-24-Q1, 2024-03, 2024 or 2019-Q2"
                ),
            )),
            Some(Err(why)) => Err(ParseError::new(
                Code::InvalidPeriod,
                format!("`{s}` is not a fiscal year: {why}"),
            )),
            Some(Ok(p)) if p.first_day() < Date::MIN || p.last_day() > Date::MAX => {
                Err(ParseError::new(
                    Code::InvalidPeriod,
                    format!("`{s}` covers days outside 1900-01-01..=2100-12-31"),
                ))
            }
            Some(Ok(p)) => Ok(p),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::FiscalYear(y) => write!(f, "{}", FiscalYear::new(y)),
            Period::FiscalQuarter(y, q) => write!(f, "{}-Q{q}", FiscalYear::new(y)),
            Period::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Period::Year(y) => write!(f, "{y:04}"),
            Period::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
        }
    }
}

impl fmt::Debug for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

super::serialize_display!(Period);

/// The JSON Schema of a field that takes periods of `forms`: a string matching one of their
/// patterns (the field's own doc comment describes it).
pub(crate) fn schema(forms: &[PeriodForm]) -> schemars::Schema {
    let alternatives: Vec<String> = forms.iter().map(|&f| form_pattern(f)).collect();
    schemars::json_schema!({
        "type": "string",
        "pattern": format!("^({})$", alternatives.join("|")),
    })
}

/// The JSON Schema pattern of each period form (without anchors): years 1900..=2100, the
/// fiscal-year suffix spelled out (JSON Schema regexes have no arithmetic).
fn form_pattern(form: PeriodForm) -> String {
    const YEAR: &str = "(19[0-9]{2}|20[0-9]{2}|2100)";
    let pairs: Vec<String> = (0..100)
        .map(|y| format!("{y:02}-{:02}", (y + 1) % 100))
        .collect();
    let fiscal = format!("FY(19|20)({})", pairs.join("|"));
    match form {
        PeriodForm::FiscalYear => fiscal,
        // The quarters of FY1899-00 and FY2100-01 that fall inside 1900..=2100 are periods too.
        PeriodForm::FiscalQuarter => format!("{fiscal}-Q[1-4]|FY1899-00-Q[34]|FY2100-01-Q[12]"),
        PeriodForm::Month => format!("{YEAR}-(0[1-9]|1[0-2])"),
        PeriodForm::CalendarYear => YEAR.to_owned(),
        PeriodForm::CalendarQuarter => format!("{YEAR}-Q[1-4]"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_form() {
        for s in [
            "FY2023-24",
            "FY2099-00",
            "FY1999-00",
            "FY2023-24-Q4",
            "2024-03",
            "2024",
            "2019-Q2",
            "1900",
            "2100-12",
        ] {
            assert_eq!(
                s.parse::<Period>().map(|p| p.to_string()).as_deref(),
                Ok(s),
                "{s}"
            );
        }
    }

    #[test]
    fn rejects_malformed_and_out_of_range() {
        for s in [
            "FY2023-25",
            "FY2100-01",
            "1899",
            "2101",
            "2024-13",
            "2024-3",
            "2024-00",
            "FY2023-24-Q5",
            "2019-Q0",
            "fy2023-24",
            "FY23-24",
            "",
            "2024-Q",
            " 2024",
        ] {
            assert!(s.parse::<Period>().is_err(), "{s}");
        }
    }

    #[test]
    fn edge_quarters_follow_the_day_range() {
        assert!("FY1899-00-Q3".parse::<Period>().is_ok());
        assert!("FY1899-00-Q2".parse::<Period>().is_err());
        assert!("FY2100-01-Q2".parse::<Period>().is_ok());
        assert!("FY2100-01-Q3".parse::<Period>().is_err());
    }

    #[test]
    fn fiscal_quarters_map_to_months() {
        let p = |s: &str| s.parse::<Period>().ok();
        let q = |s: &str| p(s).map(|x| (x.first_day().to_string(), x.last_day().to_string()));
        assert_eq!(
            q("FY2023-24-Q1"),
            Some(("2023-07-01".into(), "2023-09-30".into()))
        );
        assert_eq!(
            q("FY2023-24-Q2"),
            Some(("2023-10-01".into(), "2023-12-31".into()))
        );
        assert_eq!(
            q("FY2023-24-Q3"),
            Some(("2024-01-01".into(), "2024-03-31".into()))
        );
        assert_eq!(
            q("FY2023-24-Q4"),
            Some(("2024-04-01".into(), "2024-06-30".into()))
        );
        assert_eq!(
            q("FY2099-00"),
            Some(("2099-07-01".into(), "2100-06-30".into()))
        );
        assert_eq!(p("FY2023-24-Q2").and_then(|x| x.fiscal_year()), Some(2023));
    }
}
