//! The results of the analytics as small read-only classes, converted from the core's.

use chrono::NaiveDate;
use pkit::analytics as core;
use pyo3::prelude::*;

use crate::args::{self, FiscalYear};
use crate::errors::{not_picklable, Issue};
use crate::plain::Plain;
use crate::records::{list, record};

impl Plain for Issue {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.to_dict(py)?.into_any())
    }
}

record! {
    /// How many records have a label.
    Count from core::Count, |c| {
        /// The label: a region, a scheme, a programme, ...
        label: String,
        /// How many.
        count: usize,
    }
}

record! {
    /// Counts of one family broken down by a label.
    Breakdown from core::Breakdown, |b| {
        /// What is broken down.
        label: String,
        /// The total.
        total: usize,
        /// The counts per label.
        counts: Vec<Count>,
    }
}

record! {
    /// What a registry holds, at a glance (`Registry.summary()`).
    Summary from core::Summary, |s| {
        /// The day the registry speaks for.
        as_of: NaiveDate,
        /// How many companies.
        companies: usize,
        /// Companies per head-office region.
        companies_by_region: Vec<Count>,
        /// Companies per legal form.
        companies_by_legal_form: Vec<Count>,
        /// Certificates per scheme, broken down by derived status.
        certifications: Vec<Breakdown>,
        /// Awards per programme, broken down by result.
        awards: Vec<Breakdown>,
        /// Observations per indicator.
        observations_by_indicator: Vec<Count>,
        /// How many targets.
        targets: usize,
        /// How many rankings.
        rankings: usize,
        /// The registry's warnings.
        warnings: Vec<Issue>,
    }
}

record! {
    /// One value of a series: the latest published figure for a period.
    Point from core::Point, |p| {
        /// The period: `"FY2023-24"`, `"FY2024-25-Q1"`, `"2025-01"`.
        period: String,
        /// The value.
        value: u64,
        /// The day it was published.
        published_on: Option<NaiveDate>,
        /// The index of its observation in `Registry.observations`.
        observation: usize,
    }
}

record! {
    /// One published value of a period (a vintage).
    Vintage from core::Vintage, |v| {
        /// The value.
        value: u64,
        /// The day it was published.
        published_on: Option<NaiveDate>,
        /// The index of its observation in `Registry.observations`.
        observation: usize,
    }
}

record! {
    /// A fiscal year's total of a series.
    FiscalYearTotal from core::FiscalYearTotal, |t| {
        /// The year the fiscal year starts in: 2023 for FY2023-24.
        fiscal_year: i32,
        /// The label, `"FY2023-24"`.
        label: String = t.label(),
        /// The total.
        value: u64,
        /// How many months it covers (12 when complete).
        months_covered: u8,
        /// How it was made: `"annual"`, `"quarters"`, `"months"` or `"partial"`.
        basis: String,
        /// True when it covers the whole year.
        complete: bool = t.is_complete(),
    }
}

record! {
    /// Growth between two fiscal years.
    Growth from core::Growth, |g| {
        /// The first fiscal year (start year: 2023 for FY2023-24).
        from_year: i32 = g.from_year(),
        /// The last fiscal year.
        to_year: i32 = g.to_year(),
        /// The value in the first year.
        from_value: u64 = g.from(),
        /// The value in the last year.
        to_value: u64 = g.to(),
        /// Years between them.
        years: u32 = g.years(),
        /// The change as a fraction of the base: `to_value / from_value - 1` (0.25 is 25%).
        ratio: f64 = g.ratio(),
        /// The change in percent.
        percent: f64 = g.percent(),
        /// The compound annual growth rate, as a fraction (0.13 is 13% a year).
        cagr: f64 = g.cagr(),
    }
}

record! {
    /// How a target stands (`Registry.target_progress()`).
    TargetProgress from core::TargetProgress, |t| {
        /// The target's id.
        id: String,
        /// What it targets.
        indicator: String,
        /// `"PK"` or a province.
        region: String,
        /// The value to reach.
        target: u64,
        /// The deadline period.
        deadline: String,
        /// The fiscal year of the deadline (start year).
        deadline_fiscal_year: i32,
        /// The latest fiscal-year total of the series.
        latest: Option<FiscalYearTotal>,
        /// `latest / target`, as a fraction.
        share_achieved: Option<f64>,
        /// What is still missing.
        gap: Option<u64>,
        /// The yearly growth needed to reach the target in time, as a fraction.
        required_cagr: Option<f64>,
        /// The growth of recent years, as a fraction.
        trailing_cagr: Option<f64>,
        /// The value at the deadline if the trailing growth holds.
        projected: Option<u64>,
        /// `"met"`, `"missed"`, `"on_track"`, `"off_track"` or `"no_data"`.
        status: String,
    }
}

