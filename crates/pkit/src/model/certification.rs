//! [`Certification`]: CMMI appraisals and ISO, PCI DSS and SOC 2 certificates, with their
//! editions, transition deadlines and derived status (SPEC §1.4).

use schemars::JsonSchema;
use serde::Serialize;

use super::vocabulary;
use crate::value::{Date, TextRule};

vocabulary! {
    /// A certification scheme.
    ///
    /// # Example
    /// ```
    /// use pkit::model::Scheme;
    /// assert_eq!("iso_27001".parse::<Scheme>()?, Scheme::Iso27001);
    /// assert_eq!(Scheme::Iso27001.editions(), &["2013", "2022"]);
    /// assert_eq!(Scheme::Cmmi.max_validity_years(), 3);
    /// # Ok::<(), pkit::value::ParseError>(())
    /// ```
    pub enum Scheme in "pkit::model" {
        /// Capability Maturity Model Integration (ISACA), appraised at a maturity level.
        Cmmi = "cmmi",
        /// ISO 9001, quality management.
        Iso9001 = "iso_9001",
        /// ISO 14001, environmental management.
        Iso14001 = "iso_14001",
        /// ISO/IEC 20000-1, IT service management.
        Iso20000_1 = "iso_20000_1",
        /// ISO 22301, business continuity.
        Iso22301 = "iso_22301",
        /// ISO/IEC 27001, information security.
        Iso27001 = "iso_27001",
        /// ISO/IEC 27701, privacy information management.
        Iso27701 = "iso_27701",
        /// PCI DSS, payment card data security.
        PciDss = "pci_dss",
        /// SOC 2 attestation report.
        Soc2 = "soc2",
    }
}

impl Scheme {
    /// The editions of the scheme, oldest first.
    ///
    /// # Example
    /// ```
    /// assert!(pkit::model::Scheme::PciDss.editions().contains(&"4.0.1"));
    /// ```
    pub fn editions(self) -> &'static [&'static str] {
        match self {
            Scheme::Cmmi => &["1.3", "2.0", "2.1", "2.2", "3.0"],
            Scheme::Iso9001 => &["2008", "2015"],
            Scheme::Iso14001 => &["2004", "2015"],
            Scheme::Iso20000_1 => &["2011", "2018"],
            Scheme::Iso22301 => &["2012", "2019"],
            Scheme::Iso27001 => &["2013", "2022"],
            Scheme::Iso27701 => &["2019", "2025"],
            Scheme::PciDss => &["3.2.1", "4.0", "4.0.1"],
            Scheme::Soc2 => &["type_1", "type_2"],
        }
    }

    /// The last day a certificate to a superseded `edition` stays valid, if it has one.
    ///
    /// # Example
    /// ```
    /// use pkit::model::Scheme;
    /// assert_eq!(Scheme::Iso27001.transition_end("2013").map(|d| d.to_string()).as_deref(), Some("2025-10-31"));
    /// assert_eq!(Scheme::Iso27001.transition_end("2022"), None);
    /// assert_eq!(Scheme::Cmmi.transition_end("1.3"), None);
    /// ```
    pub fn transition_end(self, edition: &str) -> Option<Date> {
        let (y, m, d) = match (self, edition) {
            (Scheme::Iso9001, "2008") | (Scheme::Iso14001, "2004") => (2018, 9, 15),
            (Scheme::Iso20000_1, "2011") => (2021, 9, 30),
            (Scheme::Iso27001, "2013") => (2025, 10, 31),
            (Scheme::PciDss, "3.2.1") => (2024, 3, 31),
            _ => return None,
        };
        Date::new(y, m, d)
    }

    /// The last day an appraisal to a withdrawn CMMI edition could be made (`1.3`: 2020-09-30).
    ///
    /// # Example
    /// ```
    /// use pkit::model::Scheme;
    /// assert!(Scheme::Cmmi.last_appraisal_day("1.3").is_some());
    /// assert!(Scheme::Cmmi.last_appraisal_day("2.0").is_none());
    /// ```
    pub fn last_appraisal_day(self, edition: &str) -> Option<Date> {
        match (self, edition) {
            (Scheme::Cmmi, "1.3") => Date::new(2020, 9, 30),
            _ => None,
        }
    }

    /// The longest validity a certificate of the scheme may have, in years.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::model::Scheme::Soc2.max_validity_years(), 1);
    /// ```
    pub fn max_validity_years(self) -> i32 {
        match self {
            Scheme::PciDss | Scheme::Soc2 => 1,
            _ => 3,
        }
    }
}

