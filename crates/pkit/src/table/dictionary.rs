//! [`Dictionary`]: a text column that repeats a few values (enums, codes, periods, company
//! ids in child tables) stored as each distinct value once and a small code per row — Arrow's
//! dictionary layout, and pandas' categorical.

use super::{Nullable, Strings};

/// A text column of codes into a list of distinct values.
///
/// # Example
/// ```
/// use pkit::table::{TableName, Values};
/// let exports = pkit::Registry::sample().table(TableName::Exports);
/// let Some(Values::Dictionary(ids)) = exports.column("company_id").map(|c| c.values()) else { panic!() };
/// assert_eq!(ids.get(0), Some("indus-byteworks"));
/// assert_eq!(ids.values().get(ids.codes().get(0).unwrap() as usize), Some("indus-byteworks"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dictionary {
    codes: Nullable<u32>,
    values: Strings,
}

impl Dictionary {
    /// A dictionary column; every code must index `values` (a code past the end reads as null).
    ///
    /// # Example
    /// ```
    /// use pkit::table::{Dictionary, Strings};
    /// let values: Strings = vec![Some("cmmi"), Some("iso_9001")].into_iter().collect();
    /// let column = Dictionary::new(vec![Some(1), None, Some(0), Some(1)], values);
    /// assert_eq!(column.get(0), Some("iso_9001"));
    /// assert_eq!(column.get(1), None);
    /// assert_eq!(column.len(), 4);
    /// ```
    pub fn new(codes: impl Into<Nullable<u32>>, values: Strings) -> Dictionary {
        Dictionary {
            codes: codes.into(),
            values,
        }
    }

    /// How many rows.
    ///
    /// # Example
    /// ```
    /// let column = pkit::table::Dictionary::new(vec![None], Default::default());
    /// assert_eq!(column.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// True when there are no rows.
    ///
    /// # Example
    /// ```
    /// assert!(pkit::table::Dictionary::new(vec![], Default::default()).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// The value of row `row`, or `None` for a null or a row past the end.
    ///
    /// # Example
    /// ```
    /// let values: pkit::table::Strings = vec![Some("PK")].into_iter().collect();
    /// let column = pkit::table::Dictionary::new(vec![Some(0)], values);
    /// assert_eq!(column.get(0), Some("PK"));
    /// ```
    pub fn get(&self, row: usize) -> Option<&str> {
        let code = self.codes.get(row)?;
        self.values.get(usize::try_from(code).ok()?)
    }

    /// The code of each row (`None` for a null).
    ///
    /// # Example
    /// ```
    /// let column = pkit::table::Dictionary::new(vec![Some(0), None], Default::default());
    /// assert_eq!(column.codes().iter().collect::<Vec<_>>(), [Some(0), None]);
    /// ```
    pub fn codes(&self) -> &Nullable<u32> {
        &self.codes
    }

    /// The distinct values the codes point into.
    ///
    /// # Example
    /// ```
    /// let values: pkit::table::Strings = vec![Some("a")].into_iter().collect();
    /// assert_eq!(pkit::table::Dictionary::new(vec![], values).values().len(), 1);
    /// ```
    pub fn values(&self) -> &Strings {
        &self.values
    }
}
