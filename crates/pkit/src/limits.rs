//! [`Limits`]: how large, deep and long a document may be before it is refused (SPEC §2).

use crate::issue::{Code, Issue};

/// Resource limits checked before a document is built. The defaults are the spec's; tests
/// and constrained callers may shrink them.
///
/// # Example
/// ```
/// use pkit::Limits;
/// let limits = Limits { max_depth: 4, ..Limits::default() };
/// let deep = r#"{"schema_version": 1, "as_of": "2024-06-30", "x": [[[[1]]]]}"#;
/// let report = pkit::validate_with(deep, &limits);
/// assert_eq!(report.issues()[0].code, pkit::Code::LimitExceeded);
/// assert_eq!(Limits::default().max_bytes, 268_435_456);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest document, in bytes (256 MiB).
    pub max_bytes: u64,
    /// The deepest nesting of objects and arrays; the top-level object is depth 1 (64).
    pub max_depth: u32,
    /// The longest string (key or value), in bytes of UTF-8 (1 MiB).
    pub max_string_bytes: usize,
}

impl Limits {
    /// The spec's limits: 256 MiB, depth 64, strings of 1 MiB.
    pub const SPEC: Limits = Limits {
        max_bytes: 256 * 1024 * 1024,
        max_depth: 64,
        max_string_bytes: 1024 * 1024,
    };
}

impl Limits {
    /// The `limit_exceeded` issue of a document of `len` bytes, more than
    /// [`max_bytes`](Limits::max_bytes).
    pub(crate) fn too_large(&self, len: u64) -> Issue {
        Issue::new(
            Code::LimitExceeded,
            "",
            format!(
                "the document has {len} bytes; at most {} are allowed",
                self.max_bytes
            ),
        )
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::SPEC
    }
}
