//! [`Registry`]: a validated registry document, as a uniffi object (a Kotlin/Swift class
//! holding a handle to the core's `pkit::Registry`).

use std::sync::Arc;

use pkit::analytics::AwardDimension;
use pkit::model::Indicator;
use pkit::value::{Date, Period, Region};

use crate::analytics::{
    CertificateStatus, ClaimCheck, CompanyAwards, CompanyExports, CompanyValue, Count, Coverage,
    ExportTotal, FollowThrough, InitiativeOutcome, MarketOutcome, MarketShare, OutcomeGroup,
    ParticipationGrowth, Series, Summary, TargetProgress, TransitionGap, Vintage,
};
use crate::error::{parse, PkitError};
use crate::records::{Claim, Company, Initiative, Issue, Observation, Ranking, Target};

/// A validated registry: companies with their certifications, awards, exports, leads and
/// agreements, national observations, targets and rankings, promotion initiatives and published
/// claims, as of a date. It exists only for a document without
/// errors; its warnings are kept.
///
/// Kotlin: `Registry.fromJson(text)`, `Registry.sample()`; the object holds native memory,
/// so close it (`use { }`) when done, or leave it to the cleaner. Every accessor returns its
/// whole result in one call (`companies()` is one crossing for every company).
#[derive(Debug, PartialEq, Eq, uniffi::Object)]
#[uniffi::export(Eq)]
pub struct Registry(pkit::Registry);

impl Registry {
    fn new(registry: pkit::Registry) -> Arc<Registry> {
        Arc::new(Registry(registry))
    }

    /// The core's registry, for Rust callers of this crate.
    pub fn core(&self) -> &pkit::Registry {
        &self.0
    }
}

fn date(argument: &str, text: &str) -> Result<Date, PkitError> {
    parse(argument, text)
}

#[uniffi::export]
impl Registry {
    /// Parses and validates a registry document.
    ///
    /// # Errors
    /// `Invalid` with every issue when the document has any error; `LimitExceeded` when it
    /// breaks the spec's limits.
    #[uniffi::constructor]
    pub fn from_json(text: String) -> Result<Arc<Registry>, PkitError> {
        Ok(Registry::new(pkit::Registry::from_json(&text)?))
    }

    /// Reads, parses and validates a registry file (JSON).
    ///
    /// # Errors
    /// `Io` when the file cannot be read, otherwise as [`Registry::from_json`].
    #[uniffi::constructor]
    pub fn from_path(path: String) -> Result<Arc<Registry>, PkitError> {
        Ok(Registry::new(pkit::Registry::from_path(path)?))
    }

    /// Reads and validates a CSV directory (one file per table, as `toCsvDir` writes it).
    ///
    /// # Errors
    /// `Invalid` with every issue, each with its `location`; `LimitExceeded`; `Io` when
    /// the directory or its `registry.csv` cannot be read.
    #[uniffi::constructor]
    pub fn from_csv_dir(path: String) -> Result<Arc<Registry>, PkitError> {
        Ok(Registry::new(pkit::Registry::from_csv_dir(path)?))
    }

    /// The built-in sample: 28 fictional companies and Pakistan's public IT-export figures,
    /// targets and rankings with their sources.
    #[uniffi::constructor]
    pub fn sample() -> Arc<Registry> {
        Registry::new(pkit::Registry::sample())
    }

    /// The registry as a compact JSON document; `fromJson` gives it back equal.
    pub fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// The registry as an indented JSON document.
    pub fn to_json_pretty(&self) -> String {
        self.0.to_json_pretty()
    }

    /// Writes the registry as a CSV directory, replacing `path` atomically.
    ///
    /// # Errors
    /// `Io` when a file cannot be written.
    pub fn to_csv_dir(&self, path: String) -> Result<(), PkitError> {
        Ok(self.0.to_csv_dir(path)?)
    }

    /// The date the data describes, `YYYY-MM-DD`.
    pub fn as_of(&self) -> String {
        self.0.as_of().to_string()
    }

    /// The warnings found when the document was loaded, in document order.
    pub fn warnings(&self) -> Vec<Issue> {
        self.0.warnings().iter().map(Issue::from).collect()
    }

    /// Every company, in document order, in one call.
    pub fn companies(&self) -> Vec<Company> {
        self.0.companies().iter().map(Company::from).collect()
    }

