//! Flat, typed, columnar tables of a registry: one [`Table`] per record family, the one place
//! the CSV writer, the Parquet writer and the Python (Arrow) binding read from; with the
//! feature `arrow`, `table::arrow::record_batch` makes a table an Arrow record batch.
//!
//! [`Registry::table`](crate::registry::Registry::table) builds one table and
//! [`Registry::tables`](crate::registry::Registry::tables) all of them, in the order of [`TableName::ALL`].
//! A table is a list of [`Column`]s of equal length; each column holds typed [`Values`] (text,
//! unsigned integers, dates or booleans), any cell of which may be null. Enums, codes, ids and periods are text in their document form; optional fields
//! are null when absent; defaults the loader applied (`status: active`, `region: PK`) are
//! written out.
//!
//! Child records (offices, certifications, awards, exports, leads, agreements) are listed
//! company by company in document order, and within a company in document order, with the
//! company's id in the first column `company_id`; participants and headcounts the same way
//! with `initiative_id`: the document can be rebuilt from the rows in order.
//!
//! A column is *derived* ([`Column::is_derived`]) when it is computed from the record rather
//! than one of its fields (a certificate's effective expiry, a period's first day, whether an
//! observation is the current vintage). The other columns, read back through
//! [`Values::cell`], give the document's text of every field, so the tables are lossless.
//!
//! The same declarations describe an export for other tools: the CSV directory's
//! `datapackage.json` (a Frictionless Data Package) lists each table's columns in order, typed,
//! with the constraints of the model's JSON Schema, the primary keys and the references.
//!
//! # Example
//! ```
//! use pkit::table::{TableName, Values};
//! let registry = pkit::Registry::sample();
//! let exports = registry.table(TableName::Exports);
//! let amounts = exports.column("amount_usd").map(|c| c.values());
//! let Some(Values::UInt(amounts)) = amounts else { panic!("amount_usd is an integer column") };
//! let total: u64 = amounts.iter().flatten().sum();
//! assert!(total > 0);
//! assert_eq!(exports.column("fiscal_year").and_then(|c| c.values().cell(0)).as_deref(),
//!            Some("FY2021-22"));
//! ```

#[cfg(feature = "arrow")]
pub mod arrow;
mod build;
mod dictionary;
mod nullable;
pub(crate) mod package;
pub(crate) mod spec;
mod strings;
#[cfg(test)]
mod tests;

pub use dictionary::Dictionary;
pub use nullable::{Cell, Nullable};
pub use strings::Strings;

use crate::value::Date;

crate::issue::vocabulary! {
    /// The fourteen tables of a registry: companies and the tables of their records, the
    /// national records, then the initiatives with the tables of theirs, and the claims.
    ///
    /// Parses from and prints as its snake_case name (`companies`, `offices`, ...), the name the
    /// CSV files and the Python binding use.
    ///
    /// # Example
    /// ```
    /// use pkit::table::TableName;
    /// let name: TableName = "certifications".parse()?;
    /// assert_eq!(name, TableName::Certifications);
    /// assert_eq!(name.to_string(), "certifications");
    /// assert_eq!(TableName::ALL.len(), 14);
    /// let err = "certificates".parse::<TableName>().unwrap_err();
    /// assert_eq!(err.to_string(), "`certificates` is not a table: expected one of companies, \
    ///     offices, certifications, awards, exports, leads, agreements, observations, targets, \
    ///     rankings, initiatives, participants, headcounts, claims");
    /// # Ok::<(), pkit::value::ParseError>(())
    /// ```
    pub enum TableName as "a table" in "pkit::table" {
        /// One row per company.
        Companies = "companies",
        /// One row per office abroad, with its `company_id`.
        Offices = "offices",
        /// One row per certification, with its `company_id`.
        Certifications = "certifications",
        /// One row per award, with its `company_id`.
        Awards = "awards",
        /// One row per export record, with its `company_id`.
        Exports = "exports",
        /// One row per lead, with its `company_id`.
        Leads = "leads",
        /// One row per agreement, with its `company_id`.
        Agreements = "agreements",
        /// One row per observation (national or regional statistic).
        Observations = "observations",
        /// One row per policy target.
        Targets = "targets",
        /// One row per international ranking.
        Rankings = "rankings",
        /// One row per promotion initiative.
        Initiatives = "initiatives",
        /// One row per participant of an initiative, with its `initiative_id`.
        Participants = "participants",
        /// One row per headcount reported for an initiative, with its `initiative_id`.
        Headcounts = "headcounts",
        /// One row per published claim.
        Claims = "claims",
    }
}