vocabulary! {
    /// The kind of CMMI appraisal.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::model::Appraisal::ScampiA.as_str(), "scampi_a");
    /// ```
    pub enum Appraisal in "pkit::model" {
        /// A SCAMPI A appraisal (CMMI 1.3).
        ScampiA = "scampi_a",
        /// A benchmark appraisal (CMMI 2.0 and later).
        Benchmark = "benchmark",
        /// A sustainment appraisal (CMMI 2.0 and later).
        Sustainment = "sustainment",
    }
}

vocabulary! {
    /// The status of a certificate as declared by its issuer.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::model::CertificationStatus::default().as_str(), "active");
    /// ```
    pub enum CertificationStatus in "pkit::model" {
        /// In force (the default).
        Active = "active",
        /// Suspended by the issuer.
        Suspended = "suspended",
        /// Withdrawn by the issuer.
        Withdrawn = "withdrawn",
    }
}

#[allow(clippy::derivable_impls)] // The vocabulary macro owns the derive list.
impl Default for CertificationStatus {
    fn default() -> Self {
        CertificationStatus::Active
    }
}

vocabulary! {
    /// The status of a certificate on a given day, derived from its dates (SPEC §1.4).
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::model::DerivedStatus::NotYetValid.as_str(), "not_yet_valid");
    /// ```
    pub enum DerivedStatus in "pkit::model" {
        /// In force, more than 90 days from expiry.
        Valid = "valid",
        /// In force; the effective expiry is at most 90 days away.
        Expiring = "expiring",
        /// Past its effective expiry.
        Expired = "expired",
        /// Suspended by the issuer.
        Suspended = "suspended",
        /// Withdrawn by the issuer.
        Withdrawn = "withdrawn",
        /// Not issued yet on that day.
        NotYetValid = "not_yet_valid",
    }
}

/// A certification held by a company (SPEC §1.4).
///
/// # Example
/// ```
/// use pkit::model::{DerivedStatus, Scheme};
/// let registry = pkit::Registry::sample();
/// let cert = registry.companies().iter().flat_map(|c| &c.certifications)
///     .find(|c| c.scheme == Scheme::Cmmi).unwrap();
/// assert!((2..=5).contains(&cert.level.unwrap()));
/// let status = cert.status_on(registry.as_of());
/// assert!(DerivedStatus::ALL.contains(&status));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("additionalProperties" = false))]
#[schemars(transform = scheme_rules)]
pub struct Certification {
    /// The scheme.
    pub scheme: Scheme,
    /// One of the scheme's editions (see [`Scheme::editions`]).
    pub edition: String,
    /// The CMMI maturity level, 2..=5; required for CMMI, absent for every other scheme.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = *CMMI_LEVELS.start(), max = *CMMI_LEVELS.end()))]
    pub level: Option<u8>,
    /// The kind of CMMI appraisal; CMMI only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appraisal: Option<Appraisal>,
    /// The certificate or appraisal number (at most 60 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = TextRule::CERTIFICATE_NUMBER.max_chars), regex(pattern = TextRule::CERTIFICATE_NUMBER.pattern()))]
    pub certificate_number: Option<String>,
    /// The certification body, or the lead appraiser's organisation for CMMI.
    #[schemars(length(min = 1, max = TextRule::NAME.max_chars), regex(pattern = TextRule::NAME.pattern()))]
    pub issuer: String,
    /// The accreditation body (PNAC, UKAS, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = TextRule::NAME.max_chars), regex(pattern = TextRule::NAME.pattern()))]
    pub accredited_by: Option<String>,
    /// The day of issue; not after `as_of`, not before the company's founding.
    pub issued_on: Date,
    /// The day of expiry; after `issued_on`, at most 3 years later (1 year for PCI DSS and SOC 2).
    pub expires_on: Date,
    /// As declared by the issuer; `active` when absent.
    #[serde(default)]
    #[schemars(with = "Option<CertificationStatus>")]
    pub status: CertificationStatus,
    /// What the certificate covers (at most 2000 characters, may hold line feeds).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = TextRule::NOTE.max_chars), regex(pattern = TextRule::NOTE.pattern()))]
    pub scope: Option<String>,
}

