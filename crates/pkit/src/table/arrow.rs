//! The tables as Arrow record batches (feature `arrow`): built once here, for the Python
//! binding (which hands them to pyarrow, polars and DuckDB through the Arrow C interfaces)
//! and for the Parquet export (`pkit::parquet`, feature `parquet`).
//!
//! A table's columns are already in Arrow's layouts ([`Strings`], [`Nullable`],
//! [`Dictionary`](super::Dictionary)), so a batch wraps their vectors without converting cells:
//!
//! | [`Values`] | Arrow type |
//! |---|---|
//! | `Text` | `Utf8` (`LargeUtf8` past 2 GiB of text in one column) |
//! | `Dictionary` | `Dictionary(UInt32, Utf8)` |
//! | `UInt` | `UInt64` (amounts in whole units, as the document has them) |
//! | `Date` | `Date32` (days since 1970-01-01) |
//! | `Bool` | `Boolean` |
//!
//! Every field is nullable; a column without nulls has no validity buffer.
//!
//! # Example
//! ```
//! use pkit::table::{arrow::record_batch, TableName};
//! let registry = pkit::Registry::sample();
//! let batch = record_batch(registry.table(TableName::Exports))?;
//! assert_eq!(batch.num_rows(), registry.table(TableName::Exports).rows());
//! assert_eq!(batch.schema().field(0).name(), "company_id");
//! # Ok::<(), pkit::table::arrow::ArrowError>(())
//! ```

use std::sync::Arc;

use arrow_array::types::UInt32Type;
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, DictionaryArray, LargeStringArray, StringArray,
    UInt32Array, UInt64Array,
};
use arrow_buffer::{BooleanBuffer, Buffer, NullBuffer, OffsetBuffer, ScalarBuffer};
use arrow_schema::{Field, Schema};

/// The record batch [`record_batch`] returns (from `arrow-array`, re-exported so that callers
/// name the same version).
pub use arrow_array::RecordBatch;
/// The error [`record_batch`] returns (from `arrow-schema`, re-exported likewise).
pub use arrow_schema::ArrowError;

use super::{Cell, Nullable, Strings, Table, Values};
use crate::issue::Issue;
use crate::value::Date;

/// The issues of a report as an Arrow record batch, one row per issue in order: `severity`,
/// `code`, `path` and `message` (never null), then `file`, `line`, `column` (characters, JSON),
/// `header` (CSV) and `input` (the offending value's JSON text), null where unknown.
///
/// # Errors
/// [`ArrowError`] when Arrow refuses a column, which these columns never give.
///
/// # Example
/// ```
/// let report = pkit::validate(r#"{"schema_version": 1, "as_of": "2024-02-30"}"#);
/// let batch = pkit::table::arrow::issues_batch(report.issues())?;
/// assert_eq!(batch.num_rows(), 1);
/// assert_eq!(batch.schema().field(1).name(), "code");
/// # Ok::<(), pkit::table::arrow::ArrowError>(())
/// ```
pub fn issues_batch(issues: &[Issue]) -> Result<RecordBatch, ArrowError> {
    let text = |f: fn(&Issue) -> Option<&str>| -> ArrayRef {
        Arc::new(StringArray::from(issues.iter().map(f).collect::<Vec<_>>()))
    };
    let number = |f: fn(&Issue) -> Option<u64>| -> ArrayRef {
        Arc::new(UInt64Array::from(issues.iter().map(f).collect::<Vec<_>>()))
    };
    RecordBatch::try_from_iter_with_nullable([
        ("severity", text(|i| Some(i.severity.as_str())), false),
        ("code", text(|i| Some(i.code.as_str())), false),
        ("path", text(|i| Some(i.path.as_str())), false),
        ("message", text(|i| Some(i.message.as_str())), false),
        ("file", text(Issue::file), true),
        ("line", number(Issue::line), true),
        ("column", number(Issue::column), true),
        ("header", text(Issue::header), true),
        ("input", text(|i| i.input.as_deref()), true),
    ])
}

