//! The results of the core's analytics (`pkit::analytics`) as uniffi records, and the two
//! results that have methods of their own ([`Series`], [`CompanyExports`]) as objects that
//! hold the core's value and call its methods.
//!
//! Values that the core computes on request (a fiscal year's label, a growth's ratio) are
//! fields here, filled by calling the core's method: a record has no methods across the FFI.
//! Counts that are `usize` in the core are `u64` (uniffi has no `usize`). Ratios the core may
//! not compute (a missing or zero divisor) are optional doubles.

use pkit::analytics::{FollowUpState, TargetStatus, TotalBasis};
use pkit::model::{
    AgreementKind, ClaimMetric, DerivedStatus, ExportService, Indicator, InitiativeKind,
    InitiativeStatus, Scheme,
};

use crate::error::{parse, PkitError};
use crate::records::Issue;

/// A label and how many records carry it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Count {
    /// The value counted (`PK-PB`, `private_limited`, `2019`).
    pub label: String,
    /// How many.
    pub count: u64,
}

impl From<&pkit::analytics::Count> for Count {
    fn from(c: &pkit::analytics::Count) -> Count {
        Count {
            label: c.label.clone(),
            count: c.count as u64,
        }
    }
}

/// A label, its total, and that total broken down by another label.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Breakdown {
    /// The value broken down (`cmmi`, `apicta`).
    pub label: String,
    /// How many records carry it.
    pub total: u64,
    /// The total by the second label, values that occur only.
    pub counts: Vec<Count>,
}

impl From<&pkit::analytics::Breakdown> for Breakdown {
    fn from(b: &pkit::analytics::Breakdown) -> Breakdown {
        Breakdown {
            label: b.label.clone(),
            total: b.total as u64,
            counts: b.counts.iter().map(Count::from).collect(),
        }
    }
}

/// What a registry holds (`Registry.summary()`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Summary {
    /// The date the data describes, `YYYY-MM-DD`; certification status is derived on it.
    pub as_of: String,
    /// How many companies.
    pub companies: u64,
    /// Companies per headquarters region, every region listed (zero included).
    pub companies_by_region: Vec<Count>,
    /// Companies per legal form, forms that occur only.
    pub companies_by_legal_form: Vec<Count>,
    /// Certificates per scheme, then per derived status.
    pub certifications: Vec<Breakdown>,
    /// Awards per program, then per result.
    pub awards: Vec<Breakdown>,
    /// Observations per indicator.
    pub observations_by_indicator: Vec<Count>,
    /// How many targets.
    pub targets: u64,
    /// How many rankings.
    pub rankings: u64,
    /// The document's warnings.
    pub warnings: Vec<Issue>,
}

impl From<&pkit::analytics::Summary> for Summary {
    fn from(s: &pkit::analytics::Summary) -> Summary {
        let counts = |list: &[pkit::analytics::Count]| list.iter().map(Count::from).collect();
        let breakdowns =
            |list: &[pkit::analytics::Breakdown]| list.iter().map(Breakdown::from).collect();
        Summary {
            as_of: s.as_of.to_string(),
            companies: s.companies as u64,
            companies_by_region: counts(&s.companies_by_region),
            companies_by_legal_form: counts(&s.companies_by_legal_form),
            certifications: breakdowns(&s.certifications),
            awards: breakdowns(&s.awards),
            observations_by_indicator: counts(&s.observations_by_indicator),
            targets: s.targets as u64,
            rankings: s.rankings as u64,
            warnings: s.warnings.iter().map(Issue::from).collect(),
        }
    }
}

/// One period of a series: the value current for it and the observation it comes from.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Point {
    /// The period (`FY2023-24`, `2025-06`).
    pub period: String,
    /// Whole USD or a count, by indicator.
    pub value: u64,
    /// When this vintage was published, `YYYY-MM-DD`.
    pub published_on: Option<String>,
    /// The index of the observation in `Registry.observations()`.
    pub observation: u64,
}