/// Adds to the schema what depends on the scheme: its editions, the CMMI-only fields.
fn scheme_rules(schema: &mut schemars::Schema) {
    let mut rules: Vec<serde_json::Value> = Scheme::ALL
        .iter()
        .map(|s| {
            serde_json::json!({
                "if": {"properties": {"scheme": {"const": s.as_str()}}, "required": ["scheme"]},
                "then": {"properties": {"edition": {"enum": s.editions()}}}
            })
        })
        .collect();
    let others: Vec<&str> = Scheme::ALL
        .iter()
        .filter(|&&s| s != Scheme::Cmmi)
        .map(|s| s.as_str())
        .collect();
    rules.push(serde_json::json!({
        "if": {"properties": {"scheme": {"const": "cmmi"}}, "required": ["scheme"]},
        "then": {"required": ["level"], "properties": {"level": {"type": "integer"}}}
    }));
    rules.push(serde_json::json!({
        "if": {"properties": {"scheme": {"enum": others}}, "required": ["scheme"]},
        "then": {"properties": {"level": {"type": "null"}, "appraisal": {"type": "null"}}}
    }));
    schema.insert("allOf".into(), rules.into());
}

/// The CMMI maturity levels a certification may carry (`level`).
pub const CMMI_LEVELS: std::ops::RangeInclusive<u8> = 2..=5;

/// How many days before the effective expiry a certificate counts as `expiring`.
pub const EXPIRING_WITHIN_DAYS: i64 = 90;

impl Certification {
    /// The day the certificate stops being valid: `expires_on`, or the end of its edition's
    /// transition period when that comes first.
    ///
    /// # Example
    /// ```
    /// let registry = pkit::Registry::sample();
    /// for cert in registry.companies().iter().flat_map(|c| &c.certifications) {
    ///     assert!(cert.effective_expiry() <= cert.expires_on);
    /// }
    /// ```
    pub fn effective_expiry(&self) -> Date {
        match self.scheme.transition_end(&self.edition) {
            Some(end) if end < self.expires_on => end,
            _ => self.expires_on,
        }
    }

    /// The derived status on day `on` (SPEC §1.4).
    ///
    /// # Example
    /// ```
    /// use pkit::model::DerivedStatus;
    /// let registry = pkit::Registry::sample();
    /// let cert = &registry.companies().iter().flat_map(|c| &c.certifications).next().unwrap();
    /// assert_eq!(cert.status_on(cert.issued_on.add_days(-1)), DerivedStatus::NotYetValid);
    /// ```
    pub fn status_on(&self, on: Date) -> DerivedStatus {
        match self.status {
            CertificationStatus::Withdrawn => DerivedStatus::Withdrawn,
            CertificationStatus::Suspended => DerivedStatus::Suspended,
            CertificationStatus::Active => {
                let expiry = self.effective_expiry();
                if on < self.issued_on {
                    DerivedStatus::NotYetValid
                } else if on > expiry {
                    DerivedStatus::Expired
                } else if on.days_until(expiry) <= EXPIRING_WITHIN_DAYS {
                    DerivedStatus::Expiring
                } else {
                    DerivedStatus::Valid
                }
            }
        }
    }
}
