//! Building the tables: one pass over the records per table, every column allocated once, each
//! column filled by its declaration in [`super::spec`].

use rustc_hash::FxHashMap;

use super::spec::{self, Cells, ColumnSpec, Key, Origin, Row};
use super::{Column, Dictionary, Nullable, Strings, Table, TableName, Values};
use crate::model::Company;
use crate::registry::Registry;

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
            TableName::Offices => child(self, name, spec::OFFICES, |c| &c.offices),
            TableName::Certifications => {
                child(self, name, spec::CERTIFICATIONS, |c| &c.certifications)
            }
            TableName::Awards => child(self, name, spec::AWARDS, |c| &c.awards),
            TableName::Exports => child(self, name, spec::EXPORTS, |c| &c.exports),
            TableName::Observations => top(self, name, spec::OBSERVATIONS, self.observations()),
            TableName::Targets => top(self, name, spec::TARGETS, self.targets()),
            TableName::Rankings => top(self, name, spec::RANKINGS, self.rankings()),
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

/// A table of the registry's own records (`companies`, `observations`, ...).
fn top<R: 'static>(
    registry: &Registry,
    name: TableName,
    columns: &[ColumnSpec<R>],
    records: &[R],
) -> Table {
    let rows = records.iter().map(|r| (None, r));
    build(registry, name, columns, records.len(), rows)
}

/// A table of the records of one kind that the companies hold, company by company, each with
/// its company's index (for `company_id`).
fn child<R: 'static>(
    registry: &Registry,
    name: TableName,
    columns: &[ColumnSpec<R>],
    records: fn(&Company) -> &[R],
) -> Table {
    let companies = registry.companies();
    let n = companies.iter().map(|c| records(c).len()).sum();
    let rows = companies
        .iter()
        .enumerate()
        .flat_map(|(ci, c)| records(c).iter().map(move |r| (Some(ci), r)));
    build(registry, name, columns, n, rows)
}

/// Builds a table of `columns` from the `n` `records`, each with its company's index in a
/// child table.
fn build<'r, R: 'static>(
    registry: &'r Registry,
    name: TableName,
    columns: &[ColumnSpec<R>],
    n: usize,
    records: impl Iterator<Item = (Option<usize>, &'r R)>,
) -> Table {
    let mut built: Vec<ColumnBuilder<'r>> = columns
        .iter()
        .map(|c| ColumnBuilder::new(&c.cells, n, registry))
        .collect();
    for (index, (company, record)) in records.enumerate() {
        let row = Row {
            record,
            registry,
            index,
        };
        for (column, builder) in columns.iter().zip(&mut built) {
            builder.push(&column.cells, row, company);
        }
    }
    let columns = columns
        .iter()
        .zip(built)
        .map(|(c, b)| {
            let values = b.finish();
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
    UInt(Nullable<u64>),
    Date(Nullable<crate::value::Date>),
    Bool(Nullable<bool>),
    Company(Strings, Nullable<u32>),
}

impl<'r> ColumnBuilder<'r> {
    fn new<R>(cells: &Cells<R>, n: usize, registry: &'r Registry) -> ColumnBuilder<'r> {
        match cells {
            Cells::Text(_) => ColumnBuilder::Text(Strings::with_capacity(n)),
            Cells::Repeated(_) => ColumnBuilder::Repeated(Coded::new(n)),
            Cells::UInt(_) => ColumnBuilder::UInt(Nullable::with_capacity(n)),
            Cells::Date(_) => ColumnBuilder::Date(Nullable::with_capacity(n)),
            Cells::Bool(_) => ColumnBuilder::Bool(Nullable::with_capacity(n)),
            // Every company's id once; each row is the index of its company.
            Cells::Company => ColumnBuilder::Company(
                registry
                    .companies()
                    .iter()
                    .map(|c| Some(c.id.as_str()))
                    .collect(),
                Nullable::with_capacity(n),
            ),
        }
    }

    #[inline]
    fn push<R>(&mut self, cells: &Cells<R>, row: Row<'r, R>, company: Option<usize>) {
        match (self, cells) {
            (ColumnBuilder::Text(v), Cells::Text(get)) => v.push(get(row)),
            (ColumnBuilder::Repeated(v), Cells::Repeated(get)) => v.push(get(row)),
            (ColumnBuilder::UInt(v), Cells::UInt(get)) => v.push(get(row)),
            (ColumnBuilder::Date(v), Cells::Date(get)) => v.push(get(row)),
            (ColumnBuilder::Bool(v), Cells::Bool(get)) => v.push(get(row)),
            (ColumnBuilder::Company(_, codes), Cells::Company) => {
                codes.push(company.and_then(|c| u32::try_from(c).ok()))
            }
            // A builder is made from its column's cells: the kinds always agree.
            _ => {}
        }
    }

    fn finish(self) -> Values {
        match self {
            ColumnBuilder::Text(v) => Values::Text(v),
            ColumnBuilder::Repeated(v) => v.finish(),
            ColumnBuilder::UInt(v) => Values::UInt(v),
            ColumnBuilder::Date(v) => Values::Date(v),
            ColumnBuilder::Bool(v) => Values::Bool(v),
            ColumnBuilder::Company(ids, codes) => Values::Dictionary(Dictionary::new(codes, ids)),
        }
    }
}

/// Builds a [`Dictionary`] column: each distinct value's text once, a code per row.
struct Coded<'r> {
    index: FxHashMap<Key<'r>, u32>,
    values: Strings,
    codes: Nullable<u32>,
    /// The last value and its code: rows often repeat the one before.
    last: Option<(Key<'r>, u32)>,
}

impl<'r> Coded<'r> {
    fn new(n: usize) -> Coded<'r> {
        Coded {
            index: FxHashMap::default(),
            values: Strings::default(),
            codes: Nullable::with_capacity(n),
            last: None,
        }
    }

    /// Appends the row of `key` (`None` for a null).
    #[inline]
    fn push(&mut self, key: Option<Key<'r>>) {
        let code = key.map(|k| self.code(k));
        self.codes.push(code);
    }

    /// The code of `key`, given a new one when it is first seen.
    #[inline]
    fn code(&mut self, key: Key<'r>) -> u32 {
        if let Some((last, code)) = self.last {
            if last == key {
                return code;
            }
        }
        let next = u32::try_from(self.index.len()).unwrap_or(u32::MAX);
        let code = *self.index.entry(key).or_insert_with(|| {
            self.values.push(Some(key.text()));
            next
        });
        self.last = Some((key, code));
        code
    }

    fn finish(self) -> Values {
        Values::Dictionary(Dictionary::new(self.codes, self.values))
    }
}
