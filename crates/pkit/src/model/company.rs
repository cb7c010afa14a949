//! [`Company`] and its parts: identifiers, headquarters, offices abroad, services.

use schemars::JsonSchema;
use serde::Serialize;

use super::{vocabulary, Agreement, Award, Certification, ExportRecord, Lead};
use crate::value::{
    Country, Date, Slug, Subdivision, TextRule, EMAIL_MAX_CHARS, EMAIL_PATTERN, URL_MAX_CHARS,
    URL_PATTERN,
};

vocabulary! {
    /// The legal form of a company.
    ///
    /// # Example
    /// ```
    /// use pkit::model::LegalForm;
    /// assert_eq!("private_limited".parse::<LegalForm>()?, LegalForm::PrivateLimited);
    /// assert_eq!(LegalForm::Llp.as_str(), "llp");
    /// # Ok::<(), pkit::value::ParseError>(())
    /// ```
    pub enum LegalForm in "pkit::model" {
        /// A private limited company, "(Pvt) Ltd".
        PrivateLimited = "private_limited",
        /// A single-member company, "(SMC-Pvt) Ltd".
        SingleMember = "single_member",
        /// A company listed on the Pakistan Stock Exchange.
        PublicListed = "public_listed",
        /// A public company that is not listed.
        PublicUnlisted = "public_unlisted",
        /// A company limited by guarantee.
        Guarantee = "guarantee",
        /// A limited liability partnership.
        Llp = "llp",
        /// A partnership firm.
        Partnership = "partnership",
        /// A sole proprietorship.
        SoleProprietor = "sole_proprietor",
        /// The branch of a foreign company.
        ForeignBranch = "foreign_branch",
        /// Any other form.
        Other = "other",
    }
}

vocabulary! {
    /// A line of business a company offers.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::model::Service::DataAndAi.as_str(), "data_and_ai");
    /// ```
    pub enum Service in "pkit::model" {
        /// Custom software development.
        SoftwareDevelopment = "software_development",
        /// IT consulting.
        ItConsulting = "it_consulting",
        /// IT-enabled services.
        ItEnabledServices = "it_enabled_services",
        /// Call centres.
        CallCentre = "call_centre",
        /// Business process outsourcing.
        Bpo = "bpo",
        /// Digital marketing.
        DigitalMarketing = "digital_marketing",
        /// Data engineering and AI.
        DataAndAi = "data_and_ai",
        /// Cloud and DevOps.
        CloudAndDevops = "cloud_and_devops",
        /// Cybersecurity.
        Cybersecurity = "cybersecurity",
        /// Financial technology.
        Fintech = "fintech",
        /// E-commerce.
        Ecommerce = "ecommerce",
        /// Games.
        Gaming = "gaming",
        /// Hardware.
        Hardware = "hardware",
        /// Anything else.
        Other = "other",
    }
}

/// The largest head count a company may give (`employees`).
pub const MAX_EMPLOYEES: u64 = 1_000_000;

