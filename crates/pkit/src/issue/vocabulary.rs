//! The `vocabulary!` macro: a closed list of snake_case words as a Rust enum.

/// Defines a closed vocabulary of snake_case strings as a Rust enum, with its text form
/// (`as_str`, `Display`), every value in order (`ALL`), parsing (`FromStr`, a
/// [`ParseError`](crate::issue::ParseError) with `invalid_enum` on anything else), serde
/// serialization and a JSON Schema (`enum` of the texts).
///
/// `pub enum Name in "pkit::module" { .. }` names the public module the enum is reached from
/// (for the generated doctests); `pub enum Name as "a noun" in ..` also names the vocabulary
/// in the parse error ("`x` is not a noun: expected one of ..."), which otherwise says "is not
/// allowed here".
macro_rules! vocabulary {
    (
        $(#[$doc:meta])*
        pub enum $name:ident $(as $noun:literal)? in $path:literal {
            $( $(#[$vdoc:meta])* $variant:ident = $text:literal, )*
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[$vdoc])* $variant, )*
        }

        impl $name {
            /// Every value, in the order the spec lists them.
            ///
            /// # Example
            #[doc = concat!(
                "```\nuse ", $path, "::", stringify!($name), ";\nlet texts = [", $("\"", $text, "\", ",)* "];\n",
                "let all = ", stringify!($name), "::ALL;\n",
                "assert_eq!(all.len(), texts.len());\n",
                "for (value, text) in all.iter().zip(texts) {\n",
                "    assert_eq!(value.as_str(), text);\n",
                "}\n```"
            )]
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The value as written in documents; parsing it gives the value back.
            ///
            /// # Example
            #[doc = concat!(
                "```\nuse ", $path, "::", stringify!($name), ";\nfor v in ", stringify!($name), "::ALL {\n",
                "    assert_eq!(v.as_str().parse::<", stringify!($name), ">(), Ok(*v));\n",
                "    assert_eq!(v.to_string(), v.as_str());\n",
                "}\n```"
            )]
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }

        impl $crate::issue::Word for $name {
            fn index(self) -> usize {
                self as usize
            }
            fn text(self) -> &'static str {
                self.as_str()
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::issue::ParseError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)*
                    _ => Err($crate::issue::ParseError::not_in_vocabulary(
                        s,
                        [$($noun)?].first().copied(),
                        &[$($text),*],
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

/// A value of a [`vocabulary!`]: its position among the values and its text.
pub(crate) trait Word: Copy {
    /// The position in `ALL`.
    fn index(self) -> usize;
    /// The text, as written in documents.
    fn text(self) -> &'static str;
}
