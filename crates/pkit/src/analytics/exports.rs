//! Company exports: export records (SPEC §1.6) rolled up to fiscal years, per company and for
//! all companies together, the top exporters of a year and its markets.
//!
//! The roll-up rule is documented on [`CompanyExports`].

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::model::{Company, ExportService};
use crate::registry::Registry;
use crate::value::{Country, FiscalSlot, FiscalYear};

/// Export revenue of one fiscal year: a company's total, or all companies' together.
///
/// `complete` is true when the value covers all twelve months (`months_covered == 12`); a
/// partial value is the sum of what was reported, not an estimate of the year.
///
/// # Example
/// ```
/// let sample = pkit::Registry::sample();
/// let exports = sample.company_exports("indus-byteworks").unwrap();
/// let fy = exports.total(2023).unwrap();
/// assert_eq!((fy.label().as_str(), fy.value, fy.complete), ("FY2023-24", 38_400_000, true));
/// let current = exports.total(2025).unwrap();
/// assert_eq!((current.months_covered, current.complete), (6, false));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ExportTotal {
    /// The fiscal year, by the calendar year it starts in: 2023 is `FY2023-24`.
    pub fiscal_year: i32,
    /// Whole US dollars.
    pub value: u64,
    /// How many months of the fiscal year the value covers, 0..=12.
    pub months_covered: u8,
    /// True when the value covers the whole fiscal year.
    pub complete: bool,
}

impl ExportTotal {
    /// The fiscal year as written in documents, `FY2023-24`.
    ///
    /// # Example
    /// ```
    /// let t = pkit::analytics::ExportTotal { fiscal_year: 2023, value: 1, months_covered: 12, complete: true };
    /// assert_eq!(t.label(), "FY2023-24");
    /// ```
    pub fn label(&self) -> String {
        FiscalYear::new(self.fiscal_year).to_string()
    }
}

/// The roll-up of one (market, service) group of a company's records for one fiscal year.
///
/// # Example
/// ```
/// let sample = pkit::Registry::sample();
/// let exports = sample.company_exports("mangla-bridge-technologies").unwrap();
/// // FY2024-25 to GB is reported as four quarters: complete.
/// let gb = exports.groups.iter()
///     .find(|g| g.fiscal_year == 2024 && g.market.is_some_and(|m| m.as_str() == "GB"))
///     .unwrap();
/// assert_eq!((gb.value, gb.complete), (1_179_000, true));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ExportGroup {
    /// The buyer's country; `None` when the records do not break the revenue down by market.
    pub market: Option<Country>,
    /// The service; `None` when the records do not break the revenue down by service.
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

/// One company's exports rolled up to fiscal years.
///
/// # The roll-up rule
/// A company's records are grouped by (market, service); an absent market or service is a
/// value of its own, "not broken down". For one group and one fiscal year the value is:
///
/// 1. the fiscal-year record when there is one;
/// 2. else the sum of its quarters and months, a quarter preferred over the months inside it.
///    When they cover all twelve months (four quarters, twelve months, or a mix) the value is
///    complete; otherwise it is a partial total with the number of months it covers, never
///    shown as a whole year.
///
/// A company's total for a fiscal year comes from the first level that has records for that
/// year: the (no market, no service) group; else the sum over markets of the (market, no
/// service) groups; else the sum over services of the (no market, service) groups; else the
/// sum over all (market, service) groups. A sum of groups covers the months every one of them
/// covers, and is complete only when each is.
///
/// # Example
/// ```
/// let sample = pkit::Registry::sample();
/// let exports = sample.company_exports("chenab-data-systems").unwrap();
/// let years: Vec<String> = exports.totals.iter().map(|t| t.label()).collect();
/// assert_eq!(years, ["FY2021-22", "FY2022-23", "FY2023-24", "FY2024-25"]);
/// assert_eq!(exports.total(2023).map(|t| t.value), Some(62_100_000));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompanyExports {
    /// The company's id.
    pub company_id: String,
    /// The company's total per fiscal year, oldest first.
    pub totals: Vec<ExportTotal>,
    /// Every (market, service, fiscal year) group, by fiscal year, then market, then service
    /// (not broken down first).
    pub groups: Vec<ExportGroup>,
}

