//! Building the tables: one pass over the records per table, every column allocated once.

use rustc_hash::FxHashMap;

use std::hash::Hash;

use super::{Cell, Column, Dictionary, Nullable, Strings, Table, TableName, Values};
use crate::model::{Company, Service, Source};
use crate::value::{Date, FiscalYear, Period};
use crate::Registry;

impl Registry {
    /// The table `name` of the registry: one row per record, columns in their fixed order.
    ///
    /// Certification status is derived on [`Registry::as_of`].
    ///
    /// # Example
    /// ```
    /// use pkit::table::TableName;
    /// let registry = pkit::Registry::sample();
    /// let certs = registry.table(TableName::Certifications);
    /// let count: usize = registry.companies().iter().map(|c| c.certifications.len()).sum();
    /// assert_eq!(certs.rows(), count);
    /// assert_eq!(certs.column("status").and_then(|c| c.values().cell(0)).as_deref(), Some("active"));
    /// ```
    pub fn table(&self, name: TableName) -> Table {
        match name {
            TableName::Companies => companies(self),
            TableName::Offices => offices(self),
            TableName::Certifications => certifications(self),
            TableName::Awards => awards(self),
            TableName::Exports => exports(self),
            TableName::Observations => observations(self),
            TableName::Targets => targets(self),
            TableName::Rankings => rankings(self),
        }
    }

    /// Every table of the registry, in the order of [`TableName::ALL`].
    ///
    /// # Example
    /// ```
    /// let tables = pkit::Registry::sample().tables();
    /// let names: Vec<_> = tables.iter().map(|t| t.name().as_str()).collect();
    /// assert_eq!(names, ["companies", "offices", "certifications", "awards", "exports",
    ///                    "observations", "targets", "rankings"]);
    /// ```
    pub fn tables(&self) -> Vec<Table> {
        let records: usize = self
            .companies()
            .iter()
            .map(|c| {
                1 + c.offices.len() + c.certifications.len() + c.awards.len() + c.exports.len()
            })
            .sum();
        let workers = std::thread::available_parallelism().map_or(1, usize::from);
        if workers < 2 || records < PARALLEL_FROM_RECORDS {
            return TableName::ALL
                .iter()
                .map(|&name| self.table(name))
                .collect();
        }
        self.tables_in_parallel(workers.min(TableName::ALL.len()))
    }

    /// Builds the tables on `workers` threads, the largest tables first.
    fn tables_in_parallel(&self, workers: usize) -> Vec<Table> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        // Largest first, so the threads finish close together.
        const ORDER: [TableName; 8] = [
            TableName::Exports,
            TableName::Companies,
            TableName::Certifications,
            TableName::Awards,
            TableName::Offices,
            TableName::Observations,
            TableName::Targets,
            TableName::Rankings,
        ];
        let next = AtomicUsize::new(0);
        let built: Vec<(TableName, Table)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        while let Some(&name) = ORDER.get(next.fetch_add(1, Ordering::Relaxed)) {
                            mine.push((name, self.table(name)));
                        }
                        mine
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
        let mut slots: Vec<Option<Table>> = TableName::ALL.iter().map(|_| None).collect();
        for (name, table) in built {
            if let Some(i) = TableName::ALL.iter().position(|&n| n == name) {
                slots[i] = Some(table);
            }
        }
        // A table a failed thread did not deliver is built here; none is ever missing.
        TableName::ALL
            .iter()
            .zip(slots)
            .map(|(&name, slot)| slot.unwrap_or_else(|| self.table(name)))
            .collect()
    }
}

/// From how many records [`Registry::tables`] builds the tables on several threads.
pub(super) const PARALLEL_FROM_RECORDS: usize = 50_000;

/// A column for `n` numbers, dates or booleans (text columns are [`Strings`]).
fn column<T: Cell>(n: usize) -> Nullable<T> {
    Nullable::with_capacity(n)
}

