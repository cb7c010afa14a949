//! [`Country`] (ISO 3166-1 alpha-2), [`Subdivision`] (ISO 3166-2:PK) and [`Region`].

use std::fmt;
use std::str::FromStr;

use super::country_codes::{NAMES, OFFICIAL};
use super::ParseError;
use crate::issue::Code;

/// An officially assigned ISO 3166-1 alpha-2 country code, upper case (`PK`, `US`, `AE`).
///
/// # Example
/// ```
/// use pkit::value::Country;
/// let pk: Country = "PK".parse()?;
/// assert_eq!(pk, Country::PAKISTAN);
/// assert_eq!(pk.name(), "Pakistan");
/// for bad in ["pk", "XX", "UK", "PAK", ""] {
///     assert!(bad.parse::<Country>().is_err());
/// }
/// # Ok::<(), pkit::value::ParseError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Country([u8; 2]);

impl Country {
    /// Pakistan, `PK`.
    pub const PAKISTAN: Country = Country(*b"PK");

    /// The two-letter code.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::value::Country::PAKISTAN.as_str(), "PK");
    /// ```
    pub fn as_str(&self) -> &str {
        // Built only from entries of OFFICIAL, which are ASCII.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The English short name (`Pakistan`, `United Arab Emirates`).
    ///
    /// # Example
    /// ```
    /// let ae: pkit::value::Country = "AE".parse().unwrap();
    /// assert_eq!(ae.name(), "United Arab Emirates");
    /// ```
    pub fn name(&self) -> &'static str {
        OFFICIAL
            .binary_search(&self.as_str())
            .map_or("", |i| NAMES[i].1)
    }

    /// Every officially assigned code, sorted.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::value::Country::all().count(), 249);
    /// ```
    pub fn all() -> impl Iterator<Item = Country> {
        OFFICIAL.iter().map(|c| {
            let b = c.as_bytes();
            Country([b[0], b[1]])
        })
    }
}

impl FromStr for Country {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Country, ParseError> {
        match OFFICIAL.binary_search(&s) {
            Ok(_) => {
                let b = s.as_bytes();
                Ok(Country([b[0], b[1]]))
            }
            Err(_) => Err(ParseError::new(
                Code::InvalidCountry,
                format!("`{s}` is not an officially assigned ISO 3166-1 alpha-2 code (such as PK, US, AE)"),
            )),
        }
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

super::serialize_display!(Country);

impl schemars::JsonSchema for Country {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Country".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An officially assigned ISO 3166-1 alpha-2 country code, upper case.",
            "type": "string",
            "enum": OFFICIAL.as_slice(),
        })
    }
}

/// A province or territory of Pakistan (ISO 3166-2:PK).
///
/// # Example
/// ```
/// use pkit::value::Subdivision;
/// let pb: Subdivision = "PK-PB".parse()?;
/// assert_eq!(pb, Subdivision::Punjab);
/// assert_eq!(pb.name(), "Punjab");
/// assert!("PK".parse::<Subdivision>().is_err());
/// # Ok::<(), pkit::value::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subdivision {
    /// `PK-PB`
    Punjab,
    /// `PK-SD`
    Sindh,
    /// `PK-KP`
    KhyberPakhtunkhwa,
    /// `PK-BA`
    Balochistan,
    /// `PK-IS`
    Islamabad,
    /// `PK-GB`
    GilgitBaltistan,
    /// `PK-JK`
    AzadJammuAndKashmir,
}

impl Subdivision {
    /// All seven, in the order of SPEC §1.1.
    pub const ALL: [Subdivision; 7] = [
        Subdivision::Punjab,
        Subdivision::Sindh,
        Subdivision::KhyberPakhtunkhwa,
        Subdivision::Balochistan,
        Subdivision::Islamabad,
        Subdivision::GilgitBaltistan,
        Subdivision::AzadJammuAndKashmir,
    ];

