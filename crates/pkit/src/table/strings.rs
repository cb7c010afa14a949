//! [`Strings`]: a text column laid out as Arrow lays out strings — one buffer of UTF-8 and the
//! offsets of each value in it — so a column of a million cells is three allocations, not a
//! million, and hands over to Arrow without re-encoding.

/// A column of optional strings: the bytes of every value in one buffer, value `i` being
/// `data[offsets[i]..offsets[i + 1]]`, and `valid[i]` false for a null.
///
/// # Example
/// ```
/// use pkit::table::Strings;
/// let column: Strings = vec![Some("PK-PB"), None, Some("PK-SD")].into_iter().collect();
/// assert_eq!(column.len(), 3);
/// assert_eq!(column.get(0), Some("PK-PB"));
/// assert_eq!(column.get(1), None);
/// assert_eq!(column.iter().collect::<Vec<_>>(), [Some("PK-PB"), None, Some("PK-SD")]);
/// assert_eq!(column.data(), "PK-PBPK-SD");
/// assert_eq!(column.offsets(), [0, 5, 5, 10]);
/// ```
#[derive(Debug, Clone)]
pub struct Strings {
    data: String,
    offsets: Vec<usize>,
    valid: Vec<bool>,
    /// The rows the column was made for, to size `data` once the first values are in.
    expected_rows: usize,
}

/// How many values [`Strings::push`] sees before it sizes the buffer for all rows.
const SIZING_SAMPLE: usize = 32;

impl PartialEq for Strings {
    fn eq(&self, other: &Strings) -> bool {
        self.data == other.data && self.offsets == other.offsets && self.valid == other.valid
    }
}

impl Eq for Strings {}

impl Default for Strings {
    fn default() -> Strings {
        Strings::with_capacity(0)
    }
}

impl Strings {
    /// An empty column with room for `rows` values.
    ///
    /// # Example
    /// ```
    /// assert!(pkit::table::Strings::with_capacity(10).is_empty());
    /// ```
    pub fn with_capacity(rows: usize) -> Strings {
        let mut offsets = Vec::with_capacity(rows + 1);
        offsets.push(0);
        Strings {
            data: String::with_capacity(rows.min(SIZING_SAMPLE) * 32),
            offsets,
            valid: Vec::with_capacity(rows),
            expected_rows: rows,
        }
    }

    /// Appends a value (`None` for a null).
    ///
    /// # Example
    /// ```
    /// let mut column = pkit::table::Strings::default();
    /// column.push(Some("a"));
    /// column.push(None::<&str>);
    /// assert_eq!(column.len(), 2);
    /// ```
    pub fn push<S: AsRef<str>>(&mut self, value: Option<S>) {
        if let Some(s) = &value {
            self.data.push_str(s.as_ref());
        }
        self.valid.push(value.is_some());
        self.offsets.push(self.data.len());
        if self.valid.len() == SIZING_SAMPLE && self.expected_rows > SIZING_SAMPLE {
            // Size the buffer once from the values so far (plus an eighth), rather than
            // doubling and copying it as it grows.
            let average = self.data.len().div_ceil(SIZING_SAMPLE);
            let rest = (self.expected_rows - SIZING_SAMPLE) * average;
            self.data.reserve(rest + rest / 8);
        }
    }

    /// How many values.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::table::Strings::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.valid.len()
    }

    /// True when there are no values.
    ///
    /// # Example
    /// ```
    /// assert!(pkit::table::Strings::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.valid.is_empty()
    }

    /// Value `row`, or `None` for a null or a row past the end.
    ///
    /// # Example
    /// ```
    /// let column: pkit::table::Strings = vec![Some("x")].into_iter().collect();
    /// assert_eq!(column.get(0), Some("x"));
    /// assert_eq!(column.get(1), None);
    /// ```
    pub fn get(&self, row: usize) -> Option<&str> {
        if !*self.valid.get(row)? {
            return None;
        }
        self.data.get(self.offsets[row]..self.offsets[row + 1])
    }

    /// True when value `row` is not null.
    ///
    /// # Example
    /// ```
    /// let column: pkit::table::Strings = vec![None::<&str>].into_iter().collect();
    /// assert!(!column.is_valid(0));
    /// ```
    pub fn is_valid(&self, row: usize) -> bool {
        self.valid.get(row).copied().unwrap_or(false)
    }

    /// The values in order.
    ///
    /// # Example
    /// ```
    /// let column: pkit::table::Strings = vec![Some("a"), Some("b")].into_iter().collect();
    /// assert_eq!(column.iter().flatten().collect::<String>(), "ab");
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        (0..self.len()).map(|row| self.get(row))
    }

    /// Every value's bytes, one after the other (nulls take none).
    ///
    /// # Example
    /// ```
    /// let column: pkit::table::Strings = vec![Some("ab"), None, Some("c")].into_iter().collect();
    /// assert_eq!(column.data(), "abc");
    /// ```
    pub fn data(&self) -> &str {
        &self.data
    }

    /// Where each value starts in [`Strings::data`], plus the end: `len() + 1` offsets.
    ///
    /// # Example
    /// ```
    /// let column: pkit::table::Strings = vec![Some("ab"), Some("c")].into_iter().collect();
    /// assert_eq!(column.offsets(), [0, 2, 3]);
    /// ```
    pub fn offsets(&self) -> &[usize] {
        &self.offsets
    }

    /// Which values are not null.
    ///
    /// # Example
    /// ```
    /// let column: pkit::table::Strings = vec![Some("ab"), None].into_iter().collect();
    /// assert_eq!(column.validity(), [true, false]);
    /// ```
    pub fn validity(&self) -> &[bool] {
        &self.valid
    }
}

impl<S: AsRef<str>> FromIterator<Option<S>> for Strings {
    fn from_iter<I: IntoIterator<Item = Option<S>>>(iter: I) -> Strings {
        let iter = iter.into_iter();
        let mut column = Strings::with_capacity(iter.size_hint().0);
        for value in iter {
            column.push(value);
        }
        column
    }
}
