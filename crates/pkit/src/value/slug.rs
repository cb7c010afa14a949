//! [`Slug`] (record ids) and [`Key`] (award categories).

use std::fmt;
use std::str::FromStr;

use super::ParseError;
use crate::issue::Code;

/// True when `s` is 1..=64 runs of `[a-z0-9]` joined by single `sep` characters.
fn is_joined(s: &str, sep: u8) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && b[0] != sep
        && b[b.len() - 1] != sep
        && b.iter()
            .all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == sep)
        && !b.windows(2).any(|w| w[0] == sep && w[1] == sep)
}

macro_rules! slug_type {
    ($(#[$doc:meta])* $name:ident, $sep:literal, $code:expr, $what:literal, $pattern:literal) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The text.
            ///
            /// # Example
            #[doc = concat!("```\nlet v: pkit::value::", stringify!($name), " = \"abc\".parse().unwrap();\nassert_eq!(v.as_str(), \"abc\");\n```")]
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// An empty stand-in for a draft's absent value; it never leaves the crate (no
            /// record holds one) and costs no allocation.
            pub(crate) fn placeholder() -> Self {
                $name(String::new())
            }

            /// Wraps text the caller built to the format (generated data).
            pub(crate) fn from_valid(s: String) -> Self {
                debug_assert!(is_joined(&s, $sep), "{s}");
                $name(s)
            }
        }

        impl FromStr for $name {
            type Err = ParseError;
            fn from_str(s: &str) -> Result<Self, ParseError> {
                if is_joined(s, $sep) {
                    Ok($name(s.to_owned()))
                } else {
                    Err(ParseError::new(
                        $code,
                        format!(concat!("`{}` is not ", $what, ": expected {} (at most 64 characters)"), s, $pattern),
                    ))
                }
            }
        }

        impl TryFrom<String> for $name {
            type Error = ParseError;
            fn try_from(s: String) -> Result<Self, ParseError> {
                if is_joined(&s, $sep) {
                    Ok($name(s))
                } else {
                    s.parse()
                }
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&self.0, f)
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "description": concat!("A ", $what, ": ", $pattern, ", 1 to 64 characters."),
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 64,
                    "pattern": $pattern
                })
            }
        }
    };
}

slug_type!(
    /// A record id: lower-case letters and digits in runs joined by single hyphens, 1..=64
    /// characters (`indus-byteworks`).
    ///
    /// # Example
    /// ```
    /// use pkit::value::Slug;
    /// let id: Slug = "indus-byteworks".parse()?;
    /// assert_eq!(id.as_str(), "indus-byteworks");
    /// for bad in ["Indus", "indus--byteworks", "-indus", "indus_byteworks", ""] {
    ///     assert!(bad.parse::<Slug>().is_err());
    /// }
    /// # Ok::<(), pkit::value::ParseError>(())
    /// ```
    Slug,
    b'-',
    Code::InvalidId,
    "an id",
    "^[a-z0-9]+(-[a-z0-9]+)*$"
);

slug_type!(
    /// A key such as an award category: lower-case letters and digits in runs joined by single
    /// underscores, 1..=64 characters (`e_health`).
    ///
    /// # Example
    /// ```
    /// use pkit::value::Key;
    /// let key: Key = "e_health".parse()?;
    /// assert_eq!(key.to_string(), "e_health");
    /// assert!("e-health".parse::<Key>().is_err());
    /// # Ok::<(), pkit::value::ParseError>(())
    /// ```
    Key,
    b'_',
    Code::InvalidKey,
    "a key",
    "^[a-z0-9]+(_[a-z0-9]+)*$"
);