/// A company's exports of one fiscal year to one market.
///
/// # Example
/// ```
/// let sample = pkit::Registry::sample();
/// let parts = sample.company_exports("indus-byteworks").unwrap().by_market(2023);
/// assert_eq!(parts[0].market.map(|m| m.to_string()).as_deref(), Some("US"));
/// assert_eq!(parts[0].value, 22_950_000);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MarketValue {
    /// The market; `None` for the part of the total attributed to no market.
    pub market: Option<Country>,
    /// Whole US dollars.
    pub value: u64,
    /// True when every figure behind the value covers the whole fiscal year.
    pub complete: bool,
}

/// A company's exports of one fiscal year in one service category.
///
/// # Example
/// ```
/// let sample = pkit::Registry::sample();
/// let parts = sample.company_exports("chenab-data-systems").unwrap().by_service(2023);
/// let services: Vec<_> = parts.iter().map(|p| p.service.map(|s| s.as_str())).collect();
/// assert_eq!(services, [Some("computer_services"), Some("call_centre"), None]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ServiceValue {
    /// The service; `None` for the part of the total attributed to no service.
    pub service: Option<ExportService>,
    /// Whole US dollars.
    pub value: u64,
    /// True when every figure behind the value covers the whole fiscal year.
    pub complete: bool,
}

/// A company and its export total of one fiscal year.
///
/// # Example
/// ```
/// let top = pkit::Registry::sample().top_exporters(2023, 1);
/// assert_eq!(top[0].company_id, "chenab-data-systems");
/// assert!(top[0].complete);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// One market's exports in a fiscal year and its share of all market-attributed exports.
///
/// # Example
/// ```
/// let markets = pkit::Registry::sample().export_markets(2023);
/// assert_eq!(markets[0].market.as_str(), "US");
/// let total: f64 = markets.iter().map(|m| m.share).sum();
/// assert!((total - 1.0).abs() < 1e-9);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MarketShare {
    /// The buyer's country.
    pub market: Country,
    /// Whole US dollars, summed over companies.
    pub value: u64,
    /// `value` over the sum of all markets' values of the year, 0.0..=1.0.
    pub share: f64,
}

/// A value and the fiscal months it covers (bit 0 is July).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Part {
    value: u64,
    mask: u16,
}

impl Part {
    const EMPTY: Part = Part { value: 0, mask: 0 };

    /// The sum of two parts: it covers the months both cover.
    fn add(self, other: Part) -> Part {
        Part {
            value: self.value.saturating_add(other.value),
            mask: self.mask & other.mask,
        }
    }

    fn months(self) -> u8 {
        // At most 12 bits are ever set.
        u8::try_from(self.mask.count_ones()).unwrap_or(12)
    }

    fn complete(self) -> bool {
        self.mask == FiscalYear::WHOLE
    }

    fn total(self, fiscal_year: i32) -> ExportTotal {
        ExportTotal {
            fiscal_year,
            value: self.value,
            months_covered: self.months(),
            complete: self.complete(),
        }
    }
}

/// Which level of the total rule a group belongs to: 0 is (no market, no service), then
/// (market, no service), (no market, service), (market, service).
fn level(market: Option<Country>, service: Option<ExportService>) -> u8 {
    match (market.is_some(), service.is_some()) {
        (false, false) => 0,
        (true, false) => 1,
        (false, true) => 2,
        (true, true) => 3,
    }
}

/// An export record placed for grouping. The derived order sorts by fiscal year, then level,
/// then group, then slot: the year before its quarters, quarters before months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Placed {
    fiscal_year: i32,
    level: u8,
    market: Option<Country>,
    service: Option<ExportService>,
    slot: FiscalSlot,
    amount: u64,
}

impl Placed {
    fn same_group(&self, other: &Placed) -> bool {
        (self.fiscal_year, self.market, self.service)
            == (other.fiscal_year, other.market, other.service)
    }
}

/// The value of one group and fiscal year, from its records in slot order: a record counts
/// unless one before it covers one of its months. So the year record wins, and a quarter is
/// preferred over the months inside it.
fn rollup(run: &[Placed]) -> Part {
    let mut part = Part::EMPTY;
    for record in run {
        let months = record.slot.months();
        if part.mask & months == 0 {
            part.value = part.value.saturating_add(record.amount);
            part.mask |= months;
        }
    }
    part
}

/// One company's records, sorted into groups; the buffer is reused across companies.
#[derive(Default)]
struct Groups {
    records: Vec<Placed>,
}

impl Groups {
    /// Takes the records of `company`, of fiscal year `only` when given.
    fn fill(&mut self, company: &Company, only: Option<i32>) {
        self.records.clear();
        self.records
            .extend(company.exports.iter().filter_map(|record| {
                let (year, slot) = record.period.fiscal_slot()?;
                let fiscal_year = year.start_year();
                only.is_none_or(|y| y == fiscal_year).then_some(Placed {
                    fiscal_year,
                    level: level(record.market, record.service),
                    market: record.market,
                    service: record.service,
                    slot,
                    amount: record.amount_usd,
                })
            }));
        self.records.sort_unstable();
    }

