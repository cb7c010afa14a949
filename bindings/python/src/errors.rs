//! Issues and errors: [`Issue`], `ValidationError` (a `ValueError`) and the mapping of
//! [`pkit::Error`] onto Python exceptions.

use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyInt, PyString, PyTuple, PyType};

/// `pkit.ValidationError`, a `ValueError` with pydantic's methods (`errors()`, `json()`,
/// `error_count()`), written in Python (`python/pkit/_errors.py`): the extension types of an
/// abi3 module cannot extend `ValueError`. Its methods call back into this module.
static VALIDATION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn validation_error(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    VALIDATION_ERROR.import(py, "pkit._errors", "ValidationError")
}

/// How many issues `str(ValidationError)` lists before "... and N more".
const SHOWN: usize = 10;

/// One problem of a document: a stable code, a JSON Pointer, a message and a severity.
#[pyclass(module = "pkit", name = "Issue", frozen, eq, hash, str)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Issue {
    inner: pkit::Issue,
}

/// `str(issue)` is the core's text of the issue: `LINE:COLUMN: severity code: message (PATH)`
/// for JSON, `FILE:LINE[:COLUMN]: severity code: message (PATH)` for CSV, and
/// `PATH: severity code: message` for an issue without a place.
impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}

#[pymethods]
impl Issue {
    /// The stable snake_case code, e.g. `"invalid_date"`.
    #[getter]
    fn code(&self) -> &'static str {
        self.inner.code.as_str()
    }

    /// An RFC 6901 JSON Pointer to the offending value; `""` for the whole document.
    #[getter]
    fn path(&self) -> &str {
        &self.inner.path
    }

    /// One line for a person: what is wrong and what was expected.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// `"error"` or `"warning"`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.inner.severity.as_str()
    }

    /// The path as a tuple of keys (`str`) and indices (`int`), as pydantic spells it:
    /// `("companies", 0, "id")`.
    #[getter]
    fn loc<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let parts = self
            .inner
            .segments()
            .into_iter()
            .map(|segment| match segment {
                pkit::validate::Segment::Key(key) => PyString::new(py, &key).into_any(),
                pkit::validate::Segment::Index(index) => PyInt::new(py, index).into_any(),
            })
            .collect::<Vec<_>>();
        PyTuple::new(py, parts)
    }

    /// Where the value was read, as text: `"12:7"` (line and character column) in a JSON
    /// document, `"certifications.csv:7:issued_on"` (file, line, column header) in a CSV
    /// directory; `None` when the issue has no place (a size limit).
    #[getter]
    fn location(&self) -> Option<String> {
        self.inner.location.as_ref().map(ToString::to_string)
    }

    /// The line the value was read from, from 1: in the JSON text, or in the CSV file
    /// (`file`); `None` for an issue about the whole text that has no place (a size limit).
    #[getter]
    fn line(&self) -> Option<u64> {
        self.inner.line()
    }

    /// The column in the JSON text, in characters from 1; `None` for CSV (see `header`).
    #[getter]
    fn column(&self) -> Option<u64> {
        self.inner.column()
    }

    /// For a registry read from CSV, the header of the column the value was read from.
    #[getter]
    fn header(&self) -> Option<&str> {
        self.inner.header()
    }

    /// For a registry read from CSV, the file inside the directory (`"companies.csv"`).
    #[getter]
    fn file(&self) -> Option<&str> {
        self.inner.file()
    }

    /// The offending value when it is a short scalar (`"2024-02-30"`, `1000.0`, `None`), as
    /// `json.loads` gives it; for an unknown field, its key. `None` when not kept (objects,
    /// arrays, long values, missing fields): see `has_input`.
    #[getter]
    fn input<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.input_value() {
            Some(value) => crate::plain::json_to_python(py, &value),
            None => Ok(py.None().into_bound(py)),
        }
    }

    /// Whether `input` holds the offending value (it may be JSON `null`).
    #[getter]
    fn has_input(&self) -> bool {
        self.input_value().is_some()
    }

    /// The issue as pydantic spells an error: `type` (the code), `loc`, `msg`, `input` (when
    /// kept and `include_input`), then pkit's own `severity`, `path`, `line` and `column`
    /// (and for CSV `file` and `header`).
    #[pyo3(signature = (*, include_input = true))]
    fn to_error<'py>(&self, py: Python<'py>, include_input: bool) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("type", self.code())?;
        dict.set_item("loc", self.loc(py)?)?;
        dict.set_item("msg", self.message())?;
        if include_input && self.has_input() {
            dict.set_item("input", self.input(py)?)?;
        }
        dict.set_item("severity", self.severity())?;
        dict.set_item("path", self.path())?;
        dict.set_item("line", self.line())?;
        dict.set_item("column", self.column())?;
        if let Some(file) = self.file() {
            dict.set_item("file", file)?;
            dict.set_item("header", self.header())?;
        }
        Ok(dict)
    }

    /// True for errors, false for warnings.
    #[getter]
    fn is_error(&self) -> bool {
        self.inner.is_error()
    }

    /// The issue as a `dict` with `code`, `path`, `message`, `severity` (and `location` when it
    /// has one).
    pub(crate) fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("code", self.code())?;
        dict.set_item("path", self.path())?;
        dict.set_item("message", self.message())?;
        dict.set_item("severity", self.severity())?;
        if let Some(location) = self.location() {
            dict.set_item("location", location)?;
        }
        Ok(dict)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let repr =
            |s: &str| -> PyResult<String> { Ok(s.into_pyobject(py)?.repr()?.to_str()?.to_owned()) };
        Ok(format!(
            "Issue(code={}, path={}, severity={}, message={})",
            repr(self.code())?,
            repr(self.path())?,
            repr(self.severity())?,
            repr(self.message())?
        ))
    }

    fn __reduce__(&self) -> PyResult<()> {
        Err(not_picklable("Issue"))
    }
}

