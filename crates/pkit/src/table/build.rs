//! Building the tables: one pass over the records per table, every column allocated once, each
//! column filled by its declaration in [`super::spec`].

use rustc_hash::FxHashMap;

use super::spec::{self, Cells, ColumnSpec, Origin, PeriodPart, Row, WordKey};
use super::{Column, Dictionary, Nullable, Strings, Table, TableName, Values};
use crate::registry::Registry;
use crate::value::{Country, Date, FiscalYear, Period};

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
            TableName::Companies => top(self, name, spec::COMPANIES, self.companies()),
            TableName::Offices => {
                child(self, name, spec::OFFICES, self.companies(), |c| &c.offices)
            }
            TableName::Certifications => {
                child(self, name, spec::CERTIFICATIONS, self.companies(), |c| {
                    &c.certifications
                })
            }
            TableName::Awards => child(self, name, spec::AWARDS, self.companies(), |c| &c.awards),
            TableName::Exports => {
                child(self, name, spec::EXPORTS, self.companies(), |c| &c.exports)
            }
            TableName::Leads => child(self, name, spec::LEADS, self.companies(), |c| &c.leads),
            TableName::Agreements => child(self, name, spec::AGREEMENTS, self.companies(), |c| {
                &c.agreements
            }),
            TableName::Observations => top(self, name, spec::OBSERVATIONS, self.observations()),
            TableName::Targets => top(self, name, spec::TARGETS, self.targets()),
            TableName::Rankings => top(self, name, spec::RANKINGS, self.rankings()),
            TableName::Initiatives => top(self, name, spec::INITIATIVES, self.initiatives()),
            TableName::Participants => {
                child(self, name, spec::PARTICIPANTS, self.initiatives(), |i| {
                    &i.participants
                })
            }
            TableName::Headcounts => child(self, name, spec::HEADCOUNTS, self.initiatives(), |i| {
                &i.headcounts
            }),
            TableName::Claims => top(self, name, spec::CLAIMS, self.claims()),
        }
    }

    /// How many rows the table `name` has, without building it.
    fn rows_of(&self, name: TableName) -> usize {
        let companies = |f: fn(&crate::model::Company) -> usize| -> usize {
            self.companies().iter().map(f).sum()
        };
        let initiatives = |f: fn(&crate::model::Initiative) -> usize| -> usize {
            self.initiatives().iter().map(f).sum()
        };
        match name {
            TableName::Companies => self.companies().len(),
            TableName::Offices => companies(|c| c.offices.len()),
            TableName::Certifications => companies(|c| c.certifications.len()),
            TableName::Awards => companies(|c| c.awards.len()),
            TableName::Exports => companies(|c| c.exports.len()),
            TableName::Leads => companies(|c| c.leads.len()),
            TableName::Agreements => companies(|c| c.agreements.len()),
            TableName::Observations => self.observations().len(),
            TableName::Targets => self.targets().len(),
            TableName::Rankings => self.rankings().len(),
            TableName::Initiatives => self.initiatives().len(),
            TableName::Participants => initiatives(|i| i.participants.len()),
            TableName::Headcounts => initiatives(|i| i.headcounts.len()),
            TableName::Claims => self.claims().len(),
        }
    }

    /// Every table of the registry, in the order of [`TableName::ALL`].
    ///
    /// # Example
    /// ```
    /// let tables = pkit::Registry::sample().tables();
    /// let names: Vec<_> = tables.iter().map(|t| t.name().as_str()).collect();
    /// assert_eq!(names, ["companies", "offices", "certifications", "awards", "exports",
    ///                    "leads", "agreements", "observations", "targets", "rankings",
    ///                    "initiatives", "participants", "headcounts", "claims"]);
    /// ```
    pub fn tables(&self) -> Vec<Table> {
        let rows: Vec<usize> = TableName::ALL.iter().map(|&t| self.rows_of(t)).collect();
        let workers = std::thread::available_parallelism().map_or(1, usize::from);
        if workers < 2 || rows.iter().sum::<usize>() < PARALLEL_FROM_RECORDS {
            return TableName::ALL
                .iter()
                .map(|&name| self.table(name))
                .collect();
        }
        // Largest first, so the threads finish close together.
        let mut order: Vec<(usize, TableName)> = rows
            .into_iter()
            .zip(TableName::ALL.iter().copied())
            .collect();
        order.sort_by_key(|t| std::cmp::Reverse(t.0));
        let order: Vec<TableName> = order.into_iter().map(|(_, t)| t).collect();
        self.tables_in_parallel(workers.min(TableName::ALL.len()), &order)
    }

    /// Builds the tables on `workers` threads, in `order`.
    fn tables_in_parallel(&self, workers: usize, order: &[TableName]) -> Vec<Table> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let next = AtomicUsize::new(0);
        let built: Vec<(TableName, Table)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        while let Some(&name) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
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