/// A flat table of one record family: named, typed columns of equal length.
///
/// # Example
/// ```
/// use pkit::table::TableName;
/// let registry = pkit::Registry::sample();
/// let companies = registry.table(TableName::Companies);
/// assert_eq!(companies.name(), TableName::Companies);
/// assert_eq!(companies.rows(), registry.companies().len());
/// assert_eq!(companies.columns()[0].name(), "id");
/// assert!(companies.columns().iter().all(|c| c.values().len() == companies.rows()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    name: TableName,
    columns: Vec<Column>,
    rows: usize,
}

impl Table {
    /// A table of these columns, each `rows` long (checked in debug builds).
    fn new(name: TableName, rows: usize, columns: Vec<Column>) -> Table {
        debug_assert!(
            columns.iter().all(|c| c.values.len() == rows),
            "every column of {name} has {rows} values"
        );
        Table {
            name,
            columns,
            rows,
        }
    }

    /// Which table this is.
    ///
    /// # Example
    /// ```
    /// use pkit::table::TableName;
    /// let targets = pkit::Registry::sample().table(TableName::Targets);
    /// assert_eq!(targets.name(), TableName::Targets);
    /// ```
    pub fn name(&self) -> TableName {
        self.name
    }

    /// The columns, in their fixed order (the order of the CSV header).
    ///
    /// # Example
    /// ```
    /// use pkit::table::TableName;
    /// let offices = pkit::Registry::sample().table(TableName::Offices);
    /// let names: Vec<_> = offices.columns().iter().map(|c| c.name()).collect();
    /// assert_eq!(names, ["company_id", "country", "city", "opened_on", "initiative"]);
    /// ```
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// The column of this name, if the table has one.
    ///
    /// # Example
    /// ```
    /// use pkit::table::{ColumnKind, TableName};
    /// let awards = pkit::Registry::sample().table(TableName::Awards);
    /// assert_eq!(awards.column("year").map(|c| c.kind()), Some(ColumnKind::UInt));
    /// assert!(awards.column("no_such_column").is_none());
    /// ```
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// How many rows (records) the table has.
    ///
    /// # Example
    /// ```
    /// use pkit::table::TableName;
    /// assert_eq!(pkit::Registry::sample().table(TableName::Rankings).rows(), 3);
    /// ```
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// True when the table has no rows (its columns are still there, empty).
    ///
    /// # Example
    /// ```
    /// use pkit::table::TableName;
    /// let empty = pkit::Registry::from_json(r#"{"schema_version": 1, "as_of": "2024-06-30"}"#)?;
    /// let table = empty.table(TableName::Certifications);
    /// assert!(table.is_empty());
    /// assert_eq!(table.columns().len(), 14);
    /// # Ok::<(), pkit::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// The columns, by value (to hand their vectors on without copying them).
    ///
    /// # Example
    /// ```
    /// use pkit::table::TableName;
    /// let columns = pkit::Registry::sample().table(TableName::Targets).into_columns();
    /// assert_eq!(columns[0].name(), "id");
    /// ```
    pub fn into_columns(self) -> Vec<Column> {
        self.columns
    }
}

/// One named, typed column of a [`Table`].
///
/// # Example
/// ```
/// use pkit::table::{ColumnKind, TableName};
/// let certs = pkit::Registry::sample().table(TableName::Certifications);
/// let expiry = certs.column("effective_expiry").unwrap();
/// assert_eq!(expiry.name(), "effective_expiry");
/// assert_eq!(expiry.kind(), ColumnKind::Date);
/// assert!(expiry.is_derived());
/// assert!(!certs.column("expires_on").unwrap().is_derived());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    name: &'static str,
    derived: bool,
    values: Values,
}

impl Column {
    /// A column of a field of the document.
    fn field(name: &'static str, values: Values) -> Column {
        Column {
            name,
            derived: false,
            values,
        }
    }

    /// A column computed from the records.
    fn derived(name: &'static str, values: Values) -> Column {
        Column {
            name,
            derived: true,
            values,
        }
    }

    /// The column's name (a field name of the document, or the name of a derived value).
    ///
    /// # Example
    /// ```
    /// use pkit::table::TableName;
    /// let exports = pkit::Registry::sample().table(TableName::Exports);
    /// assert_eq!(exports.columns()[2].name(), "amount_usd");
    /// ```
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// True when the column is computed (`effective_expiry`, `period_start`, `is_current`, ...)
    /// rather than a field of the document; such a column is not needed to rebuild the
    /// document.
    ///
    /// # Example
    /// ```
    /// use pkit::table::TableName;
    /// let observations = pkit::Registry::sample().table(TableName::Observations);
    /// let derived: Vec<_> = observations.columns().iter()
    ///     .filter(|c| c.is_derived()).map(|c| c.name()).collect();
    /// assert_eq!(derived, ["period_start", "period_end", "is_current"]);
    /// ```
    pub fn is_derived(&self) -> bool {
        self.derived
    }