    /// Each group (its first record) and its value, by fiscal year, then level.
    fn groups(&self) -> impl Iterator<Item = (&Placed, Part)> + '_ {
        self.records
            .chunk_by(Placed::same_group)
            .filter_map(|run| Some((run.first()?, rollup(run))))
    }

    /// The company's total per fiscal year, oldest first: the sum of the groups of the first
    /// level that has records for the year.
    fn totals(&self) -> impl Iterator<Item = (i32, Part)> + '_ {
        self.records
            .chunk_by(|a, b| (a.fiscal_year, a.level) == (b.fiscal_year, b.level))
            .scan(None, |last_year, run| {
                let first = run.first()?;
                let is_first_level = *last_year != Some(first.fiscal_year);
                *last_year = Some(first.fiscal_year);
                Some(is_first_level.then(|| (first.fiscal_year, level_total(run))))
            })
            .flatten()
    }

    /// Each named market's value: its (market, no service) group, else the sum of its
    /// (market, service) groups. Filled with one fiscal year only.
    fn markets(&self, out: &mut FxHashMap<Country, (u8, u64)>) {
        out.clear();
        // Groups come by level: a market's first group has its best level.
        for (group, part) in self.groups() {
            let Some(market) = group.market else {
                continue;
            };
            let entry = out.entry(market).or_insert((group.level, 0));
            if entry.0 == group.level {
                entry.1 = entry.1.saturating_add(part.value);
            }
        }
    }
}

/// A company's complete fiscal-year totals, by the rule of [`CompanyExports`], one company
/// at a time (the buffer is kept between companies).
#[derive(Default)]
pub(crate) struct CompleteTotals {
    groups: Groups,
}

impl CompleteTotals {
    /// `(fiscal year, value)` of each of the company's totals that covers all twelve months,
    /// oldest first, into `out` (cleared first).
    pub(crate) fn of(&mut self, company: &Company, out: &mut Vec<(i32, u64)>) {
        out.clear();
        self.groups.fill(company, None);
        out.extend(
            self.groups
                .totals()
                .filter(|(_, part)| part.complete())
                .map(|(fy, part)| (fy, part.value)),
        );
    }
}

/// The sum of the groups of one level (records of one fiscal year and level, sorted).
fn level_total(run: &[Placed]) -> Part {
    run.chunk_by(Placed::same_group)
        .map(rollup)
        .reduce(Part::add)
        .unwrap_or(Part::EMPTY)
}

impl CompanyExports {
    /// The company's total for fiscal year `fiscal_year` (by its start year), if it has
    /// records for that year.
    ///
    /// # Example
    /// ```
    /// let sample = pkit::Registry::sample();
    /// let exports = sample.company_exports("pine-ridge-digital").unwrap();
    /// assert!(exports.total(2022).is_none());
    /// assert_eq!(exports.total(2023).map(|t| t.value), Some(21_000));
    /// ```
    pub fn total(&self, fiscal_year: i32) -> Option<&ExportTotal> {
        self.totals.iter().find(|t| t.fiscal_year == fiscal_year)
    }

    /// The fiscal year's total by market: each named market, largest first (ties by code),
    /// then, as `market: None`, the rest of the total that no market accounts for (omitted
    /// when there is none). A market's value is its (market, no service) group, or the sum of
    /// its (market, service) groups when it has no such group; the parts add up to the total
    /// unless the named markets exceed it.
    ///
    /// # Example
    /// ```
    /// let sample = pkit::Registry::sample();
    /// let parts = sample.company_exports("indus-byteworks").unwrap().by_market(2023);
    /// let parts: Vec<_> = parts.iter().map(|p| (p.market.map(|m| m.to_string()), p.value)).collect();
    /// assert_eq!(parts, [(Some("US".into()), 22_950_000), (Some("GB".into()), 7_800_000),
    ///                    (None, 7_650_000)]);
    /// ```
    pub fn by_market(&self, fiscal_year: i32) -> Vec<MarketValue> {
        self.breakdown(fiscal_year, |g| (g.market, g.service.is_some()))
            .into_iter()
            .map(|p| MarketValue {
                market: p.key,
                value: p.value,
                complete: p.complete,
            })
            .collect()
    }

