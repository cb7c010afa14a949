//! The document as read, before the rules relate its values: every field is [`Checked`]
//! (absent, invalid, or valid with the byte offset where it stood), so that the rules can skip
//! invalid values (no cascade) and order their issues by position.
//!
//! Each record's fields are declared once, with [`record!`](crate::validate::draft::record):
//! its name in the document, whether it is required, and the check that reads it. The macro
//! makes the draft type, the table of fields the walker reads by name ([`Field`]), and the
//! conversion into the model's record ([`Finish`]), whose struct literal makes the compiler
//! insist that every field of the record is declared.

use super::walk::{Res, Walker};

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

/// One field of a record: its name in the document, whether it is required, and how the
/// walker reads its value into the draft.
pub(crate) struct Field<D> {
    pub(crate) name: &'static str,
    pub(crate) required: bool,
    pub(crate) read: for<'a> fn(&mut Walker<'a>, &mut D) -> Res<()>,
}

/// A record as read: its fields ([`Draft::FIELDS`], read by name), where it stands, and the
/// model's record it becomes.
pub(crate) trait Draft: Default + Finish + 'static {
    /// The record's fields, in the order of the spec.
    const FIELDS: &'static [Field<Self>];
    /// Where the record stands in the document.
    fn place_mut(&mut self) -> &mut Place;
}

/// Declares the draft of a record: every field once, with its kind, type and check.
///
/// ```text
/// record! {
///     /// docs
///     DraftOffice => Office {
///         required country: Country = |w| w.parsed(),
///         optional opened_on: Date = |w| w.parsed(),
///         defaulted(Status::Held) status: Status = |w| w.parsed(),
///         list services: Service = |w| w.parsed(),     // an array; each item checked
///     }
/// }
/// ```
///
/// A field's type is its draft type (a nested record's draft, a value); the draft holds it as
/// [`Checked`] (a list as `Vec<Checked<_>>`, each item checked). The model's record is built
/// with a struct literal, so a field of the record that is not declared fails to compile.
macro_rules! record {
    (
        $(#[$doc:meta])*
        $draft:ident => $model:ident {
            $(
                $kind:ident $(($default:expr))? $field:ident : $ty:ty = |$w:ident| $read:expr,
            )*
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub(crate) struct $draft {
            pub(crate) place: $crate::validate::draft::Place,
            $( pub(crate) $field: $crate::validate::draft::record!(@type $kind $ty), )*
        }

        impl Default for $draft {
            fn default() -> Self {
                $draft {
                    place: Default::default(),
                    $( $field: $crate::validate::draft::record!(@init $kind $($default)?), )*
                }
            }
        }

        impl $crate::validate::draft::Draft for $draft {
            const FIELDS: &'static [$crate::validate::draft::Field<Self>] = &[$(
                $crate::validate::draft::Field {
                    name: stringify!($field),
                    required: $crate::validate::draft::record!(@required $kind),
                    read: |$w: &mut $crate::validate::walk::Walker<'_>, draft: &mut $draft| {
                        draft.$field = $crate::validate::draft::record!(@read $kind $w $read);
                        Ok(())
                    },
                },
            )*];

            fn place_mut(&mut self) -> &mut $crate::validate::draft::Place {
                &mut self.place
            }
        }

        impl $crate::validate::draft::Finish for $draft {
            type Output = $model;
            fn finish(self) -> Option<$model> {
                Some($model {
                    $( $field: $crate::validate::draft::record!(@finish $kind self.$field), )*
                })
            }
        }
    };
    (@type list $ty:ty) => { Vec<$crate::validate::draft::Checked<$ty>> };
    (@type $kind:ident $ty:ty) => { $crate::validate::draft::Checked<$ty> };
    (@init defaulted $default:expr) => { $crate::validate::draft::Checked::defaulted($default) };
    (@init $kind:ident) => { Default::default() };
    (@required required) => { true };
    (@required $kind:ident) => { false };
    (@read list $w:ident $read:expr) => { $w.list(|$w| $read)? };
    (@read $kind:ident $w:ident $read:expr) => { $read? };
    (@finish list $value:expr) => { $crate::validate::draft::Finish::finish($value)? };
    (@finish optional $value:expr) => { $value.optional()? };
    (@finish $kind:ident $value:expr) => { $value.required()? };
}
pub(crate) use record;
