//! Values as read, before the rules relate them: every field of a draft is [`Checked`]
//! (absent, invalid, or valid with the byte offset where it stood), so that the rules can skip
//! invalid values (no cascade) and order their issues by position; [`Finish`] turns a draft
//! without errors into the model's value.
//!
//! Drafts of a whole document are alive at once, so they are kept small: offsets are `u32`,
//! and a field's state is told by its offset (two values no document reaches stand for
//! "absent" and "invalid"), so a `Checked` value is no larger than the value and its offset.

/// A value and the byte offset of its first character.
#[derive(Debug, Clone)]
pub(crate) struct At<T> {
    pub(crate) v: T,
    pub(crate) at: u32,
}

/// The offset of an absent field (never a real one: offsets of larger documents saturate
/// below it).
const ABSENT: u32 = u32::MAX;
/// The offset of a field that failed its own check.
const INVALID: u32 = u32::MAX - 1;
/// The largest offset kept; a document larger than 4 GiB orders its late issues by this.
const LAST: u32 = u32::MAX - 2;

/// The byte offset in the text that an offset kept by a draft stands for: `None` for an
/// absent or invalid field's.
pub(crate) fn position(at: u32) -> Option<usize> {
    (at < INVALID).then_some(at as usize)
}

/// A byte offset as drafts keep it.
pub(crate) fn offset(at: usize) -> u32 {
    u32::try_from(at).map_or(LAST, |a| a.min(LAST))
}

/// The value a draft holds where the document has none (absent, or invalid). It is never read:
/// [`Checked`] says the field has no value.
pub(crate) trait Placeholder {
    /// The stand-in.
    fn placeholder() -> Self;
}

/// A field as read: absent (or `null`), present but failing its own check (an issue was
/// reported), or valid.
#[derive(Debug, Clone)]
pub(crate) struct Checked<T>(At<T>);

impl<T: Placeholder> Default for Checked<T> {
    /// Absent.
    fn default() -> Self {
        Checked(At {
            v: T::placeholder(),
            at: ABSENT,
        })
    }
}

impl<T: Placeholder> Checked<T> {
    /// Present, with an issue of its own.
    pub(crate) fn invalid() -> Checked<T> {
        Checked(At {
            v: T::placeholder(),
            at: INVALID,
        })
    }

    /// The value converted by `f`, keeping the state and offset.
    pub(crate) fn map<U: Placeholder>(self, f: impl FnOnce(T) -> U) -> Checked<U> {
        match self.0.at {
            ABSENT => Checked::default(),
            INVALID => Checked::invalid(),
            at => Checked(At { v: f(self.0.v), at }),
        }
    }
}

impl<T> Checked<T> {
    /// A valid value at byte offset `at`.
    pub(crate) fn at(v: T, at: usize) -> Checked<T> {
        Checked(At { v, at: offset(at) })
    }

    /// The value the format gives an absent field (a status, a region): valid, at no offset of
    /// its own (no issue is ever reported at a default).
    pub(crate) fn defaulted(v: T) -> Checked<T> {
        Checked(At { v, at: 0 })
    }

    /// The value and its offset, when valid.
    pub(crate) fn valid(&self) -> Option<&At<T>> {
        (self.0.at <= LAST).then_some(&self.0)
    }

    /// The value, when valid.
    pub(crate) fn value(&self) -> Option<&T> {
        self.valid().map(|a| &a.v)
    }

    /// True when the field is absent (or `null`).
    pub(crate) fn is_absent(&self) -> bool {
        self.0.at == ABSENT
    }

    /// The value when valid, `Some(None)` when absent, `None` when it failed its check: for
    /// rules where "absent" is a value of its own (an export's market).
    pub(crate) fn valid_or_absent(&self) -> Option<Option<&T>> {
        match self.0.at {
            ABSENT => Some(None),
            INVALID => None,
            _ => Some(Some(&self.0.v)),
        }
    }
}

impl<T: Finish> Checked<T> {
    /// A required field's value (or a defaulted field's); `None` when absent or invalid.
    pub(crate) fn required(self) -> Option<T::Output> {
        match self.0.at {
            ABSENT | INVALID => None,
            _ => self.0.v.finish(),
        }
    }

    /// An optional field's value: `Some(None)` when absent; `None` when invalid.
    pub(crate) fn optional(self) -> Option<Option<T::Output>> {
        match self.0.at {
            ABSENT => Some(None),
            INVALID => None,
            _ => self.0.v.finish().map(Some),
        }
    }
}

/// Where a record stands: its index in its array, its `{` and its `}`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Place {
    pub(crate) index: u32,
    pub(crate) at: u32,
    pub(crate) end: u32,
}

/// A drafted value turned into the model's: only called when the document has no error, so
/// every required field is there; `None` would be a bug in the rules, never a panic.
pub(crate) trait Finish {
    /// The model's type.
    type Output;
    /// The model's value, or `None` when a part of it is missing or invalid.
    fn finish(self) -> Option<Self::Output>;
}

/// Values that are the same in the draft and in the model, with the placeholder a draft holds
/// where there is none.
macro_rules! as_is {
    ($($t:ty => $placeholder:expr),* $(,)?) => {$(
        impl $crate::validate::checked::Finish for $t {
            type Output = $t;
            fn finish(self) -> Option<$t> {
                Some(self)
            }
        }

        impl $crate::validate::checked::Placeholder for $t {
            fn placeholder() -> $t {
                $placeholder
            }
        }
    )*};
}
pub(crate) use as_is;

as_is!(String => String::new(), u8 => 0, u16 => 0, u64 => 0);

/// Every record of a list, finished.
pub(crate) fn finish_all<D: Finish>(drafts: Vec<D>) -> Option<Vec<D::Output>> {
    drafts.into_iter().map(Finish::finish).collect()
}

impl<T: Finish> Finish for Vec<Checked<T>> {
    type Output = Vec<T::Output>;
    fn finish(self) -> Option<Vec<T::Output>> {
        self.into_iter().map(Checked::required).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checked_value_is_no_larger_than_the_value_and_its_offset() {
        assert_eq!(size_of::<Checked<u64>>(), 16);
        assert_eq!(size_of::<Checked<String>>(), 32);
        assert_eq!(size_of::<Checked<crate::value::Date>>(), 8);
    }

    #[test]
    fn the_state_is_told_by_the_offset() {
        let absent: Checked<u64> = Checked::default();
        assert!(absent.is_absent() && absent.valid().is_none());
        assert_eq!(absent.valid_or_absent(), Some(None));
        let invalid: Checked<u64> = Checked::invalid();
        assert!(!invalid.is_absent() && invalid.valid().is_none());
        assert_eq!(invalid.valid_or_absent(), None);
        let valid = Checked::at(7u64, 12);
        assert_eq!(valid.valid().map(|a| (a.v, a.at)), Some((7, 12)));
        assert_eq!(valid.clone().map(|v| v + 1).value(), Some(&8));
        // Offsets past 4 GiB saturate below the two markers: still valid.
        let far = Checked::at(1u64, usize::MAX);
        assert_eq!(far.valid().map(|a| a.at), Some(LAST));
        assert_eq!(Checked::at(3u64, 0).required(), Some(3));
        assert_eq!(Checked::<u64>::invalid().optional(), None);
        assert_eq!(Checked::<u64>::default().optional(), Some(None));
    }
}