    /// The company with this id.
    pub fn company(&self, id: String) -> Option<Company> {
        self.0.company(&id).map(Company::from)
    }

    /// The observations (national and regional statistics), in document order.
    pub fn observations(&self) -> Vec<Observation> {
        self.0
            .observations()
            .iter()
            .map(Observation::from)
            .collect()
    }

    /// The policy targets, in document order.
    pub fn targets(&self) -> Vec<Target> {
        self.0.targets().iter().map(Target::from).collect()
    }

    /// The international rankings, in document order.
    pub fn rankings(&self) -> Vec<Ranking> {
        self.0.rankings().iter().map(Ranking::from).collect()
    }

    /// The promotion initiatives (pavilions, delegations, roadshows, ...), in document order.
    pub fn initiatives(&self) -> Vec<Initiative> {
        self.0.initiatives().iter().map(Initiative::from).collect()
    }

    /// The initiative with this id.
    pub fn initiative(&self, id: String) -> Option<Initiative> {
        self.0.initiative(&id).map(Initiative::from)
    }

    /// The published claims about promotion, in document order.
    pub fn claims(&self) -> Vec<Claim> {
        self.0.claims().iter().map(Claim::from).collect()
    }

    /// What the registry holds: companies by region and legal form, certificates by scheme
    /// and derived status, awards by program and result, observations by indicator.
    pub fn summary(&self) -> Summary {
        Summary::from(&self.0.summary())
    }

    /// The current value of `indicator` in `region` (`PK`, `PK-PB`, a country code) for
    /// every period.
    ///
    /// # Errors
    /// `InvalidArgument` when `region` is not a region.
    pub fn series(&self, indicator: Indicator, region: String) -> Result<Arc<Series>, PkitError> {
        let region: Region = parse("region", &region)?;
        Ok(Arc::new(Series::new(self.0.series(indicator, region))))
    }

    /// The series as it was known on `on` (`YYYY-MM-DD`): only vintages published by then.
    ///
    /// # Errors
    /// `InvalidArgument` when `region` or `on` is not valid.
    pub fn series_as_published_on(
        &self,
        indicator: Indicator,
        region: String,
        on: String,
    ) -> Result<Arc<Series>, PkitError> {
        let region: Region = parse("region", &region)?;
        let on = date("on", &on)?;
        Ok(Arc::new(Series::new(
            self.0.series_as_published_on(indicator, region, on),
        )))
    }

    /// Every published value of one figure, in publication order.
    ///
    /// # Errors
    /// `InvalidArgument` when `region` or `period` is not valid.
    pub fn vintages(
        &self,
        indicator: Indicator,
        region: String,
        period: String,
    ) -> Result<Vec<Vintage>, PkitError> {
        let region: Region = parse("region", &region)?;
        let period: Period = parse("period", &period)?;
        Ok(self
            .0
            .vintages(indicator, region, period)
            .iter()
            .map(Vintage::from)
            .collect())
    }

    /// The progress of every target, in document order, on `asOf`.
    pub fn target_progress(&self) -> Vec<TargetProgress> {
        self.0
            .target_progress()
            .iter()
            .map(TargetProgress::from)
            .collect()
    }

    /// One company's exports rolled up to fiscal years; absent for an unknown id.
    pub fn company_exports(&self, company_id: String) -> Option<Arc<CompanyExports>> {
        self.0
            .company_exports(&company_id)
            .map(|e| Arc::new(CompanyExports::new(e)))
    }

    /// All companies' exports per fiscal year, oldest first.
    pub fn exports_by_fiscal_year(&self) -> Vec<ExportTotal> {
        self.0
            .exports_by_fiscal_year()
            .iter()
            .map(ExportTotal::from)
            .collect()
    }

    /// The `n` companies with the largest export total in `fiscal_year` (by its start year).
    pub fn top_exporters(&self, fiscal_year: i32, n: u32) -> Vec<CompanyValue> {
        let n = usize::try_from(n).unwrap_or(usize::MAX);
        self.0
            .top_exporters(fiscal_year, n)
            .iter()
            .map(CompanyValue::from)
            .collect()
    }

    /// The markets of `fiscal_year`, largest first, with their shares.
    pub fn export_markets(&self, fiscal_year: i32) -> Vec<MarketShare> {
        self.0
            .export_markets(fiscal_year)
            .iter()
            .map(MarketShare::from)
            .collect()
    }

