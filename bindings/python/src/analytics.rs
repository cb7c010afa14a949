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
    methods {
        /// The summary as an HTML table (the core's), for notebooks.
        _repr_html_: String = s.to_html(),
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

record! {
    /// What an initiative, or a group of initiatives, yielded (docs/promotion.md): counts and
    /// sums from the records, and ratios (`None` when a divisor is missing or zero). For a
    /// group, the cost measures are taken over its initiatives with a `public_cost_usd` only.
    Outcome from core::Outcome, |o| {
        /// Companies listed as participants.
        participants: usize,
        /// Their `subsidy_usd`, summed.
        subsidy_usd: u64,
        /// What public bodies spent (for a group: the sum over the initiatives that say).
        public_cost_usd: Option<u64>,
        /// Leads credited.
        leads: usize,
        /// Their `estimated_value_usd`, summed where given.
        lead_value_usd: u64,
        /// Credited leads still open.
        leads_open: usize,
        /// Credited leads won.
        leads_won: usize,
        /// Credited leads lost.
        leads_lost: usize,
        /// Binding agreements credited.
        binding_agreements: usize,
        /// Their `value_usd`, summed: the contracted value.
        contracted_value_usd: u64,
        /// MoUs and letters of intent credited.
        non_binding_agreements: usize,
        /// Offices abroad credited.
        offices: usize,
        /// Won ÷ (won + lost).
        conversion: Option<f64>,
        /// Public cost ÷ leads.
        cost_per_lead: Option<f64>,
        /// Public cost ÷ binding agreements.
        cost_per_binding_agreement: Option<f64>,
        /// Contracted value ÷ public cost: dollars of binding business per public dollar.
        return_per_usd: Option<f64>,
    }
}

record! {
    /// One initiative and what it yielded (`Registry.initiative_outcomes()`).
    InitiativeOutcome from core::InitiativeOutcome, |i| {
        /// The initiative's id.
        initiative_id: String,
        /// Its name.
        name: String,
        /// Its kind: `"pavilion"`, ...
        kind: String,
        /// `"held"`, `"planned"` or `"cancelled"`.
        status: String,
        /// Its fiscal year (the one containing `starts_on`), by its start year: 2023 for
        /// FY2023-24.
        fiscal_year: i32,
        /// Where it took place (ISO 3166-1 alpha-2).
        country: String,
        /// What it yielded.
        outcome: Outcome,
    }
}

record! {
    /// Initiatives grouped by fiscal year or host country, and what they yielded together.
    OutcomeGroup from core::OutcomeGroup, |g| {
        /// What the group shares: a fiscal year (`"FY2023-24"`) or a country code (`"AE"`).
        label: String,
        /// The ids of its initiatives, in document order.
        initiatives: Vec<String>,
        /// What they yielded together.
        outcome: Outcome,
    }
}

record! {
    /// What the leads and agreements credited to initiatives yielded with one counterparty
    /// country (`Registry.outcomes_by_counterparty_country()`).
    MarketOutcome from core::MarketOutcome, |m| {
        /// The counterparty country (ISO 3166-1 alpha-2).
        country: String,
        /// Credited leads with a counterparty there.
        leads: usize,
        /// Their `estimated_value_usd`, summed where given.
        lead_value_usd: u64,
        /// Of them, still open.
        leads_open: usize,
        /// Of them, won.
        leads_won: usize,
        /// Of them, lost.
        leads_lost: usize,
        /// Won ÷ (won + lost).
        conversion: Option<f64>,
        /// Credited binding agreements with a counterparty there.
        binding_agreements: usize,
        /// Their `value_usd`, summed.
        contracted_value_usd: u64,
        /// Credited MoUs and letters of intent with a counterparty there.
        non_binding_agreements: usize,
    }
}

record! {
    /// One MoU or letter of intent and what followed it.
    FollowUp from core::FollowUp, |f| {
        /// The company's id.
        company_id: String,
        /// The agreement's id (unique within the company).
        agreement_id: String,
        /// `"mou"` or `"letter_of_intent"`.
        kind: String,
        /// The counterparty country.
        counterparty_country: String,
        /// The day it was signed.
        signed_on: NaiveDate,
        /// The id of the initiative credited with it.
        initiative: Option<String>,
        /// `"followed"`, `"not_followed"` or `"pending"` (its 365 days run past `as_of`).
        state: String,
        /// The ids of the binding agreements that followed it, in document order.
        followed_by: Vec<String>,
    }
}

record! {
    /// The follow-through of every MoU and letter of intent (`Registry.follow_through()`):
    /// followed within 365 days by a binding agreement of the same company with the same
    /// counterparty country.
    FollowThrough from core::FollowThrough, |f| {
        /// MoUs and letters of intent.
        total: usize,
        /// Of them, followed by a binding agreement.
        followed: usize,
        /// Of them, not followed yet with their year not over.
        pending: usize,
        /// Followed ÷ (total − pending); `None` when nothing can be counted.
        share: Option<f64>,
        /// Each of them, company by company in document order.
        agreements: Vec<FollowUp>,
    }
}

record! {
    /// The export growth of a group of companies from one fiscal year to the next.
    CohortGrowth from core::CohortGrowth, |c| {
        /// Companies in the group.
        members: usize,
        /// Of them, measured: a complete total in both years, the first above zero.
        measured: usize,
        /// The measured companies' exports in the initiative's fiscal year, US dollars.
        from_usd: u64,
        /// Their exports in the next fiscal year.
        to_usd: u64,
        /// `to_usd / from_usd - 1`; `None` when no company is measured.
        growth: Option<f64>,
    }
}

record! {
    /// One initiative's participants and the other companies, side by side
    /// (`Registry.participation_growth()`).
    ParticipationGrowth from core::ParticipationGrowth, |p| {
        /// The initiative's id.
        initiative_id: String,
        /// Its fiscal year, by its start year; growth runs to the next.
        fiscal_year: i32,
        /// The companies listed as its participants.
        participants: CohortGrowth,
        /// Every other company of the registry.
        non_participants: CohortGrowth,
    }
}

record! {
    /// A claim beside the same metric computed from the records
    /// (`Registry.claims_reconciled()`).
    ClaimCheck from core::ClaimCheck, |c| {
        /// The claim's id.
        claim_id: String,
        /// What it claims: `"return_per_usd"`, `"lead_value_usd"`, ...
        metric: String,
        /// The id of the initiative it is about.
        initiative: Option<String>,
        /// The period it covers.
        period: Option<String>,
        /// Who made it.
        claimed_by: String,
        /// The value claimed.
        claimed: u64,
        /// The same metric from the records; `None` when they cannot compute it.
        recorded: Option<f64>,
        /// Claimed ÷ recorded; `None` when recorded is `None` or zero.
        ratio: Option<f64>,
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
    m.add_class::<Outcome>()?;
    m.add_class::<InitiativeOutcome>()?;
    m.add_class::<OutcomeGroup>()?;
    m.add_class::<MarketOutcome>()?;
    m.add_class::<FollowUp>()?;
    m.add_class::<FollowThrough>()?;
    m.add_class::<CohortGrowth>()?;
    m.add_class::<ParticipationGrowth>()?;
    m.add_class::<ClaimCheck>()?;
    m.add_class::<Series>()?;
    m.add_class::<CompanyExports>()?;
    Ok(())
}