/// Builds a [`Dictionary`] column: each distinct key's text once, a code per row.
struct Coded<K> {
    index: FxHashMap<K, u32>,
    values: Strings,
    codes: Nullable<u32>,
    /// The last key and its code: rows often repeat the one before.
    last: Option<(K, u32)>,
}

impl<K: Hash + Eq + Copy> Coded<K> {
    fn new(n: usize) -> Coded<K> {
        Coded {
            index: FxHashMap::default(),
            values: Strings::default(),
            codes: Nullable::with_capacity(n),
            last: None,
        }
    }

    /// Appends the row of `key` (`None` for a null); `text` gives a new key's value.
    #[inline]
    fn push<S: AsRef<str>>(&mut self, key: Option<K>, text: impl FnOnce(K) -> S) {
        let code = key.map(|k| self.code(k, text));
        self.codes.push(code);
    }

    /// The code of `key`, given a new one when it is first seen.
    #[inline]
    fn code<S: AsRef<str>>(&mut self, key: K, text: impl FnOnce(K) -> S) -> u32 {
        if let Some((last, code)) = self.last {
            if last == key {
                return code;
            }
        }
        let next = u32::try_from(self.index.len()).unwrap_or(u32::MAX);
        let code = *self.index.entry(key).or_insert_with(|| {
            self.values.push(Some(text(key)));
            next
        });
        self.last = Some((key, code));
        code
    }

    fn finish(self) -> Values {
        Values::Dictionary(Dictionary::new(self.codes, self.values))
    }
}

/// The `company_id` column of a child table: the companies' ids once, each row the index of
/// its company.
struct CompanyIds {
    ids: Strings,
    codes: Nullable<u32>,
}

impl CompanyIds {
    fn new(registry: &Registry, n: usize) -> CompanyIds {
        CompanyIds {
            ids: registry
                .companies()
                .iter()
                .map(|c| Some(c.id.as_str()))
                .collect(),
            codes: Nullable::with_capacity(n),
        }
    }

    fn push(&mut self, company: usize) {
        self.codes.push(u32::try_from(company).ok());
    }

    fn finish(self) -> Values {
        Values::Dictionary(Dictionary::new(self.codes, self.ids))
    }
}

fn text(s: &str) -> Option<&str> {
    Some(s)
}

fn opt_text(s: Option<&String>) -> Option<&str> {
    s.map(String::as_str)
}

/// The services of a company joined with `;` in document order; `None` when there are none.
fn services(list: &[Service]) -> Option<String> {
    let len = list.iter().map(|s| s.as_str().len() + 1).sum::<usize>();
    let mut out = String::with_capacity(len.checked_sub(1)?);
    for (i, s) in list.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(s.as_str());
    }
    Some(out)
}

/// What the tables show of a period: its text and its bounds.
struct PeriodCells {
    text: String,
    first_day: Date,
    last_day: Date,
}

/// The [`PeriodCells`] of each period seen, computed once: a large table has many rows but few
/// distinct periods, so a lookup replaces formatting and calendar arithmetic on most rows.
#[derive(Default)]
struct PeriodMemo(FxHashMap<Period, PeriodCells>);

impl PeriodMemo {
    fn get(&mut self, period: Period) -> &PeriodCells {
        self.0.entry(period).or_insert_with(|| PeriodCells {
            text: period.to_string(),
            first_day: period.first_day(),
            last_day: period.last_day(),
        })
    }
}