    /// Every certificate's derived status on `on` (`YYYY-MM-DD`; usually `asOf()`).
    ///
    /// # Errors
    /// `InvalidArgument` when `on` is not a date.
    pub fn certificate_statuses(&self, on: String) -> Result<Vec<CertificateStatus>, PkitError> {
        let on = date("on", &on)?;
        Ok(self
            .0
            .certificate_statuses(on)
            .iter()
            .map(CertificateStatus::from)
            .collect())
    }

    /// For every scheme, how many companies hold a certificate of it in force on `on`.
    ///
    /// # Errors
    /// `InvalidArgument` when `on` is not a date.
    pub fn certification_coverage(&self, on: String) -> Result<Vec<Coverage>, PkitError> {
        let on = date("on", &on)?;
        Ok(self
            .0
            .certification_coverage(on)
            .iter()
            .map(Coverage::from)
            .collect())
    }

    /// The certificates in force on `on` whose effective expiry is at most `days` days later,
    /// soonest first.
    ///
    /// # Errors
    /// `InvalidArgument` when `on` is not a date.
    pub fn expiring_within(
        &self,
        on: String,
        days: i64,
    ) -> Result<Vec<CertificateStatus>, PkitError> {
        let on = date("on", &on)?;
        Ok(self
            .0
            .expiring_within(on, days)
            .iter()
            .map(CertificateStatus::from)
            .collect())
    }

    /// The companies left on a superseded edition past its transition on `on`.
    ///
    /// # Errors
    /// `InvalidArgument` when `on` is not a date.
    pub fn past_transition(&self, on: String) -> Result<Vec<TransitionGap>, PkitError> {
        let on = date("on", &on)?;
        Ok(self
            .0
            .past_transition(on)
            .iter()
            .map(TransitionGap::from)
            .collect())
    }

    /// How many awards carry each value of `by`.
    pub fn award_tally(&self, by: AwardDimension) -> Vec<Count> {
        self.0.award_tally(by).iter().map(Count::from).collect()
    }

    /// The companies that hold at least one award, by number of awards, then of winners.
    pub fn companies_by_awards(&self) -> Vec<CompanyAwards> {
        self.0
            .companies_by_awards()
            .iter()
            .map(CompanyAwards::from)
            .collect()
    }

    /// What each initiative yielded, in document order: participants and subsidy, public
    /// cost, the leads, agreements and offices credited to it, and the ratios.
    pub fn initiative_outcomes(&self) -> Vec<InitiativeOutcome> {
        self.0
            .initiative_outcomes()
            .iter()
            .map(InitiativeOutcome::from)
            .collect()
    }

    /// What the initiatives of each fiscal year (of their `startsOn`) yielded together,
    /// oldest first.
    pub fn outcomes_by_fiscal_year(&self) -> Vec<OutcomeGroup> {
        self.0
            .outcomes_by_fiscal_year()
            .iter()
            .map(OutcomeGroup::from)
            .collect()
    }

    /// What the initiatives held in each country yielded together, by contracted value
    /// (largest first), then number of initiatives, then country code.
    pub fn outcomes_by_host_country(&self) -> Vec<OutcomeGroup> {
        self.0
            .outcomes_by_host_country()
            .iter()
            .map(OutcomeGroup::from)
            .collect()
    }

    /// What the leads and agreements credited to an initiative yielded, by counterparty
    /// country: by contracted value (largest first), then leads, then country code.
    pub fn outcomes_by_counterparty_country(&self) -> Vec<MarketOutcome> {
        self.0
            .outcomes_by_counterparty_country()
            .iter()
            .map(MarketOutcome::from)
            .collect()
    }

    /// How many MoUs and letters of intent a binding agreement of the same company with the
    /// same counterparty country followed within 365 days.
    pub fn follow_through(&self) -> FollowThrough {
        FollowThrough::from(&self.0.follow_through())
    }

    /// For each initiative with participants, in document order: the export growth from its
    /// fiscal year to the next of its participants and of every other company.
    pub fn participation_growth(&self) -> Vec<ParticipationGrowth> {
        self.0
            .participation_growth()
            .iter()
            .map(ParticipationGrowth::from)
            .collect()
    }

    /// Each claim beside the same metric computed from the records, in document order.
    pub fn claims_reconciled(&self) -> Vec<ClaimCheck> {
        self.0
            .claims_reconciled()
            .iter()
            .map(ClaimCheck::from)
            .collect()
    }
}