impl From<&pkit::analytics::Point> for Point {
    fn from(p: &pkit::analytics::Point) -> Point {
        Point {
            period: p.period.to_string(),
            value: p.value,
            published_on: p.published_on.map(|d| d.to_string()),
            observation: p.observation as u64,
        }
    }
}

/// One published value of a figure (an indicator, region and period).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Vintage {
    /// The value published.
    pub value: u64,
    /// When it was published, `YYYY-MM-DD`; absent counts as the earliest.
    pub published_on: Option<String>,
    /// The index of the observation in `Registry.observations()`.
    pub observation: u64,
}

impl From<&pkit::analytics::Vintage> for Vintage {
    fn from(v: &pkit::analytics::Vintage) -> Vintage {
        Vintage {
            value: v.value,
            published_on: v.published_on.map(|d| d.to_string()),
            observation: v.observation as u64,
        }
    }
}

/// The total of a series over one fiscal year, whole or partial.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FiscalYearTotal {
    /// The fiscal year by the calendar year it starts in (2023 is `FY2023-24`).
    pub fiscal_year: i32,
    /// The fiscal year as written in documents, `FY2023-24`.
    pub label: String,
    /// The total: the annual figure, or the sum of the parts.
    pub value: u64,
    /// How many of the year's twelve months the value covers.
    pub months_covered: u8,
    /// How the value was obtained.
    pub basis: TotalBasis,
    /// True when the total covers the whole year (any basis but `partial`).
    pub complete: bool,
}

impl From<&pkit::analytics::FiscalYearTotal> for FiscalYearTotal {
    fn from(t: &pkit::analytics::FiscalYearTotal) -> FiscalYearTotal {
        FiscalYearTotal {
            fiscal_year: t.fiscal_year,
            label: t.label(),
            value: t.value,
            months_covered: t.months_covered,
            basis: t.basis,
            complete: t.is_complete(),
        }
    }
}

/// The change of a value between two fiscal years. `fromValue`/`toValue` rather than the
/// core's `from`/`to`: `from` is a keyword in Python.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Growth {
    /// The fiscal year of the base value, by its start year.
    pub from_year: i32,
    /// The fiscal year of the later value, by its start year.
    pub to_year: i32,
    /// The base value (never zero).
    pub from_value: u64,
    /// The later value.
    pub to_value: u64,
    /// How many years lie between the two (at least 1).
    pub years: u32,
    /// `to / from − 1` (0.25 is 25% growth).
    pub ratio: f64,
    /// `ratio` in percent.
    pub percent: f64,
    /// The compound annual growth rate, as a fraction.
    pub cagr: f64,
}

impl From<&pkit::analytics::Growth> for Growth {
    fn from(g: &pkit::analytics::Growth) -> Growth {
        Growth {
            from_year: g.from_year(),
            to_year: g.to_year(),
            from_value: g.from(),
            to_value: g.to(),
            years: g.years(),
            ratio: g.ratio(),
            percent: g.percent(),
            cagr: g.cagr(),
        }
    }
}

/// The values of one indicator in one region, one per period (`Registry.series`): an object
/// holding the core's series, whose methods call the core's.
#[derive(Debug, uniffi::Object)]
pub struct Series(pkit::analytics::Series);

impl Series {
    pub(crate) fn new(series: pkit::analytics::Series) -> Series {
        Series(series)
    }
}

#[uniffi::export]
impl Series {
    /// What the series measures.
    pub fn indicator(&self) -> Indicator {
        self.0.indicator()
    }

    /// Where the series applies (`PK`, `PK-PB`).
    pub fn region(&self) -> String {
        self.0.region().code().to_owned()
    }

    /// The points, one per period, sorted by the period's first day, then by form.
    pub fn points(&self) -> Vec<Point> {
        self.0.points().iter().map(Point::from).collect()
    }

