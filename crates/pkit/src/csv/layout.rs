//! Which column of a CSV file is which field of the document: the tables' own declarations
//! ([`crate::table::spec`]), seen from the CSV reader.

use crate::table::spec::{ColumnLayout, Origin};
use crate::table::TableName;

/// The columns of `table` that are fields of the document, in order (derived columns are not
/// read back).
pub(super) fn layout(table: TableName) -> Vec<ColumnLayout> {
    table
        .layout()
        .into_iter()
        .filter(|c| c.source != Origin::Derived)
        .collect()
}

/// True when `name` is a column the table derives: accepted in a CSV file and ignored.
pub(super) fn is_derived(table: TableName, name: &str) -> bool {
    table
        .layout()
        .iter()
        .any(|c| c.source == Origin::Derived && c.name == name)
}