record! {
    /// All companies' exports in one fiscal year.
    ExportTotal from core::ExportTotal, |t| {
        /// The fiscal year (start year).
        fiscal_year: i32,
        /// The label, `"FY2023-24"`.
        label: String = t.label(),
        /// US dollars.
        value: u64,
        /// How many months it covers.
        months_covered: u8,
        /// True when it covers the whole year.
        complete: bool,
    }
}

record! {
    /// One (market, service) group of a company's exports in one fiscal year.
    ExportGroup from core::ExportGroup, |g| {
        /// The market, or `None` for records without one.
        market: Option<String>,
        /// The service, or `None`.
        service: Option<String>,
        /// The fiscal year (start year).
        fiscal_year: i32,
        /// US dollars.
        value: u64,
        /// How many months it covers.
        months_covered: u8,
        /// True when it covers the whole year.
        complete: bool,
    }
}

record! {
    /// Exports to one market in a fiscal year.
    MarketValue from core::MarketValue, |m| {
        /// The market, or `None` for records without one.
        market: Option<String>,
        /// US dollars.
        value: u64,
        /// True when every part covers the whole year.
        complete: bool,
    }
}

record! {
    /// Exports of one service category in a fiscal year.
    ServiceValue from core::ServiceValue, |s| {
        /// The service, or `None` for records without one.
        service: Option<String>,
        /// US dollars.
        value: u64,
        /// True when every part covers the whole year.
        complete: bool,
    }
}

record! {
    /// A company's exports in a fiscal year (`Registry.top_exporters()`).
    CompanyValue from core::CompanyValue, |c| {
        /// The company's id.
        company_id: String,
        /// Its legal name.
        legal_name: String,
        /// US dollars.
        value: u64,
        /// How many months it covers.
        months_covered: u8,
        /// True when it covers the whole year.
        complete: bool,
    }
}

record! {
    /// A market's share of all companies' exports in a fiscal year.
    MarketShare from core::MarketShare, |m| {
        /// The market (ISO 3166-1 alpha-2).
        market: String,
        /// US dollars.
        value: u64,
        /// The share of the year's exports with a market, as a fraction.
        share: f64,
    }
}

record! {
    /// The status of one certificate on a day.
    CertificateStatus from core::CertificateStatus, |c| {
        /// The company's id.
        company_id: String,
        /// The certificate's index in the company's `certifications`.
        index: usize,
        /// The scheme.
        scheme: String,
        /// The edition.
        edition: String,
        /// `"valid"`, `"expiring"`, `"expired"`, `"suspended"` or `"withdrawn"`.
        status: String,
        /// The day it stops being valid (its expiry, or an earlier transition deadline).
        effective_expiry: NaiveDate,
        /// Days from the day asked about to `effective_expiry` (negative when past).
        days_to_expiry: i64,
    }
}

record! {
    /// How many companies hold a valid certificate of a scheme.
    Coverage from core::Coverage, |c| {
        /// The scheme.
        scheme: String,
        /// Companies with a valid (or expiring) certificate.
        companies: usize,
        /// Their share of all companies, as a fraction.
        share: f64,
    }
}

record! {
    /// A certificate on an edition whose transition period has ended.
    TransitionGap from core::TransitionGap, |t| {
        /// The company's id.
        company_id: String,
        /// The scheme.
        scheme: String,
        /// The withdrawn edition.
        edition: String,
        /// The day the transition ended.
        transition_end: NaiveDate,
    }
}

record! {
    /// A company's award count.
    CompanyAwards from core::CompanyAwards, |c| {
        /// The company's id.
        company_id: String,
        /// Its legal name.
        legal_name: String,
        /// Awards entered or won.
        awards: usize,
        /// Of which won.
        winners: usize,
    }
}

/// A time series of one indicator in one region: the latest published value of each period.
#[pyclass(module = "pkit", frozen)]
pub struct Series {
    inner: core::Series,
}

impl From<core::Series> for Series {
    fn from(inner: core::Series) -> Self {
        Series { inner }
    }
}

#[pymethods]
impl Series {
    /// What it measures: `"ict_exports"`, ...
    #[getter]
    fn indicator(&self) -> String {
        self.inner.indicator().to_string()
    }