/// An IT company (SPEC §1.3).
///
/// # Example
/// ```
/// let registry = pkit::Registry::sample();
/// let company = &registry.companies()[0];
/// assert!(!company.legal_name.is_empty());
/// assert!(registry.company(company.id.as_str()).is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("additionalProperties" = false))]
pub struct Company {
    /// Unique id among companies, a slug such as `indus-byteworks`.
    pub id: Slug,
    /// The registered name (at most 200 characters).
    #[schemars(length(min = 1, max = TextRule::NAME.max_chars), regex(pattern = TextRule::NAME.pattern()))]
    pub legal_name: String,
    /// The name it trades under, if different (at most 200 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = TextRule::NAME.max_chars), regex(pattern = TextRule::NAME.pattern()))]
    pub trade_name: Option<String>,
    /// The legal form.
    pub legal_form: LegalForm,
    /// Registration numbers; all optional.
    #[serde(skip_serializing_if = "Identifiers::is_empty")]
    #[schemars(with = "Option<Identifiers>")]
    pub identifiers: Identifiers,
    /// The day the company was founded; not after `as_of`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub founded_on: Option<Date>,
    /// The head office in Pakistan.
    pub headquarters: Headquarters,
    /// An absolute http(s) URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(url, length(max = URL_MAX_CHARS), regex(pattern = URL_PATTERN))]
    pub website: Option<String>,
    /// A contact e-mail address.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(email, length(max = EMAIL_MAX_CHARS), regex(pattern = EMAIL_PATTERN))]
    pub email: Option<String>,
    /// Head count, 0..=1,000,000.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = MAX_EMPLOYEES))]
    pub employees: Option<u64>,
    /// Lines of business, each at most once.
    #[serde(skip_serializing_if = "super::is_empty")]
    #[schemars(with = "Option<Vec<Service>>", extend("uniqueItems" = true))]
    pub services: Vec<Service>,
    /// Offices abroad.
    #[serde(skip_serializing_if = "super::is_empty")]
    #[schemars(with = "Option<Vec<Office>>")]
    pub offices: Vec<Office>,
    /// Certifications held (CMMI, ISO, ...).
    #[serde(skip_serializing_if = "super::is_empty")]
    #[schemars(with = "Option<Vec<Certification>>")]
    pub certifications: Vec<Certification>,
    /// Awards won or entered.
    #[serde(skip_serializing_if = "super::is_empty")]
    #[schemars(with = "Option<Vec<Award>>")]
    pub awards: Vec<Award>,
    /// The company's own export revenue.
    #[serde(skip_serializing_if = "super::is_empty")]
    #[schemars(with = "Option<Vec<ExportRecord>>")]
    pub exports: Vec<ExportRecord>,
    /// Business prospects with foreign counterparties.
    #[serde(skip_serializing_if = "super::is_empty")]
    #[schemars(with = "Option<Vec<Lead>>")]
    pub leads: Vec<Lead>,
    /// Agreements with foreign counterparties, binding or not.
    #[serde(skip_serializing_if = "super::is_empty")]
    #[schemars(with = "Option<Vec<Agreement>>")]
    pub agreements: Vec<Agreement>,
}

/// A company's registration numbers (all optional).
///
/// # Example
/// ```
/// let ids = pkit::model::Identifiers { ntn: Some("1234567-8".into()), ..Default::default() };
/// assert!(!ids.is_empty());
/// assert!(pkit::model::Identifiers::default().is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("additionalProperties" = false))]
pub struct Identifiers {
    /// National Tax Number: seven digits, optionally `-` and a check digit.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = "^[0-9]{7}(-[0-9])?$"))]
    pub ntn: Option<String>,
    /// Corporate Unique Identification Number (SECP): 5 to 10 digits.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = "^[0-9]{5,10}$"))]
    pub cuin: Option<String>,
    /// Legal Entity Identifier (ISO 17442), with valid check digits.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = "^[A-Z0-9]{18}[0-9]{2}$"))]
    pub lei: Option<String>,
    /// Pakistan Software Export Board registration (at most 40 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = TextRule::PSEB.max_chars), regex(pattern = TextRule::PSEB.pattern()))]
    pub pseb: Option<String>,
}

impl Identifiers {
    /// True when no identifier is given.
    ///
    /// # Example
    /// ```
    /// assert!(pkit::model::Identifiers::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.ntn.is_none() && self.cuin.is_none() && self.lei.is_none() && self.pseb.is_none()
    }
}

/// Where a company's head office is.
///
/// # Example
/// ```
/// use pkit::{model::Headquarters, value::Subdivision};
/// let hq = Headquarters { city: "Lahore".into(), region: Subdivision::Punjab };
/// assert_eq!(hq.region.code(), "PK-PB");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("additionalProperties" = false))]
pub struct Headquarters {
    /// The city (at most 100 characters).
    #[schemars(length(min = 1, max = TextRule::CITY.max_chars), regex(pattern = TextRule::CITY.pattern()))]
    pub city: String,
    /// The province or territory.
    pub region: Subdivision,
}

/// An office abroad.
///
/// # Example
/// ```
/// use pkit::model::Office;
/// let office = Office { country: "AE".parse()?, city: "Dubai".into(), opened_on: None, initiative: None };
/// assert_eq!(office.country.name(), "United Arab Emirates");
/// # Ok::<(), pkit::value::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("additionalProperties" = false))]
pub struct Office {
    /// The country; never `PK` (offices in Pakistan are not offices abroad).
    #[schemars(extend("not" = {"const": "PK"}))]
    pub country: Country,
    /// The city (at most 100 characters).
    #[schemars(length(min = 1, max = TextRule::CITY.max_chars), regex(pattern = TextRule::CITY.pattern()))]
    pub city: String,
    /// When it opened; not after `as_of`, not before the company's founding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opened_on: Option<Date>,
    /// The initiative credited with it: an initiative `id` of the document, held, that began
    /// on or before `opened_on`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initiative: Option<Slug>,
}
