//! Arguments from Python: text as `str` or `bytes`, dates, fiscal years and vocabulary values,
//! each refused with a `TypeError` or `ValueError` that says what was expected.

use std::str::FromStr;

use chrono::Datelike;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyString};

/// A document's text: a `str`, or `bytes` that must be UTF-8.
pub(crate) enum Text {
    Str(PyBackedStr),
    Bytes(PyBackedBytes),
}

impl Text {
    /// The text, or the report of bytes that are not UTF-8 (`invalid_json`).
    pub(crate) fn as_str(&self) -> Result<&str, pkit::Report> {
        match self {
            Text::Str(text) => Ok(text),
            Text::Bytes(bytes) => {
                std::str::from_utf8(bytes).map_err(|_| pkit::validate_bytes(bytes))
            }
        }
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Text {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if obj.is_instance_of::<PyString>() {
            Ok(Text::Str(obj.extract()?))
        } else if obj.is_instance_of::<PyBytes>() {
            Ok(Text::Bytes(obj.extract()?))
        } else {
            Err(PyTypeError::new_err(format!(
                "expected the document as str or bytes, got {}; to read a file use pkit.load(path)",
                type_name(&obj)
            )))
        }
    }
}

/// The name of an object's type, for messages.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "an unknown type".to_owned())
}

/// A `datetime.date` (or an ISO `YYYY-MM-DD` string) as the core's date.
pub(crate) struct DateArg(pub(crate) pkit::value::Date);

impl<'a, 'py> FromPyObject<'a, 'py> for DateArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(text) = obj.extract::<PyBackedStr>() {
            return pkit::value::Date::from_str(&text)
                .map(DateArg)
                .map_err(|e| PyValueError::new_err(e.to_string()));
        }
        match obj.extract::<chrono::NaiveDate>() {
            Ok(date) => pkit::value::Date::new(date.year(), date.month(), date.day())
                .map(DateArg)
                .ok_or_else(|| PyValueError::new_err(format!("{date} is out of range"))),
            Err(_) => Err(PyTypeError::new_err(format!(
                "expected a datetime.date or a YYYY-MM-DD string, got {}",
                type_name(&obj)
            ))),
        }
    }
}

/// A fiscal year: the `int` year it starts in (`2023` for FY2023-24) or its label
/// (`"FY2023-24"`).
pub(crate) struct FiscalYear(pub(crate) i32);

impl<'a, 'py> FromPyObject<'a, 'py> for FiscalYear {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(text) = obj.extract::<PyBackedStr>() {
            return match pkit::value::Period::from_str(&text) {
                Ok(pkit::value::Period::FiscalYear(year)) => Ok(FiscalYear(year)),
                _ => Err(PyValueError::new_err(format!(
                    "`{}` is not a fiscal year: expected a label like FY2023-24 or the year it \
                     starts in, 2023",
                    &*text
                ))),
            };
        }
        if obj.is_instance_of::<pyo3::types::PyBool>() {
            return Err(PyTypeError::new_err("expected a fiscal year, got bool"));
        }
        match obj.extract::<i32>() {
            Ok(year) => Ok(FiscalYear(year)),
            Err(_) => Err(PyTypeError::new_err(format!(
                "expected a fiscal year as int (2023 for FY2023-24) or str (\"FY2023-24\"), got {}",
                type_name(&obj)
            ))),
        }
    }
}

/// Parses a vocabulary value (indicator, region, period, table name, ...) with the core's own
/// message on failure, as a `ValueError`.
pub(crate) fn parse<T>(what: &str, text: &str) -> PyResult<T>
where
    T: FromStr,
    T::Err: std::fmt::Display,
{
    T::from_str(text).map_err(|e| PyValueError::new_err(format!("{what}: {e}")))
}