fn companies(registry: &Registry) -> Table {
    let list = registry.companies();
    let n = list.len();
    let (mut id, mut legal_name, mut trade_name, mut legal_form) = (
        Strings::with_capacity(n),
        Strings::with_capacity(n),
        Strings::with_capacity(n),
        Coded::new(n),
    );
    let (mut ntn, mut cuin, mut lei, mut pseb) = (
        Strings::with_capacity(n),
        Strings::with_capacity(n),
        Strings::with_capacity(n),
        Strings::with_capacity(n),
    );
    let (mut founded_on, mut city, mut region, mut website) = (
        column(n),
        Strings::with_capacity(n),
        Coded::new(n),
        Strings::with_capacity(n),
    );
    let (mut email, mut employees, mut services_col) = (
        Strings::with_capacity(n),
        column(n),
        Strings::with_capacity(n),
    );
    for c in list {
        id.push(text(c.id.as_str()));
        legal_name.push(text(&c.legal_name));
        trade_name.push(opt_text(c.trade_name.as_ref()));
        legal_form.push(Some(c.legal_form), |f| f.as_str());
        ntn.push(opt_text(c.identifiers.ntn.as_ref()));
        cuin.push(opt_text(c.identifiers.cuin.as_ref()));
        lei.push(opt_text(c.identifiers.lei.as_ref()));
        pseb.push(opt_text(c.identifiers.pseb.as_ref()));
        founded_on.push(c.founded_on);
        city.push(text(&c.headquarters.city));
        region.push(Some(c.headquarters.region), |r| r.code());
        website.push(opt_text(c.website.as_ref()));
        email.push(opt_text(c.email.as_ref()));
        employees.push(c.employees);
        services_col.push(services(&c.services));
    }
    Table::new(
        TableName::Companies,
        n,
        vec![
            Column::field("id", Values::Text(id)),
            Column::field("legal_name", Values::Text(legal_name)),
            Column::field("trade_name", Values::Text(trade_name)),
            Column::field("legal_form", legal_form.finish()),
            Column::field("ntn", Values::Text(ntn)),
            Column::field("cuin", Values::Text(cuin)),
            Column::field("lei", Values::Text(lei)),
            Column::field("pseb", Values::Text(pseb)),
            Column::field("founded_on", Values::Date(founded_on)),
            Column::field("headquarters_city", Values::Text(city)),
            Column::field("headquarters_region", region.finish()),
            Column::field("website", Values::Text(website)),
            Column::field("email", Values::Text(email)),
            Column::field("employees", Values::UInt(employees)),
            Column::field("services", Values::Text(services_col)),
        ],
    )
}

/// How many child records of one kind the companies hold.
fn child_rows<T>(registry: &Registry, records: impl Fn(&Company) -> &[T]) -> usize {
    registry.companies().iter().map(|c| records(c).len()).sum()
}

fn offices(registry: &Registry) -> Table {
    let n = child_rows(registry, |c| &c.offices);
    let (mut company_id, mut country, mut city, mut opened_on) = (
        CompanyIds::new(registry, n),
        Coded::new(n),
        Strings::with_capacity(n),
        column(n),
    );
    for (ci, c) in registry.companies().iter().enumerate() {
        for o in &c.offices {
            company_id.push(ci);
            country.push(Some(o.country), |c| c.as_str().to_owned());
            city.push(text(&o.city));
            opened_on.push(o.opened_on);
        }
    }
    Table::new(
        TableName::Offices,
        n,
        vec![
            Column::field("company_id", company_id.finish()),
            Column::field("country", country.finish()),
            Column::field("city", Values::Text(city)),
            Column::field("opened_on", Values::Date(opened_on)),
        ],
    )
}

