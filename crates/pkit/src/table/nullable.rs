//! [`Nullable`]: a column of fixed-size values with a validity flag per row (Arrow's layout for
//! numbers, dates and booleans), half the memory of `Vec<Option<T>>` for `u64`.

use crate::value::Date;

/// A value type a [`Nullable`] column can hold, with the filler stored under a null.
pub trait Cell: Copy {
    /// What a null row holds in [`Nullable::values`] (never read as a value).
    const NULL: Self;
}

impl Cell for u64 {
    const NULL: Self = 0;
}

impl Cell for u32 {
    const NULL: Self = 0;
}

impl Cell for bool {
    const NULL: Self = false;
}

impl Cell for Date {
    const NULL: Self = Date::MIN;
}

/// A column of optional values: the values in one vector (a filler under nulls) and which
/// rows are valid.
///
/// # Example
/// ```
/// use pkit::table::Nullable;
/// let column: Nullable<u64> = vec![Some(7), None, Some(9)].into();
/// assert_eq!(column.len(), 3);
/// assert_eq!(column.get(0), Some(7));
/// assert_eq!(column.get(1), None);
/// assert_eq!(column.iter().collect::<Vec<_>>(), [Some(7), None, Some(9)]);
/// assert_eq!(column.validity(), [true, false, true]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nullable<T> {
    values: Vec<T>,
    valid: Vec<bool>,
}

impl<T: Cell> Default for Nullable<T> {
    fn default() -> Self {
        Nullable::with_capacity(0)
    }
}

impl<T: Cell> Nullable<T> {
    /// An empty column with room for `rows` values.
    ///
    /// # Example
    /// ```
    /// assert!(pkit::table::Nullable::<u64>::with_capacity(8).is_empty());
    /// ```
    pub fn with_capacity(rows: usize) -> Nullable<T> {
        Nullable {
            values: Vec::with_capacity(rows),
            valid: Vec::with_capacity(rows),
        }
    }

    /// A column of values none of which is null.
    pub(crate) fn from_values(values: Vec<T>) -> Nullable<T> {
        let valid = vec![true; values.len()];
        Nullable { values, valid }
    }

    /// Appends a value (`None` for a null).
    ///
    /// # Example
    /// ```
    /// let mut column = pkit::table::Nullable::<bool>::default();
    /// column.push(Some(true));
    /// column.push(None);
    /// assert_eq!(column.get(0), Some(true));
    /// ```
    #[inline]
    pub fn push(&mut self, value: Option<T>) {
        self.values.push(value.unwrap_or(T::NULL));
        self.valid.push(value.is_some());
    }

    /// How many rows.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::table::Nullable::<u32>::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.valid.len()
    }

    /// True when there are no rows.
    ///
    /// # Example
    /// ```
    /// assert!(pkit::table::Nullable::<u32>::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.valid.is_empty()
    }

    /// Row `row`, or `None` for a null or a row past the end.
    ///
    /// # Example
    /// ```
    /// let column: pkit::table::Nullable<u64> = vec![None].into();
    /// assert_eq!(column.get(0), None);
    /// assert_eq!(column.get(5), None);
    /// ```
    pub fn get(&self, row: usize) -> Option<T> {
        if *self.valid.get(row)? {
            self.values.get(row).copied()
        } else {
            None
        }
    }

    /// The rows in order.
    ///
    /// # Example
    /// ```
    /// let column: pkit::table::Nullable<u64> = vec![Some(1), Some(2)].into();
    /// assert_eq!(column.iter().flatten().sum::<u64>(), 3);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = Option<T>> + '_ {
        (0..self.len()).map(|row| self.get(row))
    }

    /// The values, with a filler under each null (see [`Nullable::validity`]).
    ///
    /// # Example
    /// ```
    /// let column: pkit::table::Nullable<u64> = vec![Some(5), None].into();
    /// assert_eq!(column.values(), [5, 0]);
    /// ```
    pub fn values(&self) -> &[T] {
        &self.values
    }

    /// Which rows are not null.
    ///
    /// # Example
    /// ```
    /// let column: pkit::table::Nullable<u64> = vec![Some(5), None].into();
    /// assert_eq!(column.validity(), [true, false]);
    /// ```
    pub fn validity(&self) -> &[bool] {
        &self.valid
    }
}

impl<T: Cell> FromIterator<Option<T>> for Nullable<T> {
    fn from_iter<I: IntoIterator<Item = Option<T>>>(iter: I) -> Self {
        let iter = iter.into_iter();
        let mut column = Nullable::with_capacity(iter.size_hint().0);
        for value in iter {
            column.push(value);
        }
        column
    }
}

impl<T: Cell> From<Vec<Option<T>>> for Nullable<T> {
    fn from(values: Vec<Option<T>>) -> Self {
        values.into_iter().collect()
    }
}
