//! `pkit.Registry`: a loaded, valid registry; its records, analytics, tables and forms.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::analytics::{
    CertificateStatus, ClaimCheck, CompanyAwards, CompanyExports, CompanyValue, Count, Coverage,
    ExportTotal, FollowThrough, InitiativeOutcome, MarketOutcome, MarketShare, OutcomeGroup,
    ParticipationGrowth, Series, Summary, TargetProgress, TransitionGap, Vintage,
};
use crate::args::{self, DateArg, FiscalYear};
use crate::arrow::Table;
use crate::errors::{self, Issue, PkitResult};
use crate::records::{date, list, Claim, Company, Initiative, Observation, Ranking, Target};

/// A registry that has passed validation (it may carry warnings). Read-only; equal registries
/// hold equal data. Pickles as its JSON.
#[pyclass(module = "pkit", frozen, eq)]
#[derive(PartialEq)]
pub struct Registry {
    inner: Arc<pkit::Registry>,
}

impl Registry {
    /// Wraps a core registry.
    pub(crate) fn new(inner: pkit::Registry) -> Registry {
        Registry {
            inner: Arc::new(inner),
        }
    }

    fn on(&self, on: Option<DateArg>) -> pkit::value::Date {
        on.map_or_else(|| self.inner.as_of(), |d| d.0)
    }
}

#[pymethods]
impl Registry {
    /// The day the registry speaks for.
    #[getter]
    fn as_of(&self) -> NaiveDate {
        date(self.inner.as_of())
    }

    /// Every company, in document order (a new list on each access).
    #[getter]
    fn companies(&self) -> Vec<Company> {
        list(self.inner.companies())
    }

    /// Every observation, in document order.
    #[getter]
    fn observations(&self) -> Vec<Observation> {
        list(self.inner.observations())
    }

    /// Every target, in document order.
    #[getter]
    fn targets(&self) -> Vec<Target> {
        list(self.inner.targets())
    }

    /// Every ranking, in document order.
    #[getter]
    fn rankings(&self) -> Vec<Ranking> {
        list(self.inner.rankings())
    }

    /// Every promotion initiative (pavilions, delegations, ...), in document order.
    #[getter]
    fn initiatives(&self) -> Vec<Initiative> {
        list(self.inner.initiatives())
    }

    /// Every published claim about promotion, in document order.
    #[getter]
    fn claims(&self) -> Vec<Claim> {
        list(self.inner.claims())
    }

    /// The warnings found while loading (a valid registry has no errors).
    #[getter]
    fn warnings(&self) -> Vec<Issue> {
        errors::issues(self.inner.warnings())
    }

    /// The company with this id, or `None`.
    fn company(&self, id: &str) -> Option<Company> {
        self.inner.company(id).map(Company::from)
    }

    /// The initiative with this id, or `None`.
    fn initiative(&self, id: &str) -> Option<Initiative> {
        self.inner.initiative(id).map(Initiative::from)
    }