/// A table of the registry's own records (`companies`, `observations`, ...).
fn top<R: 'static>(
    registry: &Registry,
    name: TableName,
    columns: &[ColumnSpec<R>],
    records: &[R],
) -> Table {
    let rows: Vec<(u32, &R)> = records.iter().map(|r| (NO_PARENT, r)).collect();
    build(registry, name, columns, &rows)
}

/// The parent index of a row of a top-level table.
const NO_PARENT: u32 = u32::MAX;

/// A table of the records of one kind that the parents (companies, initiatives) hold, parent
/// by parent, each with its parent's index (for `company_id`, `initiative_id`).
fn child<P, R: 'static>(
    registry: &Registry,
    name: TableName,
    columns: &[ColumnSpec<R>],
    parents: &[P],
    records: fn(&P) -> &[R],
) -> Table {
    let mut rows = Vec::with_capacity(parents.iter().map(|p| records(p).len()).sum());
    for (pi, p) in parents.iter().enumerate() {
        let pi = u32::try_from(pi).unwrap_or(NO_PARENT);
        rows.extend(records(p).iter().map(|r| (pi, r)));
    }
    build(registry, name, columns, &rows)
}

/// How many rows are built at a time: each column fills its cells of a chunk in one tight loop,
/// while the chunk's records stay in the cache.
const CHUNK: usize = 512;

/// Builds a table of `columns` from its `rows` (each record with its parent's index in a
/// child table), a chunk of rows at a time, column by column within a chunk.
fn build<R: 'static>(
    registry: &Registry,
    name: TableName,
    columns: &[ColumnSpec<R>],
    rows: &[(u32, &R)],
) -> Table {
    let n = rows.len();
    let mut built: Vec<ColumnBuilder<'_>> = columns
        .iter()
        .map(|c| ColumnBuilder::new(&c.cells, n, registry))
        .collect();
    for (k, chunk) in rows.chunks(CHUNK).enumerate() {
        for (column, builder) in columns.iter().zip(&mut built) {
            builder.fill(&column.cells, chunk, k * CHUNK, registry);
        }
    }
    // The columns computed from the table's period, once its rows are read.
    let periods = built.iter().find_map(|b| match b {
        ColumnBuilder::Period(p) => Some(p),
        _ => None,
    });
    let of_period: Vec<Option<Values>> = built
        .iter()
        .map(|b| match (b, periods) {
            (ColumnBuilder::OfPeriod(part), Some(p)) => Some(p.part(*part)),
            _ => None,
        })
        .collect();
    let columns = columns
        .iter()
        .zip(built)
        .zip(of_period)
        .map(|((c, b), of_period)| {
            let values = of_period.unwrap_or_else(|| b.finish(rows));
            if c.source == Origin::Derived {
                Column::derived(c.name, values)
            } else {
                Column::field(c.name, values)
            }
        })
        .collect();
    Table::new(name, n, columns)
}

