//! Tables as Arrow: the core makes a table's record batch (`pkit::table::arrow::record_batch`,
//! feature `arrow`), and a [`Table`] hands it to pyarrow, polars or duckdb through the Arrow
//! PyCapsule interface (`__arrow_c_stream__`), without going through Python objects.

use arrow_array::ffi::FFI_ArrowSchema;
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{RecordBatch, RecordBatchIterator};
use pkit::table::arrow::record_batch;
use pyo3::exceptions::{PyImportError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict};

/// A table of a registry as Arrow data: pass it to `pyarrow.table(t)`, `polars.DataFrame(t)`,
/// `polars.from_arrow(t)` or `duckdb.arrow(t)`; or call `to_pandas()`, `to_polars()`,
/// `to_pyarrow()`.
#[pyclass(module = "pkit", frozen)]
pub struct Table {
    name: &'static str,
    batch: RecordBatch,
}

impl Table {
    /// Builds the table from a core table (without the GIL).
    pub(crate) fn new(py: Python<'_>, table: pkit::table::Table) -> PyResult<Table> {
        let name = table.name().as_str();
        let batch = py
            .detach(|| record_batch(table))
            .map_err(|e| PyValueError::new_err(format!("table `{name}`: {e}")))?;
        Ok(Table { name, batch })
    }

    /// A table of Arrow data built elsewhere (the issues of a `ValidationError`).
    pub(crate) fn from_batch(name: &'static str, batch: RecordBatch) -> Table {
        Table { name, batch }
    }
}

/// Imports an optional dependency, or says which extra to install.
pub(crate) fn import_optional<'py>(
    py: Python<'py>,
    module: &str,
    extra: &str,
) -> PyResult<Bound<'py, PyModule>> {
    py.import(module).map_err(|e| {
        if e.is_instance_of::<PyImportError>(py) {
            PyImportError::new_err(format!(
                "this needs {module}, which is not installed: pip install \"pkit[{extra}]\" \
                 (or pip install {module})"
            ))
        } else {
            e
        }
    })
}

#[pymethods]
impl Table {
    /// The table's name: `"exports"`, `"companies"`, ...
    #[getter]
    fn name(&self) -> &'static str {
        self.name
    }

    /// The number of rows.
    #[getter]
    fn num_rows(&self) -> usize {
        self.batch.num_rows()
    }

    /// The column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.batch
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    /// The Arrow schema, as an `arrow_schema` PyCapsule (Arrow PyCapsule interface).
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        let schema = FFI_ArrowSchema::try_from(self.batch.schema().as_ref())
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        PyCapsule::new_with_value(py, schema, c"arrow_schema")
    }

    /// The rows as an Arrow C stream, an `arrow_array_stream` PyCapsule (Arrow PyCapsule
    /// interface). `requested_schema` is accepted and ignored, as the protocol allows.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let reader = RecordBatchIterator::new(vec![Ok(self.batch.clone())], self.batch.schema());
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    /// The table as a `pyarrow.Table` (needs pyarrow: `pip install "pkit[arrow]"`).
    fn to_pyarrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let pyarrow = import_optional(slf.py(), "pyarrow", "arrow")?;
        pyarrow.call_method1("table", (slf,))
    }

    /// The table as a `pandas.DataFrame` (needs pandas and pyarrow: `pip install "pkit[pandas]"`).
    /// Amounts and counts are pandas' nullable `UInt64`, booleans `boolean`, dates
    /// `datetime64[ms]`, enums and codes `category`.
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let pandas = import_optional(py, "pandas", "pandas")?;
        let pyarrow = import_optional(py, "pyarrow", "pandas")?;
        let table = pyarrow.call_method1("table", (slf,))?;
        let mapping = PyDict::new(py);
        mapping.set_item(
            pyarrow.call_method0("uint64")?,
            pandas.call_method0("UInt64Dtype")?,
        )?;
        mapping.set_item(
            pyarrow.call_method0("bool_")?,
            pandas.call_method0("BooleanDtype")?,
        )?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("types_mapper", mapping.getattr("get")?)?;
        kwargs.set_item("date_as_object", false)?;
        table.call_method("to_pandas", (), Some(&kwargs))
    }

    /// The table as a `polars.DataFrame` (needs polars: `pip install "pkit[polars]"`).
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let polars = import_optional(slf.py(), "polars", "polars")?;
        polars.call_method1("DataFrame", (slf,))
    }

    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }

    fn __repr__(&self) -> String {
        format!(
            "Table(name='{}', rows={}, columns={:?})",
            self.name,
            self.batch.num_rows(),
            self.column_names()
        )
    }

    fn __reduce__(&self) -> PyResult<()> {
        Err(crate::errors::not_picklable("Table"))
    }
}