fn certifications(registry: &Registry) -> Table {
    let n = child_rows(registry, |c| &c.certifications);
    let as_of = registry.as_of();
    let (mut company_id, mut scheme, mut edition, mut level, mut appraisal) = (
        CompanyIds::new(registry, n),
        Coded::new(n),
        Coded::new(n),
        column(n),
        Coded::new(n),
    );
    let (mut number, mut issuer, mut accredited_by, mut issued_on, mut expires_on) = (
        Strings::with_capacity(n),
        Strings::with_capacity(n),
        Strings::with_capacity(n),
        column(n),
        column(n),
    );
    let (mut status, mut scope, mut effective_expiry, mut derived_status) = (
        Coded::new(n),
        Strings::with_capacity(n),
        column(n),
        Coded::new(n),
    );
    for (ci, c) in registry.companies().iter().enumerate() {
        for cert in &c.certifications {
            company_id.push(ci);
            scheme.push(Some(cert.scheme), |x| x.as_str());
            edition.push(Some(cert.edition.as_str()), |e| e);
            level.push(cert.level.map(u64::from));
            appraisal.push(cert.appraisal, |a| a.as_str());
            number.push(opt_text(cert.certificate_number.as_ref()));
            issuer.push(text(&cert.issuer));
            accredited_by.push(opt_text(cert.accredited_by.as_ref()));
            issued_on.push(Some(cert.issued_on));
            expires_on.push(Some(cert.expires_on));
            status.push(Some(cert.status), |x| x.as_str());
            scope.push(opt_text(cert.scope.as_ref()));
            effective_expiry.push(Some(cert.effective_expiry()));
            derived_status.push(Some(cert.status_on(as_of)), |x| x.as_str());
        }
    }
    Table::new(
        TableName::Certifications,
        n,
        vec![
            Column::field("company_id", company_id.finish()),
            Column::field("scheme", scheme.finish()),
            Column::field("edition", edition.finish()),
            Column::field("level", Values::UInt(level)),
            Column::field("appraisal", appraisal.finish()),
            Column::field("certificate_number", Values::Text(number)),
            Column::field("issuer", Values::Text(issuer)),
            Column::field("accredited_by", Values::Text(accredited_by)),
            Column::field("issued_on", Values::Date(issued_on)),
            Column::field("expires_on", Values::Date(expires_on)),
            Column::field("status", status.finish()),
            Column::field("scope", Values::Text(scope)),
            Column::derived("effective_expiry", Values::Date(effective_expiry)),
            Column::derived("derived_status", derived_status.finish()),
        ],
    )
}

fn awards(registry: &Registry) -> Table {
    let n = child_rows(registry, |c| &c.awards);
    let (mut company_id, mut program, mut program_name, mut year) = (
        CompanyIds::new(registry, n),
        Coded::new(n),
        Strings::with_capacity(n),
        column(n),
    );
    let (mut category, mut result, mut entry, mut host_country) = (
        Coded::new(n),
        Coded::new(n),
        Strings::with_capacity(n),
        Coded::new(n),
    );
    for (ci, c) in registry.companies().iter().enumerate() {
        for a in &c.awards {
            company_id.push(ci);
            program.push(Some(a.program), |p| p.as_str());
            program_name.push(opt_text(a.program_name.as_ref()));
            year.push(Some(u64::from(a.year)));
            category.push(Some(a.category.as_str()), |k| k);
            result.push(Some(a.result), |r| r.as_str());
            entry.push(text(&a.entry));
            host_country.push(a.host_country, |h| h.as_str().to_owned());
        }
    }
    Table::new(
        TableName::Awards,
        n,
        vec![
            Column::field("company_id", company_id.finish()),
            Column::field("program", program.finish()),
            Column::field("program_name", Values::Text(program_name)),
            Column::field("year", Values::UInt(year)),
            Column::field("category", category.finish()),
            Column::field("result", result.finish()),
            Column::field("entry", Values::Text(entry)),
            Column::field("host_country", host_country.finish()),
        ],
    )
}

/// What the exports table shows of one period, computed once per distinct period.
#[derive(Clone, Copy)]
struct ExportPeriod {
    period: u32,
    fiscal_year: Option<u32>,
    first_day: Date,
    last_day: Date,
}