    /// The point of `period` (`FY2023-24`, `2025-06`), if the series has one.
    ///
    /// # Errors
    /// `InvalidArgument` when `period` is not a period.
    pub fn get(&self, period: String) -> Result<Option<Point>, PkitError> {
        let period = parse("period", &period)?;
        Ok(self.0.get(period).map(Point::from))
    }

    /// The total of each fiscal year the series has data for, in year order.
    pub fn fiscal_years(&self) -> Vec<FiscalYearTotal> {
        self.0
            .fiscal_years()
            .iter()
            .map(FiscalYearTotal::from)
            .collect()
    }

    /// Year-on-year growth between consecutive complete fiscal years.
    pub fn growth(&self) -> Vec<Growth> {
        self.0.growth().iter().map(Growth::from).collect()
    }

    /// The growth from fiscal year `from_fiscal_year` to `to_fiscal_year` (by start year) when
    /// both totals are complete; its `cagr` is the compound annual growth rate.
    pub fn cagr(&self, from_fiscal_year: i32, to_fiscal_year: i32) -> Option<Growth> {
        self.0
            .cagr(from_fiscal_year, to_fiscal_year)
            .as_ref()
            .map(Growth::from)
    }
}

/// The progress of one policy target on the registry's `asOf`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TargetProgress {
    /// The target's id.
    pub id: String,
    /// The target's indicator.
    pub indicator: Indicator,
    /// The target's region.
    pub region: String,
    /// The value to reach.
    pub target: u64,
    /// The deadline as stated (`FY2024-25`, `2025`).
    pub deadline: String,
    /// The fiscal year (by start year) the deadline is judged by.
    pub deadline_fiscal_year: i32,
    /// The latest complete fiscal-year total at or before the deadline's fiscal year.
    pub latest: Option<FiscalYearTotal>,
    /// `latest / target`.
    pub share_achieved: Option<f64>,
    /// `target − latest`, 0 when met.
    pub gap: Option<u64>,
    /// The compound annual growth rate needed from `latest` to the target by the deadline.
    pub required_cagr: Option<f64>,
    /// The compound annual growth rate over the three years up to `latest`.
    pub trailing_cagr: Option<f64>,
    /// `latest` grown at `trailingCagr` until the deadline's fiscal year, rounded.
    pub projected: Option<u64>,
    /// Where the target stands.
    pub status: TargetStatus,
}

impl From<&pkit::analytics::TargetProgress> for TargetProgress {
    fn from(t: &pkit::analytics::TargetProgress) -> TargetProgress {
        TargetProgress {
            id: t.id.as_str().to_owned(),
            indicator: t.indicator,
            region: t.region.code().to_owned(),
            target: t.target,
            deadline: t.deadline.to_string(),
            deadline_fiscal_year: t.deadline_fiscal_year,
            latest: t.latest.as_ref().map(FiscalYearTotal::from),
            share_achieved: t.share_achieved,
            gap: t.gap,
            required_cagr: t.required_cagr,
            trailing_cagr: t.trailing_cagr,
            projected: t.projected,
            status: t.status,
        }
    }
}

/// Export revenue of one fiscal year: a company's total, or all companies' together.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExportTotal {
    /// The fiscal year, by the calendar year it starts in.
    pub fiscal_year: i32,
    /// The fiscal year as written in documents, `FY2023-24`.
    pub label: String,
    /// Whole US dollars.
    pub value: u64,
    /// How many months of the fiscal year the value covers, 0..=12.
    pub months_covered: u8,
    /// True when the value covers the whole fiscal year.
    pub complete: bool,
}

impl From<&pkit::analytics::ExportTotal> for ExportTotal {
    fn from(t: &pkit::analytics::ExportTotal) -> ExportTotal {
        ExportTotal {
            fiscal_year: t.fiscal_year,
            label: t.label(),
            value: t.value,
            months_covered: t.months_covered,
            complete: t.complete,
        }
    }
}