/// One column being filled.
enum ColumnBuilder<'r> {
    Text(Strings),
    Repeated(Coded<'r>),
    Words(Indexed),
    Countries(Indexed),
    FiscalYears(Indexed),
    UInt(Nullable<u64>),
    Date(Nullable<Date>),
    Bool(Nullable<bool>),
    Period(Periods),
    /// Every parent's id once; each row the index of its parent.
    Parent(Strings),
    /// Computed from the period column at the end.
    OfPeriod(PeriodPart),
}

impl<'r> ColumnBuilder<'r> {
    fn new<R>(cells: &Cells<R>, n: usize, registry: &'r Registry) -> ColumnBuilder<'r> {
        match cells {
            Cells::Text(_) => ColumnBuilder::Text(Strings::with_capacity(n)),
            Cells::Repeated(_) => ColumnBuilder::Repeated(Coded::with_capacity(n)),
            Cells::Words(_) => ColumnBuilder::Words(Indexed::with_capacity(n)),
            Cells::Countries(_) => ColumnBuilder::Countries(Indexed::with_capacity(n)),
            Cells::FiscalYears(_) => ColumnBuilder::FiscalYears(Indexed::with_capacity(n)),
            Cells::UInt(_) => ColumnBuilder::UInt(Nullable::with_capacity(n)),
            Cells::Date(_) => ColumnBuilder::Date(Nullable::with_capacity(n)),
            Cells::Bool(_) => ColumnBuilder::Bool(Nullable::with_capacity(n)),
            Cells::Period(_) => ColumnBuilder::Period(Periods::with_capacity(n)),
            Cells::Parent(parent) => {
                ColumnBuilder::Parent(parent.ids(registry).into_iter().map(Some).collect())
            }
            Cells::OfPeriod(part) => ColumnBuilder::OfPeriod(*part),
        }
    }

    /// Fills the column's cells of `chunk`, whose first row is row `start` of the table.
    fn fill<R>(
        &mut self,
        cells: &Cells<R>,
        chunk: &[(u32, &'r R)],
        start: usize,
        registry: &'r Registry,
    ) {
        macro_rules! each {
            ($values:expr, $get:expr) => {
                for (k, &(_, record)) in chunk.iter().enumerate() {
                    let row = Row {
                        record,
                        registry,
                        index: start + k,
                    };
                    $values.push($get(row));
                }
            };
        }
        match (self, cells) {
            (ColumnBuilder::Text(v), Cells::Text(get)) => each!(v, get),
            (ColumnBuilder::Repeated(v), Cells::Repeated(get)) => each!(v, get),
            (ColumnBuilder::Words(v), Cells::Words(get)) => {
                each!(v, |row| get(row).map(|w: WordKey| (w.index, w.text)))
            }
            (ColumnBuilder::Countries(v), Cells::Countries(get)) => {
                for (k, &(_, record)) in chunk.iter().enumerate() {
                    let row = Row {
                        record,
                        registry,
                        index: start + k,
                    };
                    let country = get(row);
                    v.push(country.as_ref().map(country_slot));
                }
            }
            (ColumnBuilder::FiscalYears(v), Cells::FiscalYears(get)) => {
                for (k, &(_, record)) in chunk.iter().enumerate() {
                    let row = Row {
                        record,
                        registry,
                        index: start + k,
                    };
                    match get(row) {
                        // Fiscal years of a document start in 1899..=2100: a small number each.
                        Some(year) => {
                            let slot = usize::try_from(year.start_year() - 1899).unwrap_or(0);
                            v.push_with(slot, || year.to_string());
                        }
                        None => v.push(None),
                    }
                }
            }
            (ColumnBuilder::UInt(v), Cells::UInt(get)) => each!(v, get),
            (ColumnBuilder::Date(v), Cells::Date(get)) => each!(v, get),
            (ColumnBuilder::Bool(v), Cells::Bool(get)) => each!(v, get),
            (ColumnBuilder::Period(v), Cells::Period(get)) => each!(v, get),
            // A builder is made from its column's cells: the kinds always agree; the parent
            // codes and the period's parts are made at the end.
            _ => {}
        }
    }

    fn finish<R>(self, rows: &[(u32, &R)]) -> Values {
        match self {
            ColumnBuilder::Text(v) => Values::Text(v),
            ColumnBuilder::Repeated(v) => v.finish(),
            ColumnBuilder::Words(v)
            | ColumnBuilder::Countries(v)
            | ColumnBuilder::FiscalYears(v) => v.finish(),
            ColumnBuilder::UInt(v) => Values::UInt(v),
            ColumnBuilder::Date(v) => Values::Date(v),
            ColumnBuilder::Bool(v) => Values::Bool(v),
            ColumnBuilder::Period(v) => v.texts(),
            // A child table's rows all have a parent.
            ColumnBuilder::Parent(ids) => {
                let codes = Nullable::from_values(rows.iter().map(|&(c, _)| c).collect());
                Values::Dictionary(Dictionary::new(codes, ids))
            }
            ColumnBuilder::OfPeriod(_) => Values::Date(Nullable::default()),
        }
    }
}

/// The period column of a table: a code per row into the distinct periods, in the order first
/// seen.
struct Periods {
    codes: Nullable<u32>,
    periods: Vec<Period>,
    /// The code of each period seen, by its [`period_slot`]: no hashing per row.
    slots: Vec<Option<u32>>,
}

/// A number for every period a document can hold: 22 a year (the fiscal year, its quarters,
/// twelve months, the calendar year, its quarters) from 1899 (fiscal quarters of FY1899-00
/// lie in 1900) to 2100.
fn period_slot(period: Period) -> usize {
    let (year, k) = match period {
        Period::FiscalYear(y) => (y, 0),
        Period::FiscalQuarter(y, q) => (y, usize::from(q)),
        Period::Month(y, m) => (y, 4 + usize::from(m)),
        Period::Year(y) => (y, 17),
        Period::Quarter(y, q) => (y, 17 + usize::from(q)),
    };
    usize::try_from(year - 1899).unwrap_or(0) * 22 + k
}

impl Periods {
    fn with_capacity(n: usize) -> Periods {
        Periods {
            codes: Nullable::with_capacity(n),
            periods: Vec::new(),
            slots: Vec::new(),
        }
    }

    #[inline]
    fn push(&mut self, period: Period) {
        let slot = period_slot(period);
        if self.slots.len() <= slot {
            self.slots.resize(slot + 1, None);
        }
        let code = match self.slots.get(slot).copied().flatten() {
            Some(code) => code,
            None => {
                let code = u32::try_from(self.periods.len()).unwrap_or(u32::MAX);
                self.periods.push(period);
                if let Some(s) = self.slots.get_mut(slot) {
                    *s = Some(code);
                }
                code
            }
        };
        self.codes.push(Some(code));
    }

    /// The column of a part of each row's period, each distinct period's worked out once.
    fn part(&self, part: PeriodPart) -> Values {
        // Every row has a period: each row's code indexes the distinct periods.
        let per_row = |of: fn(Period) -> Date| -> Values {
            let days: Vec<Date> = self.periods.iter().map(|&p| of(p)).collect();
            let values = self.codes.values().iter();
            let values = values.map(|&c| days.get(c as usize).copied().unwrap_or(Date::MIN));
            Values::Date(Nullable::from_values(values.collect()))
        };
        match part {
            PeriodPart::FirstDay => per_row(Period::first_day),
            PeriodPart::LastDay => per_row(Period::last_day),
            PeriodPart::FiscalYear => {
                // The distinct fiscal years, each labelled once, in the order first seen.
                let mut labels = Strings::default();
                let mut years: FxHashMap<i32, u32> = FxHashMap::default();
                let of_period: Vec<Option<u32>> = self
                    .periods
                    .iter()
                    .map(|p| {
                        p.fiscal_year().map(|y| {
                            let next = u32::try_from(years.len()).unwrap_or(u32::MAX);
                            *years.entry(y).or_insert_with(|| {
                                labels.push(Some(FiscalYear::new(y).to_string()));
                                next
                            })
                        })
                    })
                    .collect();
                let codes: Nullable<u32> = self
                    .codes
                    .values()
                    .iter()
                    .map(|&c| of_period.get(c as usize).copied().flatten())
                    .collect();
                Values::Dictionary(Dictionary::new(codes, labels))
            }
        }
    }

    /// The column of the periods' texts (`FY2023-24`).
    fn texts(self) -> Values {
        let texts: Strings = self.periods.iter().map(|p| Some(p.to_string())).collect();
        Values::Dictionary(Dictionary::new(self.codes, texts))
    }
}

/// Builds a [`Dictionary`] column of text: each distinct value once, a code per row.
struct Coded<'r> {
    index: FxHashMap<&'r str, u32>,
    values: Strings,
    codes: Nullable<u32>,
    /// The last value and its code: rows often repeat the one before.
    last: Option<(&'r str, u32)>,
}

impl<'r> Coded<'r> {
    fn with_capacity(n: usize) -> Coded<'r> {
        Coded {
            index: FxHashMap::default(),
            values: Strings::default(),
            codes: Nullable::with_capacity(n),
            last: None,
        }
    }

    /// Appends the row of `text` (`None` for a null).
    #[inline]
    fn push(&mut self, text: Option<&'r str>) {
        let code = text.map(|t| self.code(t));
        self.codes.push(code);
    }

    /// The code of `text`, given a new one when it is first seen.
    fn code(&mut self, text: &'r str) -> u32 {
        if let Some((last, code)) = self.last {
            if last == text {
                return code;
            }
        }
        let next = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
        let code = *self.index.entry(text).or_insert_with(|| {
            self.values.push(Some(text));
            next
        });
        self.last = Some((text, code));
        code
    }

    fn finish(self) -> Values {
        Values::Dictionary(Dictionary::new(self.codes, self.values))
    }
}

/// Builds a [`Dictionary`] column of values known by a small number (a word's position in its
/// vocabulary, a country's two letters): looked up in a table, never hashed.
struct Indexed {
    slots: Vec<Option<u32>>,
    values: Strings,
    codes: Nullable<u32>,
}

impl Indexed {
    fn with_capacity(n: usize) -> Indexed {
        Indexed {
            slots: Vec::new(),
            values: Strings::default(),
            codes: Nullable::with_capacity(n),
        }
    }

    /// Appends the row of the value numbered `slot`, whose text is `text` (`None` for a null).
    #[inline]
    fn push(&mut self, value: Option<(usize, &str)>) {
        let code = value.map(|(slot, text)| self.code(slot, || text));
        self.codes.push(code);
    }

    /// Appends the row of the value numbered `slot`, its text made by `text` when first seen.
    fn push_with(&mut self, slot: usize, text: impl FnOnce() -> String) {
        let code = self.code(slot, text);
        self.codes.push(Some(code));
    }

    /// The code of the value numbered `slot`, given one (and its text) when first seen.
    fn code<S: AsRef<str>>(&mut self, slot: usize, text: impl FnOnce() -> S) -> u32 {
        if self.slots.len() <= slot {
            self.slots.resize(slot + 1, None);
        }
        if let Some(code) = self.slots.get(slot).copied().flatten() {
            return code;
        }
        let code = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
        self.values.push(Some(text().as_ref()));
        if let Some(s) = self.slots.get_mut(slot) {
            *s = Some(code);
        }
        code
    }

    fn finish(self) -> Values {
        Values::Dictionary(Dictionary::new(self.codes, self.values))
    }
}

/// A country's number for [`Indexed`]: its two letters in base 26.
fn country_slot(country: &Country) -> (usize, &str) {
    let code = country.as_str();
    let slot = code
        .bytes()
        .fold(0, |n, b| n * 26 + usize::from(b.saturating_sub(b'A')));
    (slot, code)
}