fn exports(registry: &Registry) -> Table {
    let n = child_rows(registry, |c| &c.exports);
    let mut company_id = CompanyIds::new(registry, n);
    let (mut amount_usd, mut period_start, mut period_end) = (column(n), column(n), column(n));
    let (mut market, mut service) = (Coded::new(n), Coded::new(n));
    // Periods and their fiscal years are dictionaries built together, one lookup per row.
    let (mut periods, mut fiscal_years) = (Coded::<Period>::new(0), Coded::<i32>::new(0));
    let mut period_codes = Nullable::with_capacity(n);
    let mut fiscal_year_codes = Nullable::with_capacity(n);
    let mut memo: FxHashMap<Period, ExportPeriod> = FxHashMap::default();
    for (ci, c) in registry.companies().iter().enumerate() {
        for e in &c.exports {
            company_id.push(ci);
            let p = *memo.entry(e.period).or_insert_with(|| ExportPeriod {
                period: periods.code(e.period, |x| x.to_string()),
                fiscal_year: e
                    .period
                    .fiscal_year()
                    .map(|fy| fiscal_years.code(fy, |y| FiscalYear::new(y).to_string())),
                first_day: e.period.first_day(),
                last_day: e.period.last_day(),
            });
            period_codes.push(Some(p.period));
            fiscal_year_codes.push(p.fiscal_year);
            amount_usd.push(Some(e.amount_usd));
            market.push(e.market, |m| m.as_str().to_owned());
            service.push(e.service, |x| x.as_str());
            period_start.push(Some(p.first_day));
            period_end.push(Some(p.last_day));
        }
    }
    Table::new(
        TableName::Exports,
        n,
        vec![
            Column::field("company_id", company_id.finish()),
            Column::field(
                "period",
                Values::Dictionary(Dictionary::new(period_codes, periods.values)),
            ),
            Column::field("amount_usd", Values::UInt(amount_usd)),
            Column::field("market", market.finish()),
            Column::field("service", service.finish()),
            Column::derived(
                "fiscal_year",
                Values::Dictionary(Dictionary::new(fiscal_year_codes, fiscal_years.values)),
            ),
            Column::derived("period_start", Values::Date(period_start)),
            Column::derived("period_end", Values::Date(period_end)),
        ],
    )
}

/// The three source columns of a record with an optional [`Source`].
struct SourceColumns {
    publisher: Strings,
    title: Strings,
    url: Strings,
}

impl SourceColumns {
    fn new(n: usize) -> SourceColumns {
        SourceColumns {
            publisher: Strings::with_capacity(n),
            title: Strings::with_capacity(n),
            url: Strings::with_capacity(n),
        }
    }

    fn push(&mut self, source: Option<&Source>) {
        self.publisher.push(source.map(|s| s.publisher.as_str()));
        self.title.push(source.and_then(|s| s.title.as_deref()));
        self.url.push(source.and_then(|s| s.url.as_deref()));
    }

    fn into_columns(self) -> [Column; 3] {
        [
            Column::field("source_publisher", Values::Text(self.publisher)),
            Column::field("source_title", Values::Text(self.title)),
            Column::field("source_url", Values::Text(self.url)),
        ]
    }
}

/// For each observation, whether it is the current vintage of its indicator, region and period
/// (see [`crate::model::observation::supersedes`]).
fn current_vintages(registry: &Registry) -> Vec<Option<bool>> {
    let list = registry.observations();
    let mut current = vec![Some(false); list.len()];
    for i in crate::model::observation::current_vintages(list, |_| true).into_values() {
        if let Some(cell) = current.get_mut(i) {
            *cell = Some(true);
        }
    }
    current
}

fn observations(registry: &Registry) -> Table {
    let list = registry.observations();
    let n = list.len();
    let (mut indicator, mut region, mut period, mut value) = (
        Strings::with_capacity(n),
        Strings::with_capacity(n),
        Strings::with_capacity(n),
        column(n),
    );
    let mut source = SourceColumns::new(n);
    let (mut published_on, mut note, mut period_start, mut period_end) =
        (column(n), Strings::with_capacity(n), column(n), column(n));
    let mut memo = PeriodMemo::default();
    for o in list {
        indicator.push(text(o.indicator.as_str()));
        region.push(text(o.region.code()));
        let p = memo.get(o.period);
        period.push(Some(p.text.as_str()));
        value.push(Some(o.value));
        source.push(Some(&o.source));
        published_on.push(o.published_on);
        note.push(opt_text(o.note.as_ref()));
        period_start.push(Some(p.first_day));
        period_end.push(Some(p.last_day));
    }
    let [publisher, title, url] = source.into_columns();
    Table::new(
        TableName::Observations,
        n,
        vec![
            Column::field("indicator", Values::Text(indicator)),
            Column::field("region", Values::Text(region)),
            Column::field("period", Values::Text(period)),
            Column::field("value", Values::UInt(value)),
            publisher,
            title,
            url,
            Column::field("published_on", Values::Date(published_on)),
            Column::field("note", Values::Text(note)),
            Column::derived("period_start", Values::Date(period_start)),
            Column::derived("period_end", Values::Date(period_end)),
            Column::derived(
                "is_current",
                Values::Bool(current_vintages(registry).into()),
            ),
        ],
    )
}