impl Issue {
    /// The kept input, parsed.
    fn input_value(&self) -> Option<serde_json::Value> {
        serde_json::from_str(self.inner.input.as_deref()?).ok()
    }
}

/// The core's issues of Python `Issue`s.
fn core_issues(issues: &[PyRef<'_, Issue>]) -> Vec<pkit::Issue> {
    issues.iter().map(|issue| issue.inner.clone()).collect()
}

/// The issues as an HTML table (`ValidationError._repr_html_`).
#[pyfunction]
fn _issues_html(issues: Vec<PyRef<'_, Issue>>) -> String {
    pkit::Report::new(core_issues(&issues)).to_html()
}

/// The issues as an Arrow table (`ValidationError.issues_table()`): the core's
/// `issues_batch`.
#[pyfunction]
fn _issues_table(issues: Vec<PyRef<'_, Issue>>) -> PyResult<crate::arrow::Table> {
    let batch = pkit::table::arrow::issues_batch(&core_issues(&issues))
        .map_err(|e| PyValueError::new_err(format!("issues table: {e}")))?;
    Ok(crate::arrow::Table::from_batch("issues", batch))
}

/// The refusal to pickle a record: records are views of a registry, which pickles.
pub(crate) fn not_picklable(class: &str) -> PyErr {
    pyo3::exceptions::PyTypeError::new_err(format!(
        "pkit.{class} cannot be pickled; pickle the Registry (it pickles as its JSON) or \
         pickle {class}.to_dict()"
    ))
}

impl crate::records::Mirror<Issue> for pkit::Issue {
    fn mirror(&self) -> Issue {
        Issue {
            inner: self.clone(),
        }
    }
}

/// Converts the core's issues.
pub(crate) fn issues(issues: &[pkit::Issue]) -> Vec<Issue> {
    issues.iter().map(crate::records::Mirror::mirror).collect()
}

/// Turns a core error into the Python exception a person can act on: `ValidationError` for a
/// bad document (and for one over the limits), `OSError` (its errno subclass, with the file
/// name) for a file that cannot be read.
pub(crate) fn to_py(py: Python<'_>, error: pkit::Error) -> PyErr {
    match error {
        pkit::Error::Io { path, source } => {
            let name = path.to_string_lossy().into_owned();
            match source.raw_os_error() {
                // OSError(errno, strerror, filename) picks the subclass: FileNotFoundError, ...
                Some(errno) => PyOSError::new_err((errno, source.to_string(), name)),
                None => PyOSError::new_err(format!("{name}: {source}")),
            }
        }
        other => {
            let found = pkit::Report::new(other.issues());
            let class = match validation_error(py) {
                Ok(class) => class,
                Err(e) => return e,
            };
            match class.call1((found.summary(SHOWN), issues(found.issues()))) {
                Ok(error) => PyErr::from_value(error),
                Err(e) => e,
            }
        }
    }
}

/// `.pkit()?` on a core result: the error as its Python exception.
pub(crate) trait PkitResult<T> {
    /// The value, or the error converted by [`to_py`].
    fn pkit(self) -> PyResult<T>;
}

impl<T> PkitResult<T> for Result<T, pkit::Error> {
    fn pkit(self) -> PyResult<T> {
        self.map_err(|e| Python::attach(|py| to_py(py, e)))
    }
}

/// Adds `Issue` and `ValidationError` to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Issue>()?;
    m.add("ValidationError", validation_error(m.py())?)?;
    // The helpers of `ValidationError`'s methods: attributes, not in `__all__`.
    m.setattr("_issues_html", wrap_pyfunction!(_issues_html, m)?)?;
    m.setattr("_issues_table", wrap_pyfunction!(_issues_table, m)?)?;
    Ok(())
}