    /// The document as compact JSON text (`pretty=True` for two-space indentation); loading it
    /// back gives an equal registry.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, py: Python<'_>, pretty: bool) -> String {
        let inner = &self.inner;
        py.detach(|| {
            if pretty {
                inner.to_json_pretty()
            } else {
                inner.to_json()
            }
        })
    }

    /// Writes the document as JSON to `path`, atomically (a temporary file, then a rename).
    fn to_json_file(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        py.detach(|| self.inner.to_json_file(&path)).pkit()
    }

    /// Writes the CSV form into the directory `path` (one file per record family, and
    /// `datapackage.json`, the Frictionless data package describing them), replacing it
    /// atomically.
    fn to_csv(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        py.detach(|| self.inner.to_csv_dir(&path)).pkit()
    }

    /// Writes the Parquet export into the directory `path` (one zstd-compressed file per
    /// table, `companies.parquet`, ...), replacing it atomically. `partition_by="fiscal_year"`
    /// writes the tables with a `fiscal_year` column (`exports`, `initiatives`) as Hive
    /// partitions, `exports/fiscal_year=FY2024-25/part-0.parquet`.
    #[pyo3(signature = (path, partition_by = None))]
    fn to_parquet(
        &self,
        py: Python<'_>,
        path: PathBuf,
        partition_by: Option<&str>,
    ) -> PyResult<()> {
        let by: Option<pkit::parquet::PartitionBy> = partition_by
            .map(|by| args::parse("partition_by", by))
            .transpose()?;
        let inner = &self.inner;
        py.detach(|| match by {
            None => inner.to_parquet_dir(&path),
            Some(by) => inner.to_parquet_dir_partitioned(&path, by),
        })
        .pkit()
    }

    /// What the registry holds, at a glance.
    fn summary(&self, py: Python<'_>) -> Summary {
        Summary::from(&py.detach(|| self.inner.summary()))
    }

    /// The series of an indicator in a region: the latest published value of each period, or,
    /// with `as_published_on`, the values as they were known on that day.
    #[pyo3(signature = (indicator = "ict_exports", region = "PK", as_published_on = None))]
    fn series(
        &self,
        indicator: &str,
        region: &str,
        as_published_on: Option<DateArg>,
    ) -> PyResult<Series> {
        let indicator = args::parse("indicator", indicator)?;
        let region = args::parse("region", region)?;
        Ok(Series::from(match as_published_on {
            Some(on) => self.inner.series_as_published_on(indicator, region, on.0),
            None => self.inner.series(indicator, region),
        }))
    }

    /// Every published value of one period of a series, oldest first.
    #[pyo3(signature = (period, indicator = "ict_exports", region = "PK"))]
    fn vintages(&self, period: &str, indicator: &str, region: &str) -> PyResult<Vec<Vintage>> {
        let indicator = args::parse("indicator", indicator)?;
        let region = args::parse("region", region)?;
        let period = args::parse("period", period)?;
        Ok(list(&self.inner.vintages(indicator, region, period)))
    }

    /// How each target stands: latest value, share achieved, required and trailing growth,
    /// status.
    fn target_progress(&self) -> Vec<TargetProgress> {
        list(&self.inner.target_progress())
    }

    /// All companies' exports per fiscal year.
    fn exports_by_fiscal_year(&self, py: Python<'_>) -> Vec<ExportTotal> {
        list(&py.detach(|| self.inner.exports_by_fiscal_year()))
    }

    /// One company's exports by fiscal year, market and service; `None` for an unknown id.
    fn company_exports(&self, company_id: &str) -> Option<CompanyExports> {
        self.inner
            .company_exports(company_id)
            .map(CompanyExports::from)
    }

    /// The `n` companies with the largest exports in a fiscal year (`2023` or `"FY2023-24"`).
    #[pyo3(signature = (fiscal_year, n = 10))]
    fn top_exporters(
        &self,
        py: Python<'_>,
        fiscal_year: FiscalYear,
        n: usize,
    ) -> Vec<CompanyValue> {
        list(&py.detach(|| self.inner.top_exporters(fiscal_year.0, n)))
    }

    /// Each market's share of the exports of a fiscal year, largest first.
    fn export_markets(&self, py: Python<'_>, fiscal_year: FiscalYear) -> Vec<MarketShare> {
        list(&py.detach(|| self.inner.export_markets(fiscal_year.0)))
    }

    /// The status of every certificate on a day (default: `as_of`).
    #[pyo3(signature = (on = None))]
    fn certificate_statuses(&self, py: Python<'_>, on: Option<DateArg>) -> Vec<CertificateStatus> {
        let on = self.on(on);
        list(&py.detach(|| self.inner.certificate_statuses(on)))
    }

    /// How many companies hold a valid certificate of each scheme on a day (default: `as_of`).
    #[pyo3(signature = (on = None))]
    fn certification_coverage(&self, py: Python<'_>, on: Option<DateArg>) -> Vec<Coverage> {
        let on = self.on(on);
        list(&py.detach(|| self.inner.certification_coverage(on)))
    }

    /// Certificates that stop being valid within `days` days of a day (default: `as_of`),
    /// soonest first.
    #[pyo3(signature = (days, on = None))]
    fn expiring_within(
        &self,
        py: Python<'_>,
        days: i64,
        on: Option<DateArg>,
    ) -> Vec<CertificateStatus> {
        let on = self.on(on);
        list(&py.detach(|| self.inner.expiring_within(on, days)))
    }

    /// Certificates on an edition whose transition period ended before a day (default:
    /// `as_of`).
    #[pyo3(signature = (on = None))]
    fn past_transition(&self, py: Python<'_>, on: Option<DateArg>) -> Vec<TransitionGap> {
        let on = self.on(on);
        list(&py.detach(|| self.inner.past_transition(on)))
    }

    /// Awards counted by `"program"`, `"year"`, `"category"` or `"result"`.
    #[pyo3(signature = (by = "program"))]
    fn award_tally(&self, by: &str) -> PyResult<Vec<Count>> {
        let by = args::parse("by", by)?;
        Ok(list(&self.inner.award_tally(by)))
    }

    /// Companies ranked by awards won, then entered.
    fn companies_by_awards(&self) -> Vec<CompanyAwards> {
        list(&self.inner.companies_by_awards())
    }

    /// What each initiative yielded, in document order: participants and subsidy, public cost,
    /// the leads, agreements and offices credited to it, and the ratios.
    fn initiative_outcomes(&self, py: Python<'_>) -> Vec<InitiativeOutcome> {
        list(&py.detach(|| self.inner.initiative_outcomes()))
    }

    /// What the initiatives of each fiscal year (of their `starts_on`) yielded together,
    /// oldest first.
    fn outcomes_by_fiscal_year(&self, py: Python<'_>) -> Vec<OutcomeGroup> {
        list(&py.detach(|| self.inner.outcomes_by_fiscal_year()))
    }

    /// What the initiatives held in each country yielded together, by contracted value
    /// (largest first), then number of initiatives, then country code.
    fn outcomes_by_host_country(&self, py: Python<'_>) -> Vec<OutcomeGroup> {
        list(&py.detach(|| self.inner.outcomes_by_host_country()))
    }

    /// What the leads and agreements credited to an initiative yielded, by counterparty
    /// country: by contracted value (largest first), then leads, then code.
    fn outcomes_by_counterparty_country(&self, py: Python<'_>) -> Vec<MarketOutcome> {
        list(&py.detach(|| self.inner.outcomes_by_counterparty_country()))
    }

    /// How many MoUs and letters of intent a binding agreement of the same company with the
    /// same counterparty country followed within 365 days.
    fn follow_through(&self, py: Python<'_>) -> FollowThrough {
        FollowThrough::from(&py.detach(|| self.inner.follow_through()))
    }

    /// For each initiative with participants, in document order: the export growth from its
    /// fiscal year to the next of its participants and of every other company.
    fn participation_growth(&self, py: Python<'_>) -> Vec<ParticipationGrowth> {
        list(&py.detach(|| self.inner.participation_growth()))
    }

    /// Each claim beside the same metric computed from the records, and their ratio, in
    /// document order.
    fn claims_reconciled(&self, py: Python<'_>) -> Vec<ClaimCheck> {
        list(&py.detach(|| self.inner.claims_reconciled()))
    }

    /// One table as Arrow data; `Registry.table_names()` lists the names (`"companies"`,
    /// `"offices"`, ..., `"initiatives"`, `"participants"`, `"headcounts"`, `"claims"`).
    fn table(&self, py: Python<'_>, name: &str) -> PyResult<Table> {
        let name: pkit::table::TableName = args::parse("table", name)?;
        let inner = &self.inner;
        Table::new(py, py.detach(|| inner.table(name)))
    }

    /// The names of the tables, in order.
    #[staticmethod]
    fn table_names() -> Vec<&'static str> {
        pkit::table::TableName::ALL
            .iter()
            .map(|name| name.as_str())
            .collect()
    }

    /// One table as a `pandas.DataFrame` (`pip install "pkit[pandas]"`).
    fn to_pandas<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let table = Bound::new(py, self.table(py, name)?)?;
        table.call_method0("to_pandas")
    }

    /// One table as a `polars.DataFrame` (`pip install "pkit[polars]"`).
    fn to_polars<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let table = Bound::new(py, self.table(py, name)?)?;
        table.call_method0("to_polars")
    }

    /// The registry as an HTML table of its record counts (the core's), for notebooks.
    fn _repr_html_(&self) -> String {
        self.inner.to_html()
    }

    fn __repr__(&self) -> String {
        format!(
            "Registry(as_of={}, companies={}, observations={}, targets={}, rankings={}, \
             initiatives={}, claims={}, warnings={})",
            self.inner.as_of(),
            self.inner.companies().len(),
            self.inner.observations().len(),
            self.inner.targets().len(),
            self.inner.rankings().len(),
            self.inner.initiatives().len(),
            self.inner.claims().len(),
            self.inner.warnings().len()
        )
    }

    /// Pickles as `pkit.loads(registry.to_json())`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let loads = py.import("pkit")?.getattr("loads")?;
        let text = self.to_json(py, false);
        PyTuple::new(py, [loads, PyTuple::new(py, [text])?.into_any()])
    }
}