/// The roll-up of one (market, service) group of a company's records for one fiscal year.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExportGroup {
    /// The buyer's country; absent when the records are not broken down by market.
    pub market: Option<String>,
    /// The service; absent when the records are not broken down by service.
    pub service: Option<ExportService>,
    /// The fiscal year, by its start year.
    pub fiscal_year: i32,
    /// Whole US dollars.
    pub value: u64,
    /// How many months of the fiscal year the value covers, 0..=12.
    pub months_covered: u8,
    /// True when the value covers the whole fiscal year.
    pub complete: bool,
}

impl From<&pkit::analytics::ExportGroup> for ExportGroup {
    fn from(g: &pkit::analytics::ExportGroup) -> ExportGroup {
        ExportGroup {
            market: g.market.map(|m| m.to_string()),
            service: g.service,
            fiscal_year: g.fiscal_year,
            value: g.value,
            months_covered: g.months_covered,
            complete: g.complete,
        }
    }
}

/// A company's exports of one fiscal year to one market.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MarketValue {
    /// The market; absent for the part of the total attributed to no market.
    pub market: Option<String>,
    /// Whole US dollars.
    pub value: u64,
    /// True when every figure behind the value covers the whole fiscal year.
    pub complete: bool,
}

impl From<&pkit::analytics::MarketValue> for MarketValue {
    fn from(m: &pkit::analytics::MarketValue) -> MarketValue {
        MarketValue {
            market: m.market.map(|c| c.to_string()),
            value: m.value,
            complete: m.complete,
        }
    }
}

/// A company's exports of one fiscal year in one service category.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ServiceValue {
    /// The service; absent for the part of the total attributed to no service.
    pub service: Option<ExportService>,
    /// Whole US dollars.
    pub value: u64,
    /// True when every figure behind the value covers the whole fiscal year.
    pub complete: bool,
}

impl From<&pkit::analytics::ServiceValue> for ServiceValue {
    fn from(s: &pkit::analytics::ServiceValue) -> ServiceValue {
        ServiceValue {
            service: s.service,
            value: s.value,
            complete: s.complete,
        }
    }
}

/// One company's exports rolled up to fiscal years (`Registry.companyExports`): an object
/// holding the core's value, whose methods call the core's.
#[derive(Debug, uniffi::Object)]
pub struct CompanyExports(pkit::analytics::CompanyExports);

impl CompanyExports {
    pub(crate) fn new(exports: pkit::analytics::CompanyExports) -> CompanyExports {
        CompanyExports(exports)
    }
}

#[uniffi::export]
impl CompanyExports {
    /// The company's id.
    pub fn company_id(&self) -> String {
        self.0.company_id.clone()
    }

    /// The company's total per fiscal year, oldest first.
    pub fn totals(&self) -> Vec<ExportTotal> {
        self.0.totals.iter().map(ExportTotal::from).collect()
    }

    /// Every (market, service, fiscal year) group, by fiscal year, then market, then service.
    pub fn groups(&self) -> Vec<ExportGroup> {
        self.0.groups.iter().map(ExportGroup::from).collect()
    }

    /// The company's total for `fiscal_year` (by its start year), if it has records for it.
    pub fn total(&self, fiscal_year: i32) -> Option<ExportTotal> {
        self.0.total(fiscal_year).map(ExportTotal::from)
    }

    /// The fiscal year's total by market, largest first, then the part no market accounts for.
    pub fn by_market(&self, fiscal_year: i32) -> Vec<MarketValue> {
        self.0
            .by_market(fiscal_year)
            .iter()
            .map(MarketValue::from)
            .collect()
    }

    /// The fiscal year's total by service, largest first, then the part no service accounts
    /// for.
    pub fn by_service(&self, fiscal_year: i32) -> Vec<ServiceValue> {
        self.0
            .by_service(fiscal_year)
            .iter()
            .map(ServiceValue::from)
            .collect()
    }
}

