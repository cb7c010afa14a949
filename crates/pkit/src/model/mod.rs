//! The records of a registry document, one module per record family (SPEC §1.3–§1.9).
//!
//! Records are plain data with public fields. They are built by [`Registry::from_json`]
//! (which validates them) and written back by [`Registry::to_json`]; the JSON Schema of
//! [`crate::schema`] is derived from these same types.
//!
//! [`Registry::from_json`]: crate::Registry::from_json
//! [`Registry::to_json`]: crate::Registry::to_json

mod award;
mod certification;
mod company;
pub(crate) mod export;
mod observation;
pub(crate) mod ranking;
pub(crate) mod target;

pub use award::{Award, AwardResult, Program, APICTA_CATEGORIES};
pub use certification::{Appraisal, Certification, CertificationStatus, DerivedStatus, Scheme};
pub use company::{Company, Headquarters, Identifiers, LegalForm, Office, Service};
pub use export::{ExportRecord, ExportService};
pub use observation::{Indicator, Observation, Source, Unit};
pub use ranking::Ranking;
pub use target::Target;

/// Defines a closed vocabulary of snake_case strings as a Rust enum, with its text form,
/// parsing (`invalid_enum` on anything else), serde and JSON Schema.
macro_rules! vocabulary {
    (
        $(#[$doc:meta])*
        pub enum $name:ident { $( $(#[$vdoc:meta])* $variant:ident = $text:literal, )* }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[$vdoc])* $variant, )*
        }

        impl $name {
            /// Every value, in the spec's order.
            #[doc = concat!("```\nlet all = pkit::model::", stringify!($name), "::ALL;\nassert!(!all.is_empty());\n```")]
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The value as written in documents; parsing it gives the value back.
            ///
            /// # Example
            #[doc = concat!("```\nuse pkit::model::", stringify!($name), ";\nfor v in ", stringify!($name), "::ALL {\n    assert_eq!(v.as_str().parse::<", stringify!($name), ">(), Ok(*v));\n}\n```")]
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::value::ParseError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)*
                    _ => Err(crate::value::ParseError::new(
                        crate::Code::InvalidEnum,
                        format!(
                            "`{}` is not allowed here: expected one of {}",
                            crate::value::shorten(s),
                            [$($text),*].join(", ")
                        ),
                    )),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "enum": [$($text),*],
                })
            }
        }
    };
}
pub(crate) use vocabulary;

/// `skip_serializing_if` helper for empty lists.
pub(crate) fn is_empty<T>(v: &[T]) -> bool {
    v.is_empty()
}