fn targets(registry: &Registry) -> Table {
    let list = registry.targets();
    let n = list.len();
    let (mut id, mut indicator, mut region, mut value) = (
        Strings::with_capacity(n),
        Strings::with_capacity(n),
        Strings::with_capacity(n),
        column(n),
    );
    let (mut deadline, mut stated_by, mut stated_on) = (
        Strings::with_capacity(n),
        Strings::with_capacity(n),
        column(n),
    );
    let mut source = SourceColumns::new(n);
    let (mut note, mut deadline_end) = (Strings::with_capacity(n), column(n));
    for t in list {
        id.push(text(t.id.as_str()));
        indicator.push(text(t.indicator.as_str()));
        region.push(text(t.region.code()));
        value.push(Some(t.value));
        deadline.push(Some(t.deadline.to_string()));
        stated_by.push(text(&t.stated_by));
        stated_on.push(t.stated_on);
        source.push(t.source.as_ref());
        note.push(opt_text(t.note.as_ref()));
        deadline_end.push(Some(t.deadline.last_day()));
    }
    let [publisher, title, url] = source.into_columns();
    Table::new(
        TableName::Targets,
        n,
        vec![
            Column::field("id", Values::Text(id)),
            Column::field("indicator", Values::Text(indicator)),
            Column::field("region", Values::Text(region)),
            Column::field("value", Values::UInt(value)),
            Column::field("deadline", Values::Text(deadline)),
            Column::field("stated_by", Values::Text(stated_by)),
            Column::field("stated_on", Values::Date(stated_on)),
            publisher,
            title,
            url,
            Column::field("note", Values::Text(note)),
            Column::derived("deadline_end", Values::Date(deadline_end)),
        ],
    )
}

fn rankings(registry: &Registry) -> Table {
    let list = registry.rankings();
    let n = list.len();
    let (mut index, mut publisher, mut period, mut metric) = (
        Strings::with_capacity(n),
        Strings::with_capacity(n),
        Strings::with_capacity(n),
        Strings::with_capacity(n),
    );
    let (mut country, mut rank, mut out_of) = (Strings::with_capacity(n), column(n), column(n));
    let mut source = SourceColumns::new(n);
    let mut note = Strings::with_capacity(n);
    for r in list {
        index.push(text(&r.index));
        publisher.push(text(&r.publisher));
        period.push(Some(r.period.to_string()));
        metric.push(text(&r.metric));
        country.push(text(r.country.as_str()));
        rank.push(Some(r.rank));
        out_of.push(r.out_of);
        source.push(r.source.as_ref());
        note.push(opt_text(r.note.as_ref()));
    }
    let [source_publisher, title, url] = source.into_columns();
    Table::new(
        TableName::Rankings,
        n,
        vec![
            Column::field("index", Values::Text(index)),
            Column::field("publisher", Values::Text(publisher)),
            Column::field("period", Values::Text(period)),
            Column::field("metric", Values::Text(metric)),
            Column::field("country", Values::Text(country)),
            Column::field("rank", Values::UInt(rank)),
            Column::field("out_of", Values::UInt(out_of)),
            source_publisher,
            title,
            url,
            Column::field("note", Values::Text(note)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_are_joined_in_order() {
        assert_eq!(services(&[]), None);
        assert_eq!(
            services(&[Service::Fintech, Service::Bpo]).as_deref(),
            Some("fintech;bpo")
        );
        assert_eq!(services(&[Service::Gaming]).as_deref(), Some("gaming"));
    }
}