/// A company and its export total of one fiscal year.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CompanyValue {
    /// The company's id.
    pub company_id: String,
    /// The company's registered name.
    pub legal_name: String,
    /// Its export total for the year, whole US dollars.
    pub value: u64,
    /// How many months of the fiscal year the value covers, 0..=12.
    pub months_covered: u8,
    /// True when the value covers the whole fiscal year.
    pub complete: bool,
}

impl From<&pkit::analytics::CompanyValue> for CompanyValue {
    fn from(c: &pkit::analytics::CompanyValue) -> CompanyValue {
        CompanyValue {
            company_id: c.company_id.clone(),
            legal_name: c.legal_name.clone(),
            value: c.value,
            months_covered: c.months_covered,
            complete: c.complete,
        }
    }
}

/// One market's exports in a fiscal year and its share of all market-attributed exports.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MarketShare {
    /// The buyer's country.
    pub market: String,
    /// Whole US dollars, summed over companies.
    pub value: u64,
    /// `value` over the sum of all markets' values of the year, 0.0..=1.0.
    pub share: f64,
}

impl From<&pkit::analytics::MarketShare> for MarketShare {
    fn from(m: &pkit::analytics::MarketShare) -> MarketShare {
        MarketShare {
            market: m.market.to_string(),
            value: m.value,
            share: m.share,
        }
    }
}

/// A certificate's derived status on a date.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CertificateStatus {
    /// The company's id.
    pub company_id: String,
    /// The certificate's position in the company's `certifications`.
    pub index: u64,
    /// The scheme.
    pub scheme: Scheme,
    /// The edition.
    pub edition: String,
    /// The derived status on the date.
    pub status: DerivedStatus,
    /// `expiresOn`, or the end of the edition's transition when that comes first.
    pub effective_expiry: String,
    /// Days from the date to the effective expiry; negative once it has passed.
    pub days_to_expiry: i64,
}

impl From<&pkit::analytics::CertificateStatus> for CertificateStatus {
    fn from(s: &pkit::analytics::CertificateStatus) -> CertificateStatus {
        CertificateStatus {
            company_id: s.company_id.clone(),
            index: s.index as u64,
            scheme: s.scheme,
            edition: s.edition.to_owned(),
            status: s.status,
            effective_expiry: s.effective_expiry.to_string(),
            days_to_expiry: s.days_to_expiry,
        }
    }
}

/// How many companies hold a certificate of a scheme in force on a date.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Coverage {
    /// The scheme.
    pub scheme: Scheme,
    /// Companies with at least one certificate of it that is `valid` or `expiring`.
    pub companies: u64,
    /// `companies` over all companies, 0.0..=1.0.
    pub share: f64,
}

impl From<&pkit::analytics::Coverage> for Coverage {
    fn from(c: &pkit::analytics::Coverage) -> Coverage {
        Coverage {
            scheme: c.scheme,
            companies: c.companies as u64,
            share: c.share,
        }
    }
}

/// A company whose only certificates of a scheme are to a superseded edition past its
/// transition.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TransitionGap {
    /// The company's id.
    pub company_id: String,
    /// The scheme.
    pub scheme: Scheme,
    /// The superseded edition.
    pub edition: String,
    /// The last day a certificate to that edition stayed valid, `YYYY-MM-DD`.
    pub transition_end: String,
}

impl From<&pkit::analytics::TransitionGap> for TransitionGap {
    fn from(g: &pkit::analytics::TransitionGap) -> TransitionGap {
        TransitionGap {
            company_id: g.company_id.clone(),
            scheme: g.scheme,
            edition: g.edition.to_owned(),
            transition_end: g.transition_end.to_string(),
        }
    }
}

/// A company and how many awards it holds.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CompanyAwards {
    /// The company's id.
    pub company_id: String,
    /// The company's registered name.
    pub legal_name: String,
    /// How many awards it holds (every result).
    pub awards: u64,
    /// How many of them have the result `winner`.
    pub winners: u64,
}