    /// `"PK"` or a province.
    #[getter]
    fn region(&self) -> String {
        self.inner.region().to_string()
    }

    /// The points, by period.
    #[getter]
    fn points(&self) -> Vec<Point> {
        list(self.inner.points())
    }

    /// The point of a period (`"FY2023-24"`, `"2025-01"`), or `None`.
    fn get(&self, period: &str) -> PyResult<Option<Point>> {
        let period = args::parse::<pkit::value::Period>("period", period)?;
        Ok(self.inner.get(period).map(Point::from))
    }

    /// The fiscal-year totals: annual figures, or sums of quarters or months (SPEC §2.1).
    fn fiscal_years(&self) -> Vec<FiscalYearTotal> {
        list(&self.inner.fiscal_years())
    }

    /// Year-on-year growth between consecutive complete fiscal years.
    fn growth(&self) -> Vec<Growth> {
        list(&self.inner.growth())
    }

    /// The compound annual growth from one fiscal year to another, or `None` when either is
    /// missing or incomplete.
    fn cagr(&self, from_year: FiscalYear, to_year: FiscalYear) -> Option<Growth> {
        self.inner
            .cagr(from_year.0, to_year.0)
            .as_ref()
            .map(Growth::from)
    }

    fn __len__(&self) -> usize {
        self.inner.points().len()
    }

    fn __repr__(&self) -> String {
        format!(
            "Series(indicator='{}', region='{}', points={})",
            self.inner.indicator(),
            self.inner.region(),
            self.inner.points().len()
        )
    }

    fn __reduce__(&self) -> PyResult<()> {
        Err(not_picklable("Series"))
    }
}

/// One company's exports rolled up by fiscal year, market and service.
#[pyclass(module = "pkit", frozen)]
pub struct CompanyExports {
    inner: core::CompanyExports,
}

impl From<core::CompanyExports> for CompanyExports {
    fn from(inner: core::CompanyExports) -> Self {
        CompanyExports { inner }
    }
}

#[pymethods]
impl CompanyExports {
    /// The company's id.
    #[getter]
    fn company_id(&self) -> &str {
        &self.inner.company_id
    }

    /// Totals per fiscal year.
    #[getter]
    fn totals(&self) -> Vec<ExportTotal> {
        list(&self.inner.totals)
    }

    /// Totals per (market, service, fiscal year).
    #[getter]
    fn groups(&self) -> Vec<ExportGroup> {
        list(&self.inner.groups)
    }

    /// The total of one fiscal year (`2023` or `"FY2023-24"`), or `None`.
    fn total(&self, fiscal_year: FiscalYear) -> Option<ExportTotal> {
        self.inner.total(fiscal_year.0).map(ExportTotal::from)
    }

    /// One fiscal year's exports per market, largest first.
    fn by_market(&self, fiscal_year: FiscalYear) -> Vec<MarketValue> {
        list(&self.inner.by_market(fiscal_year.0))
    }

    /// One fiscal year's exports per service, largest first.
    fn by_service(&self, fiscal_year: FiscalYear) -> Vec<ServiceValue> {
        list(&self.inner.by_service(fiscal_year.0))
    }

    fn __repr__(&self) -> String {
        format!(
            "CompanyExports(company_id='{}', years={})",
            self.inner.company_id,
            self.inner.totals.len()
        )
    }

    fn __reduce__(&self) -> PyResult<()> {
        Err(not_picklable("CompanyExports"))
    }
}

/// Adds the result classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Count>()?;
    m.add_class::<Breakdown>()?;
    m.add_class::<Summary>()?;
    m.add_class::<Point>()?;
    m.add_class::<Vintage>()?;
    m.add_class::<FiscalYearTotal>()?;
    m.add_class::<Growth>()?;
    m.add_class::<TargetProgress>()?;
    m.add_class::<ExportTotal>()?;
    m.add_class::<ExportGroup>()?;
    m.add_class::<MarketValue>()?;
    m.add_class::<ServiceValue>()?;
    m.add_class::<CompanyValue>()?;
    m.add_class::<MarketShare>()?;
    m.add_class::<CertificateStatus>()?;
    m.add_class::<Coverage>()?;
    m.add_class::<TransitionGap>()?;
    m.add_class::<CompanyAwards>()?;
    m.add_class::<Series>()?;
    m.add_class::<CompanyExports>()?;
    Ok(())
}