    /// The fiscal year's total by service, as [`by_market`](Self::by_market) is by market: each
    /// named service, largest first (ties in the spec's order), then, as `service: None`, the
    /// rest of the total that no service accounts for.
    ///
    /// # Example
    /// ```
    /// let sample = pkit::Registry::sample();
    /// let parts = sample.company_exports("chenab-data-systems").unwrap().by_service(2023);
    /// let values: Vec<u64> = parts.iter().map(|p| p.value).collect();
    /// assert_eq!(values, [36_800_000, 5_450_000, 19_850_000]);
    /// assert_eq!(values.iter().sum::<u64>(), 62_100_000);
    /// ```
    pub fn by_service(&self, fiscal_year: i32) -> Vec<ServiceValue> {
        self.breakdown(fiscal_year, |g| (g.service, g.market.is_some()))
            .into_iter()
            .map(|p| ServiceValue {
                service: p.key,
                value: p.value,
                complete: p.complete,
            })
            .collect()
    }

    /// The named parts of a fiscal year's total along one dimension, largest first, then the
    /// rest of the total (key `None`) when there is any.
    ///
    /// `key` gives a group's value in the dimension and whether it is split by the other one;
    /// a key's unsplit group is preferred, else its split groups are summed.
    fn breakdown<K: Copy + Ord>(
        &self,
        fiscal_year: i32,
        key: impl Fn(&ExportGroup) -> (Option<K>, bool),
    ) -> Vec<Slice<K>> {
        // Per key: whether its value comes from split groups, and the slice.
        let mut named: BTreeMap<K, (bool, Slice<K>)> = BTreeMap::new();
        for group in self.groups.iter().filter(|g| g.fiscal_year == fiscal_year) {
            let (Some(k), split) = key(group) else {
                continue;
            };
            let slice = Slice {
                key: Some(k),
                value: group.value,
                complete: group.complete,
            };
            // Groups come by level, so a key's unsplit group (market only, or service only)
            // comes before its split ones (market and service), which it then outranks.
            match named.get_mut(&k) {
                Some((was_split, old)) if *was_split == split => {
                    old.value = old.value.saturating_add(slice.value);
                    old.complete &= slice.complete;
                }
                Some(_) => {}
                None => {
                    named.insert(k, (split, slice));
                }
            }
        }
        let mut slices: Vec<Slice<K>> = named.into_values().map(|(_, slice)| slice).collect();
        slices.sort_by(|a, b| b.value.cmp(&a.value).then(a.key.cmp(&b.key)));
        if let Some(total) = self.total(fiscal_year) {
            let named_sum = slices.iter().fold(0u64, |s, p| s.saturating_add(p.value));
            let rest = total.value.saturating_sub(named_sum);
            if rest > 0 {
                let complete = total.complete && slices.iter().all(|p| p.complete);
                slices.push(Slice {
                    key: None,
                    value: rest,
                    complete,
                });
            }
        }
        slices
    }
}

/// One part of a breakdown of a total.
struct Slice<K> {
    key: Option<K>,
    value: u64,
    complete: bool,
}

impl Registry {
    /// One company's exports rolled up to fiscal years, by the rule of
    /// [`CompanyExports`]; `None` when no company has this id. A company
    /// without export records gives empty lists.
    ///
    /// # Example
    /// ```
    /// let sample = pkit::Registry::sample();
    /// let exports = sample.company_exports("harbour-line-contact").unwrap();
    /// // Only service-level records: the total is the call-centre figure.
    /// assert_eq!(exports.total(2023).map(|t| t.value), Some(15_250_000));
    /// assert!(sample.company_exports("no-such-company").is_none());
    /// ```
    pub fn company_exports(&self, company_id: &str) -> Option<CompanyExports> {
        let company = self.company(company_id)?;
        let mut groups = Groups::default();
        groups.fill(company, None);
        let mut list: Vec<ExportGroup> = groups
            .groups()
            .map(|(group, part)| ExportGroup {
                market: group.market,
                service: group.service,
                fiscal_year: group.fiscal_year,
                value: part.value,
                months_covered: part.months(),
                complete: part.complete(),
            })
            .collect();
        list.sort_unstable_by_key(|g| (g.fiscal_year, g.market, g.service));
        Some(CompanyExports {
            company_id: company.id.as_str().to_owned(),
            totals: groups.totals().map(|(fy, part)| part.total(fy)).collect(),
            groups: list,
        })
    }