impl From<&pkit::analytics::CompanyAwards> for CompanyAwards {
    fn from(c: &pkit::analytics::CompanyAwards) -> CompanyAwards {
        CompanyAwards {
            company_id: c.company_id.clone(),
            legal_name: c.legal_name.clone(),
            awards: c.awards as u64,
            winners: c.winners as u64,
        }
    }
}

/// What an initiative, or a group of initiatives, yielded (SPEC §1.10; definitions in
/// `docs/promotion.md`): counts and sums from the records, and the ratios the core computed
/// from them, absent when a divisor is missing or zero.
///
/// For a group, the cost measures (`publicCostUsd`, `costPerLead`, `costPerBindingAgreement`,
/// `returnPerUsd`) are over the group's initiatives that have a public cost only.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Outcome {
    /// Companies listed as participants.
    pub participants: u64,
    /// Their subsidies, summed: whole US dollars.
    pub subsidy_usd: u64,
    /// What public bodies spent (for a group: the sum over the initiatives that say).
    pub public_cost_usd: Option<u64>,
    /// Leads credited.
    pub leads: u64,
    /// Their estimated values, summed where given.
    pub lead_value_usd: u64,
    /// Credited leads still open.
    pub leads_open: u64,
    /// Credited leads won.
    pub leads_won: u64,
    /// Credited leads lost.
    pub leads_lost: u64,
    /// Binding agreements credited.
    pub binding_agreements: u64,
    /// Their values, summed: the contracted value.
    pub contracted_value_usd: u64,
    /// MoUs and letters of intent credited (their values count in no total).
    pub non_binding_agreements: u64,
    /// Offices abroad credited.
    pub offices: u64,
    /// Won ÷ (won + lost).
    pub conversion: Option<f64>,
    /// Public cost ÷ leads.
    pub cost_per_lead: Option<f64>,
    /// Public cost ÷ binding agreements.
    pub cost_per_binding_agreement: Option<f64>,
    /// Contracted value ÷ public cost: dollars of binding business per public dollar.
    pub return_per_usd: Option<f64>,
}

impl From<&pkit::analytics::Outcome> for Outcome {
    fn from(o: &pkit::analytics::Outcome) -> Outcome {
        Outcome {
            participants: o.participants as u64,
            subsidy_usd: o.subsidy_usd,
            public_cost_usd: o.public_cost_usd,
            leads: o.leads as u64,
            lead_value_usd: o.lead_value_usd,
            leads_open: o.leads_open as u64,
            leads_won: o.leads_won as u64,
            leads_lost: o.leads_lost as u64,
            binding_agreements: o.binding_agreements as u64,
            contracted_value_usd: o.contracted_value_usd,
            non_binding_agreements: o.non_binding_agreements as u64,
            offices: o.offices as u64,
            conversion: o.conversion,
            cost_per_lead: o.cost_per_lead,
            cost_per_binding_agreement: o.cost_per_binding_agreement,
            return_per_usd: o.return_per_usd,
        }
    }
}

/// One initiative and what it yielded (`Registry.initiativeOutcomes`).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct InitiativeOutcome {
    /// The initiative's id.
    pub initiative_id: String,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: InitiativeKind,
    /// Whether it was held.
    pub status: InitiativeStatus,
    /// Its fiscal year (the one containing `startsOn`), by the calendar year it starts in.
    pub fiscal_year: i32,
    /// Where it took place, ISO 3166-1 alpha-2.
    pub country: String,
    /// What it yielded.
    pub outcome: Outcome,
}

impl From<&pkit::analytics::InitiativeOutcome> for InitiativeOutcome {
    fn from(o: &pkit::analytics::InitiativeOutcome) -> InitiativeOutcome {
        InitiativeOutcome {
            initiative_id: o.initiative_id.clone(),
            name: o.name.clone(),
            kind: o.kind,
            status: o.status,
            fiscal_year: o.fiscal_year,
            country: o.country.to_string(),
            outcome: Outcome::from(&o.outcome),
        }
    }
}