    /// The ISO 3166-2 code (`PK-PB`).
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::value::Subdivision::Sindh.code(), "PK-SD");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Subdivision::Punjab => "PK-PB",
            Subdivision::Sindh => "PK-SD",
            Subdivision::KhyberPakhtunkhwa => "PK-KP",
            Subdivision::Balochistan => "PK-BA",
            Subdivision::Islamabad => "PK-IS",
            Subdivision::GilgitBaltistan => "PK-GB",
            Subdivision::AzadJammuAndKashmir => "PK-JK",
        }
    }

    /// The English name (`Khyber Pakhtunkhwa`).
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::value::Subdivision::Islamabad.name(), "Islamabad Capital Territory");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Subdivision::Punjab => "Punjab",
            Subdivision::Sindh => "Sindh",
            Subdivision::KhyberPakhtunkhwa => "Khyber Pakhtunkhwa",
            Subdivision::Balochistan => "Balochistan",
            Subdivision::Islamabad => "Islamabad Capital Territory",
            Subdivision::GilgitBaltistan => "Gilgit-Baltistan",
            Subdivision::AzadJammuAndKashmir => "Azad Jammu and Kashmir",
        }
    }
}

impl FromStr for Subdivision {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Subdivision, ParseError> {
        Subdivision::ALL
            .into_iter()
            .find(|d| d.code() == s)
            .ok_or_else(|| {
                ParseError::new(
                    Code::InvalidRegion,
                    format!("`{s}` is not a province or territory of Pakistan: expected one of PK-PB, PK-SD, PK-KP, PK-BA, PK-IS, PK-GB, PK-JK"),
                )
            })
    }
}

impl fmt::Display for Subdivision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

super::serialize_display!(Subdivision);

impl schemars::JsonSchema for Subdivision {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Subdivision".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes: Vec<&str> = Subdivision::ALL.iter().map(|d| d.code()).collect();
        schemars::json_schema!({
            "description": "A province or territory of Pakistan (ISO 3166-2:PK).",
            "type": "string",
            "enum": codes,
        })
    }
}

/// Where a statistic applies: a country (usually `PK`) or a province or territory of Pakistan.
///
/// # Example
/// ```
/// use pkit::value::{Region, Subdivision};
/// assert_eq!("PK-SD".parse::<Region>()?, Region::Subdivision(Subdivision::Sindh));
/// assert_eq!("PK".parse::<Region>()?, Region::PAKISTAN);
/// assert_eq!("AE".parse::<Region>()?.to_string(), "AE");
/// assert!("PK-XX".parse::<Region>().is_err());
/// # Ok::<(), pkit::value::ParseError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Region {
    /// A whole country.
    Country(Country),
    /// A province or territory of Pakistan.
    Subdivision(Subdivision),
}

impl Region {
    /// Pakistan as a whole, the default region.
    pub const PAKISTAN: Region = Region::Country(Country::PAKISTAN);

    /// The code (`PK`, `PK-PB`, `US`).
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::value::Region::PAKISTAN.code(), "PK");
    /// ```
    pub fn code(&self) -> &str {
        match self {
            Region::Country(c) => c.as_str(),
            Region::Subdivision(s) => s.code(),
        }
    }
}

impl Default for Region {
    fn default() -> Region {
        Region::PAKISTAN
    }
}

impl FromStr for Region {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Region, ParseError> {
        if let Ok(c) = s.parse::<Country>() {
            return Ok(Region::Country(c));
        }
        s.parse::<Subdivision>().map(Region::Subdivision).map_err(|_| {
            ParseError::new(
                Code::InvalidRegion,
                format!("`{s}` is not a region: expected PK, a province code such as PK-PB, or a country code"),
            )
        })
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

super::serialize_display!(Region);

impl schemars::JsonSchema for Region {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Region".into()
    }
    fn json_schema(gen: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let country = gen.subschema_for::<Country>();
        let subdivision = gen.subschema_for::<Subdivision>();
        schemars::json_schema!({
            "description": "A country code (PK for Pakistan as a whole) or a province or territory of Pakistan.",
            "anyOf": [country, subdivision],
        })
    }
}
