//! Values as read, before the rules relate them: every field of a draft is [`Checked`]
//! (absent, invalid, or valid with the byte offset where it stood), so that the rules can skip
//! invalid values (no cascade) and order their issues by position; [`Finish`] turns a draft
//! without errors into the model's value.

/// A value and the byte offset of its first character.
#[derive(Debug, Clone)]
pub(crate) struct At<T> {
    pub(crate) v: T,
    pub(crate) at: usize,
}

/// A field as read: absent (or `null`), present but failing its own check (an issue was
/// reported), or valid.
#[derive(Debug, Clone, Default)]
pub(crate) enum Checked<T> {
    /// Not in the document, or `null`.
    #[default]
    Absent,
    /// Present, with an issue of its own.
    Invalid,
    /// Present and valid (or absent with a default the format gives it).
    Valid(At<T>),
}

impl<T> Checked<T> {
    /// A valid value at `at`.
    pub(crate) fn at(v: T, at: usize) -> Checked<T> {
        Checked::Valid(At { v, at })
    }

    /// The value the format gives an absent field (a status, a region): valid, at no offset of
    /// its own (no issue is ever reported at a default).
    pub(crate) fn defaulted(v: T) -> Checked<T> {
        Checked::at(v, 0)
    }

    /// The value and its offset, when valid.
    pub(crate) fn valid(&self) -> Option<&At<T>> {
        match self {
            Checked::Valid(a) => Some(a),
            _ => None,
        }
    }

    /// The value, when valid.
    pub(crate) fn value(&self) -> Option<&T> {
        self.valid().map(|a| &a.v)
    }

    /// True when the field is absent (or `null`).
    pub(crate) fn is_absent(&self) -> bool {
        matches!(self, Checked::Absent)
    }

    /// The value when valid, `Some(None)` when absent, `None` when it failed its check: for
    /// rules where "absent" is a value of its own (an export's market).
    pub(crate) fn valid_or_absent(&self) -> Option<Option<&T>> {
        match self {
            Checked::Absent => Some(None),
            Checked::Invalid => None,
            Checked::Valid(a) => Some(Some(&a.v)),
        }
    }

    /// The value converted by `f`, keeping the state and offset.
    pub(crate) fn map<U>(self, f: impl FnOnce(T) -> U) -> Checked<U> {
        match self {
            Checked::Absent => Checked::Absent,
            Checked::Invalid => Checked::Invalid,
            Checked::Valid(a) => Checked::at(f(a.v), a.at),
        }
    }
}

impl<T: Finish> Checked<T> {
    /// A required field's value (or a defaulted field's); `None` when absent or invalid.
    pub(crate) fn required(self) -> Option<T::Output> {
        match self {
            Checked::Valid(a) => a.v.finish(),
            _ => None,
        }
    }

    /// An optional field's value: `Some(None)` when absent; `None` when invalid.
    pub(crate) fn optional(self) -> Option<Option<T::Output>> {
        match self {
            Checked::Absent => Some(None),
            Checked::Invalid => None,
            Checked::Valid(a) => a.v.finish().map(Some),
        }
    }
}

/// Where a record stands: its `{` and its `}`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Place {
    pub(crate) at: usize,
    pub(crate) end: usize,
}

/// A drafted value turned into the model's: only called when the document has no error, so
/// every required field is there; `None` would be a bug in the rules, never a panic.
pub(crate) trait Finish {
    /// The model's type.
    type Output;
    /// The model's value, or `None` when a part of it is missing or invalid.
    fn finish(self) -> Option<Self::Output>;
}

/// Values that are the same in the draft and in the model.
macro_rules! as_is {
    ($($t:ty),* $(,)?) => {$(
        impl Finish for $t {
            type Output = $t;
            fn finish(self) -> Option<$t> {
                Some(self)
            }
        }
    )*};
}
pub(crate) use as_is;

as_is!(String, u8, u16, u64);

impl<T: Finish> Finish for Vec<Checked<T>> {
    type Output = Vec<T::Output>;
    fn finish(self) -> Option<Vec<T::Output>> {
        self.into_iter().map(Checked::required).collect()
    }
}