    /// All companies' exports per fiscal year, oldest first: the sum of the company totals of
    /// each year that any company reports. The sum covers the months every contributing
    /// company's total covers, so it is complete only when each of them is.
    ///
    /// # Example
    /// ```
    /// let years = pkit::Registry::sample().exports_by_fiscal_year();
    /// let fy = years.iter().find(|t| t.label() == "FY2023-24").unwrap();
    /// assert_eq!((fy.value, fy.complete), (187_255_000, true));
    /// assert!(!years.last().unwrap().complete);
    /// ```
    pub fn exports_by_fiscal_year(&self) -> Vec<ExportTotal> {
        let mut groups = Groups::default();
        let mut all: FxHashMap<i32, Part> = FxHashMap::default();
        for company in self.companies() {
            groups.fill(company, None);
            for (fy, part) in groups.totals() {
                all.entry(fy)
                    .and_modify(|sum| *sum = sum.add(part))
                    .or_insert(part);
            }
        }
        let mut totals: Vec<ExportTotal> =
            all.into_iter().map(|(fy, part)| part.total(fy)).collect();
        totals.sort_unstable_by_key(|t| t.fiscal_year);
        totals
    }

    /// The `n` companies with the largest export total in fiscal year `fiscal_year` (by its
    /// start year), largest first, ties by id. Companies without records for the year are not
    /// listed; a partial total ranks by what it reports and says so (`complete: false`).
    ///
    /// # Example
    /// ```
    /// let top = pkit::Registry::sample().top_exporters(2023, 3);
    /// let ids: Vec<&str> = top.iter().map(|c| c.company_id.as_str()).collect();
    /// assert_eq!(ids, ["chenab-data-systems", "indus-byteworks", "clifton-digital"]);
    /// ```
    pub fn top_exporters(&self, fiscal_year: i32, n: usize) -> Vec<CompanyValue> {
        let companies = self.companies();
        let mut groups = Groups::default();
        let mut ranked: Vec<(Part, &Company)> = Vec::new();
        for company in companies {
            groups.fill(company, Some(fiscal_year));
            if let Some((_, part)) = groups.totals().next() {
                ranked.push((part, company));
            }
        }
        let order = |a: &(Part, &Company), b: &(Part, &Company)| {
            b.0.value
                .cmp(&a.0.value)
                .then_with(|| a.1.id.as_str().cmp(b.1.id.as_str()))
        };
        if n < ranked.len() {
            if n == 0 {
                return Vec::new();
            }
            ranked.select_nth_unstable_by(n - 1, order);
            ranked.truncate(n);
        }
        ranked.sort_unstable_by(order);
        ranked
            .into_iter()
            .map(|(part, company)| CompanyValue {
                company_id: company.id.as_str().to_owned(),
                legal_name: company.legal_name.clone(),
                value: part.value,
                months_covered: part.months(),
                complete: part.complete(),
            })
            .collect()
    }

    /// The markets of fiscal year `fiscal_year` (by its start year), largest first (ties by
    /// code), from the records that name a market: per company, a market's (market, no
    /// service) group, else the sum of its (market, service) groups, rolled up as any group
    /// (partial figures count as reported). `share` is a market's part of the sum over all
    /// markets; exports attributed to no market are left out.
    ///
    /// # Example
    /// ```
    /// let markets = pkit::Registry::sample().export_markets(2023);
    /// assert_eq!(markets[0].market.as_str(), "US");
    /// assert_eq!(markets[0].value, 82_911_000);
    /// assert!((markets[0].share - 0.6895).abs() < 1e-4);
    /// ```
    pub fn export_markets(&self, fiscal_year: i32) -> Vec<MarketShare> {
        let mut groups = Groups::default();
        let mut per_company = FxHashMap::default();
        let mut all: FxHashMap<Country, u64> = FxHashMap::default();
        for company in self.companies() {
            groups.fill(company, Some(fiscal_year));
            groups.markets(&mut per_company);
            for (&market, &(_, value)) in &per_company {
                let sum = all.entry(market).or_default();
                *sum = sum.saturating_add(value);
            }
        }
        let sum = all.values().fold(0u64, |s, &v| s.saturating_add(v));
        let mut shares: Vec<MarketShare> = all
            .into_iter()
            .map(|(market, value)| MarketShare {
                market,
                value,
                share: if sum == 0 {
                    0.0
                } else {
                    value as f64 / sum as f64
                },
            })
            .collect();
        shares.sort_unstable_by(|a, b| b.value.cmp(&a.value).then(a.market.cmp(&b.market)));
        shares
    }
}

#[cfg(test)]
mod tests;