    /// The column's values, one per row.
    ///
    /// # Example
    /// ```
    /// use pkit::table::{TableName, Values};
    /// let companies = pkit::Registry::sample().table(TableName::Companies);
    /// let Some(Values::Text(ids)) = companies.column("id").map(|c| c.values()) else { panic!() };
    /// assert_eq!(ids.get(0), Some("indus-byteworks"));
    /// ```
    pub fn values(&self) -> &Values {
        &self.values
    }

    /// The kind of the column's values.
    ///
    /// # Example
    /// ```
    /// use pkit::table::{ColumnKind, TableName};
    /// let observations = pkit::Registry::sample().table(TableName::Observations);
    /// assert_eq!(observations.column("is_current").map(|c| c.kind()), Some(ColumnKind::Bool));
    /// ```
    pub fn kind(&self) -> ColumnKind {
        self.values.kind()
    }

    /// The values, by value.
    ///
    /// # Example
    /// ```
    /// use pkit::table::{TableName, Values};
    /// let rankings = pkit::Registry::sample().table(TableName::Rankings);
    /// let rank = rankings.into_columns().into_iter().find(|c| c.name() == "rank").unwrap();
    /// assert!(matches!(rank.into_values(), Values::UInt(v) if v.len() == 3));
    /// ```
    pub fn into_values(self) -> Values {
        self.values
    }
}

/// The kind of a column's values.
///
/// # Example
/// ```
/// use pkit::table::{ColumnKind, Values};
/// assert_eq!(Values::Bool(vec![Some(true)].into()).kind(), ColumnKind::Bool);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnKind {
    /// Text: ids, names, enums and codes in their document form, periods.
    Text,
    /// Unsigned integers: amounts, counts, years, levels, ranks.
    UInt,
    /// Calendar dates.
    Date,
    /// Booleans.
    Bool,
}

/// The values of a column, one per row; `None` is a null cell (an absent optional field, or a
/// derived value that does not exist for the row).
///
/// # Example
/// ```
/// use pkit::table::{ColumnKind, Values};
/// let values = Values::UInt(vec![Some(7), None].into());
/// assert_eq!(values.len(), 2);
/// assert_eq!(values.kind(), ColumnKind::UInt);
/// assert_eq!(values.cell(0).as_deref(), Some("7"));
/// assert_eq!(values.cell(1), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Values {
    /// Text values.
    Text(Strings),
    /// Text values that repeat (enums, codes, periods, company ids): distinct values and codes.
    Dictionary(Dictionary),
    /// Unsigned integer values.
    UInt(Nullable<u64>),
    /// Date values.
    Date(Nullable<Date>),
    /// Boolean values.
    Bool(Nullable<bool>),
}

impl Values {
    /// How many values (rows).
    ///
    /// # Example
    /// ```
    /// let text = vec![None, Some("x")].into_iter().collect();
    /// assert_eq!(pkit::table::Values::Text(text).len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        match self {
            Values::Text(v) => v.len(),
            Values::Dictionary(v) => v.len(),
            Values::UInt(v) => v.len(),
            Values::Date(v) => v.len(),
            Values::Bool(v) => v.len(),
        }
    }

    /// True when there are no values.
    ///
    /// # Example
    /// ```
    /// assert!(pkit::table::Values::Bool(Default::default()).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The kind of the values.
    ///
    /// # Example
    /// ```
    /// use pkit::table::{ColumnKind, Values};
    /// assert_eq!(Values::Date(Default::default()).kind(), ColumnKind::Date);
    /// ```
    pub fn kind(&self) -> ColumnKind {
        match self {
            Values::Text(_) | Values::Dictionary(_) => ColumnKind::Text,
            Values::UInt(_) => ColumnKind::UInt,
            Values::Date(_) => ColumnKind::Date,
            Values::Bool(_) => ColumnKind::Bool,
        }
    }

    /// The document's text form of the cell at `row`: text as it is, dates `YYYY-MM-DD`,
    /// integers in decimal, booleans `true` or `false`. `None` for a null cell, and for a row
    /// past the end.
    ///
    /// # Example
    /// ```
    /// use pkit::table::{TableName, Values};
    /// let certs = pkit::Registry::sample().table(TableName::Certifications);
    /// let issued = certs.column("issued_on").unwrap().values();
    /// assert_eq!(issued.cell(0).map(|d| d.len()), Some(10));
    /// assert_eq!(issued.cell(certs.rows()), None);
    /// assert_eq!(Values::Bool(vec![Some(false)].into()).cell(0).as_deref(), Some("false"));
    /// ```
    pub fn cell(&self, row: usize) -> Option<String> {
        match self {
            Values::Text(v) => v.get(row).map(str::to_owned),
            Values::Dictionary(v) => v.get(row).map(str::to_owned),
            Values::UInt(v) => v.get(row).map(|n| n.to_string()),
            Values::Date(v) => v.get(row).map(|d| d.to_string()),
            Values::Bool(v) => v.get(row).map(|b| b.to_string()),
        }
    }
}