/// Initiatives grouped by fiscal year or host country, and what they yielded together
/// (`Registry.outcomesByFiscalYear`, `Registry.outcomesByHostCountry`).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct OutcomeGroup {
    /// What the group shares: a fiscal year (`FY2023-24`) or a country code (`AE`).
    pub label: String,
    /// The ids of its initiatives, in document order.
    pub initiatives: Vec<String>,
    /// What they yielded together.
    pub outcome: Outcome,
}

impl From<&pkit::analytics::OutcomeGroup> for OutcomeGroup {
    fn from(g: &pkit::analytics::OutcomeGroup) -> OutcomeGroup {
        OutcomeGroup {
            label: g.label.clone(),
            initiatives: g.initiatives.clone(),
            outcome: Outcome::from(&g.outcome),
        }
    }
}

/// What the leads and agreements credited to initiatives yielded with one counterparty
/// country (`Registry.outcomesByCounterpartyCountry`).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MarketOutcome {
    /// The counterparty country, ISO 3166-1 alpha-2.
    pub country: String,
    /// Credited leads with a counterparty there.
    pub leads: u64,
    /// Their estimated values, summed where given.
    pub lead_value_usd: u64,
    /// Of them, still open.
    pub leads_open: u64,
    /// Of them, won.
    pub leads_won: u64,
    /// Of them, lost.
    pub leads_lost: u64,
    /// Won ÷ (won + lost).
    pub conversion: Option<f64>,
    /// Credited binding agreements with a counterparty there.
    pub binding_agreements: u64,
    /// Their values, summed.
    pub contracted_value_usd: u64,
    /// Credited MoUs and letters of intent with a counterparty there.
    pub non_binding_agreements: u64,
}

impl From<&pkit::analytics::MarketOutcome> for MarketOutcome {
    fn from(m: &pkit::analytics::MarketOutcome) -> MarketOutcome {
        MarketOutcome {
            country: m.country.to_string(),
            leads: m.leads as u64,
            lead_value_usd: m.lead_value_usd,
            leads_open: m.leads_open as u64,
            leads_won: m.leads_won as u64,
            leads_lost: m.leads_lost as u64,
            conversion: m.conversion,
            binding_agreements: m.binding_agreements as u64,
            contracted_value_usd: m.contracted_value_usd,
            non_binding_agreements: m.non_binding_agreements as u64,
        }
    }
}

/// One MoU or letter of intent and what followed it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FollowUp {
    /// The company's id.
    pub company_id: String,
    /// The agreement's id (unique within the company).
    pub agreement_id: String,
    /// `Mou` or `LetterOfIntent`.
    pub kind: AgreementKind,
    /// The counterparty country, ISO 3166-1 alpha-2.
    pub counterparty_country: String,
    /// When it was signed, `YYYY-MM-DD`.
    pub signed_on: String,
    /// The id of the initiative credited with it, if any.
    pub initiative: Option<String>,
    /// Whether it was followed.
    pub state: FollowUpState,
    /// The ids of the binding agreements that followed it, in document order.
    pub followed_by: Vec<String>,
}

impl From<&pkit::analytics::FollowUp> for FollowUp {
    fn from(f: &pkit::analytics::FollowUp) -> FollowUp {
        FollowUp {
            company_id: f.company_id.clone(),
            agreement_id: f.agreement_id.clone(),
            kind: f.kind,
            counterparty_country: f.counterparty_country.to_string(),
            signed_on: f.signed_on.to_string(),
            initiative: f.initiative.clone(),
            state: f.state,
            followed_by: f.followed_by.clone(),
        }
    }
}

