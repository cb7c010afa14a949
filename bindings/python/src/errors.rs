//! Issues and errors: [`Issue`], `ValidationError` (a `ValueError`) and the mapping of
//! [`pkit::Error`] onto Python exceptions.

use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyInt, PyString, PyTuple};

pyo3::create_exception!(
    pkit,
    ValidationError,
    PyValueError,
    "A document that is not a valid registry. `issues` holds every problem (errors and \
     warnings) in document order; `str(error)` gives the count and the first issues."
);

/// How many issues `str(ValidationError)` lists before "... and N more".
const SHOWN: usize = 10;

/// One problem of a document: a stable code, a JSON Pointer, a message and a severity.
#[pyclass(module = "pkit", name = "Issue", frozen, eq, hash, str)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Issue {
    inner: pkit::Issue,
}

/// `str(issue)` is the core's text of the issue: `PATH: severity code: message`, or for CSV
/// `FILE:LINE[:COLUMN]: severity code: message (PATH)`.
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

    /// For a registry read from CSV, where the value was read: `"certifications.csv:7:issued_on"`
    /// (file, line, column); `None` for JSON.
    #[getter]
    fn location(&self) -> Option<String> {
        self.inner.location.as_ref().map(ToString::to_string)
    }

    /// True for errors, false for warnings.
    #[getter]
    fn is_error(&self) -> bool {
        self.inner.is_error()
    }

    /// The issue as a `dict` with `code`, `path`, `message`, `severity` (and `location` for CSV).
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
            let err = ValidationError::new_err(found.summary(SHOWN));
            if let Err(e) = err.value(py).setattr("issues", issues(found.issues())) {
                return e;
            }
            err
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
    m.add("ValidationError", m.py().get_type::<ValidationError>())?;
    Ok(())
}