/// The Arrow record batch of a table: one field per column, in the table's order, named as
/// the column, every field nullable (see the [module](self) for the types).
///
/// The table is taken by value: its vectors become the batch's buffers.
///
/// # Errors
/// [`ArrowError`] when Arrow refuses a column, which a table built by
/// [`Registry::table`](crate::registry::Registry::table) never gives (a dictionary code past
/// its values, a date outside `Date32`'s range).
///
/// # Example
/// ```
/// use pkit::table::{arrow::record_batch, TableName};
/// use arrow_schema::DataType;
/// let batch = record_batch(pkit::Registry::sample().table(TableName::Exports))?;
/// let schema = batch.schema();
/// assert_eq!(schema.field_with_name("amount_usd")?.data_type(), &DataType::UInt64);
/// assert_eq!(schema.field_with_name("period_start")?.data_type(), &DataType::Date32);
/// assert_eq!(
///     schema.field_with_name("fiscal_year")?.data_type(),
///     &DataType::Dictionary(Box::new(DataType::UInt32), Box::new(DataType::Utf8)),
/// );
/// # Ok::<(), pkit::table::arrow::ArrowError>(())
/// ```
pub fn record_batch(table: Table) -> Result<RecordBatch, ArrowError> {
    let mut fields = Vec::new();
    let mut arrays = Vec::new();
    for column in table.into_columns() {
        let name = column.name();
        let array = array(column.into_values())?;
        fields.push(Field::new(name, array.data_type().clone(), true));
        arrays.push(array);
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
}

/// The validity buffer, or none when every row is valid.
fn nulls(validity: &[bool]) -> Option<NullBuffer> {
    if validity.iter().all(|&valid| valid) {
        None
    } else {
        Some(NullBuffer::from(validity.to_vec()))
    }
}

fn strings(column: &Strings) -> Result<ArrayRef, ArrowError> {
    let data = Buffer::from(column.data().as_bytes());
    let validity = nulls(column.validity());
    match column
        .offsets()
        .iter()
        .map(|&offset| i32::try_from(offset))
        .collect::<Result<Vec<i32>, _>>()
    {
        Ok(offsets) => Ok(Arc::new(StringArray::try_new(
            OffsetBuffer::new(ScalarBuffer::from(offsets)),
            data,
            validity,
        )?)),
        // More than 2 GiB of text in one column: Arrow's large string layout.
        Err(_) => {
            let offsets = column
                .offsets()
                .iter()
                .map(|&offset| i64::try_from(offset))
                .collect::<Result<Vec<i64>, _>>()
                .map_err(|e| ArrowError::InvalidArgumentError(e.to_string()))?;
            Ok(Arc::new(LargeStringArray::try_new(
                OffsetBuffer::new(ScalarBuffer::from(offsets)),
                data,
                validity,
            )?))
        }
    }
}

fn uints<T: Cell, U: arrow_buffer::ArrowNativeType>(
    column: &Nullable<T>,
    convert: impl Fn(T) -> U,
) -> (ScalarBuffer<U>, Option<NullBuffer>) {
    let values: Vec<U> = column.values().iter().map(|&v| convert(v)).collect();
    (ScalarBuffer::from(values), nulls(column.validity()))
}

fn array(values: Values) -> Result<ArrayRef, ArrowError> {
    Ok(match values {
        Values::Text(column) => strings(&column)?,
        Values::Dictionary(column) => {
            let (codes, validity) = uints(column.codes(), |code| code);
            let keys = UInt32Array::new(codes, validity);
            let values = strings(column.values())?;
            Arc::new(DictionaryArray::<UInt32Type>::try_new(keys, values)?)
        }
        Values::UInt(column) => {
            let (values, validity) = uints(&column, |value| value);
            Arc::new(UInt64Array::new(values, validity))
        }
        Values::Date(column) => {
            let epoch = Date::new(1970, 1, 1)
                .ok_or_else(|| ArrowError::ComputeError("no epoch".to_owned()))?;
            let days = column
                .values()
                .iter()
                .map(|&date| i32::try_from(epoch.days_until(date)))
                .collect::<Result<Vec<i32>, _>>()
                .map_err(|_| ArrowError::ComputeError("a date is outside date32".to_owned()))?;
            let (values, validity) = (ScalarBuffer::from(days), nulls(column.validity()));
            Arc::new(Date32Array::new(values, validity))
        }
        Values::Bool(column) => {
            let values = BooleanBuffer::from(column.values().to_vec());
            Arc::new(BooleanArray::new(values, nulls(column.validity())))
        }
    })
}