/// The follow-through of every MoU and letter of intent, credited or not
/// (`Registry.followThrough`): how many a binding agreement of the same company with the same
/// counterparty country followed within 365 days.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct FollowThrough {
    /// MoUs and letters of intent.
    pub total: u64,
    /// Of them, followed by a binding agreement.
    pub followed: u64,
    /// Of them, not followed yet with their 365 days not over by `asOf`.
    pub pending: u64,
    /// Followed ÷ (total − pending); absent when nothing can be counted.
    pub share: Option<f64>,
    /// Each of them, company by company in document order.
    pub agreements: Vec<FollowUp>,
}

impl From<&pkit::analytics::FollowThrough> for FollowThrough {
    fn from(f: &pkit::analytics::FollowThrough) -> FollowThrough {
        FollowThrough {
            total: f.total as u64,
            followed: f.followed as u64,
            pending: f.pending as u64,
            share: f.share,
            agreements: f.agreements.iter().map(FollowUp::from).collect(),
        }
    }
}

/// The export growth of a group of companies from one fiscal year to the next.
///
/// A company is measured when it has a complete total in both years and the first is above
/// zero; `growth` is the measured companies' second-year sum ÷ their first-year sum − 1.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CohortGrowth {
    /// Companies in the group.
    pub members: u64,
    /// Of them, measured.
    pub measured: u64,
    /// The measured companies' exports in the initiative's fiscal year, whole US dollars.
    pub from_usd: u64,
    /// Their exports in the next fiscal year.
    pub to_usd: u64,
    /// `toUsd ÷ fromUsd − 1`; absent when no company is measured.
    pub growth: Option<f64>,
}

impl From<&pkit::analytics::CohortGrowth> for CohortGrowth {
    fn from(c: &pkit::analytics::CohortGrowth) -> CohortGrowth {
        CohortGrowth {
            members: c.members as u64,
            measured: c.measured as u64,
            from_usd: c.from_usd,
            to_usd: c.to_usd,
            growth: c.growth,
        }
    }
}

/// One initiative's participants and the other companies, side by side
/// (`Registry.participationGrowth`). It compares; it does not attribute.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ParticipationGrowth {
    /// The initiative's id.
    pub initiative_id: String,
    /// Its fiscal year, by the calendar year it starts in; growth runs to the next.
    pub fiscal_year: i32,
    /// The companies listed as its participants.
    pub participants: CohortGrowth,
    /// Every other company of the registry.
    pub non_participants: CohortGrowth,
}

impl From<&pkit::analytics::ParticipationGrowth> for ParticipationGrowth {
    fn from(p: &pkit::analytics::ParticipationGrowth) -> ParticipationGrowth {
        ParticipationGrowth {
            initiative_id: p.initiative_id.clone(),
            fiscal_year: p.fiscal_year,
            participants: CohortGrowth::from(&p.participants),
            non_participants: CohortGrowth::from(&p.non_participants),
        }
    }
}

/// A published claim beside the same metric computed from the records
/// (`Registry.claimsReconciled`).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ClaimCheck {
    /// The claim's id.
    pub claim_id: String,
    /// What it claims.
    pub metric: ClaimMetric,
    /// The id of the initiative it is about, if any.
    pub initiative: Option<String>,
    /// The period it covers, if any (`FY2023-24`, `2024`).
    pub period: Option<String>,
    /// Who made it.
    pub claimed_by: String,
    /// The value claimed.
    pub claimed: u64,
    /// The same metric from the records; absent when the records cannot compute it (no
    /// initiative starts in the period, or a return without a public cost).
    pub recorded: Option<f64>,
    /// Claimed ÷ recorded; absent when recorded is absent or zero.
    pub ratio: Option<f64>,
}

impl From<&pkit::analytics::ClaimCheck> for ClaimCheck {
    fn from(c: &pkit::analytics::ClaimCheck) -> ClaimCheck {
        ClaimCheck {
            claim_id: c.claim_id.clone(),
            metric: c.metric,
            initiative: c.initiative.clone(),
            period: c.period.map(|p| p.to_string()),
            claimed_by: c.claimed_by.clone(),
            claimed: c.claimed,
            recorded: c.recorded,
            ratio: c.ratio,
        }
    }
}
