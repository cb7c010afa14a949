//! [`Agreement`]: a contract, purchase order, partnership, MoU or letter of intent of a
//! company with a foreign counterparty (SPEC §1.10).

use schemars::JsonSchema;
use serde::Serialize;

use super::{vocabulary, ExportService};
use crate::value::{Country, Date, Slug, TextRule};

vocabulary! {
    /// What kind of agreement it is: binding ones count in contract totals, MoUs and letters
    /// of intent do not.
    ///
    /// # Example
    /// ```
    /// use pkit::model::AgreementKind;
    /// assert!(AgreementKind::Contract.is_binding());
    /// assert!(!AgreementKind::Mou.is_binding());
    /// ```
    pub enum AgreementKind in "pkit::model" {
        /// A contract (binding).
        Contract = "contract",
        /// A purchase order (binding).
        PurchaseOrder = "purchase_order",
        /// A framework agreement (binding).
        FrameworkAgreement = "framework_agreement",
        /// A partnership (binding).
        Partnership = "partnership",
        /// A joint venture (binding).
        JointVenture = "joint_venture",
        /// A memorandum of understanding (not binding).
        Mou = "mou",
        /// A letter of intent (not binding).
        LetterOfIntent = "letter_of_intent",
    }
}

impl AgreementKind {
    /// True for the binding kinds; MoUs and letters of intent are not.
    ///
    /// # Example
    /// ```
    /// assert!(!pkit::model::AgreementKind::LetterOfIntent.is_binding());
    /// ```
    pub fn is_binding(self) -> bool {
        !matches!(self, AgreementKind::Mou | AgreementKind::LetterOfIntent)
    }
}

vocabulary! {
    /// Where an agreement stands.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::model::AgreementStatus::default().as_str(), "active");
    /// ```
    pub enum AgreementStatus in "pkit::model" {
        /// In force (the default).
        Active = "active",
        /// Carried out.
        Completed = "completed",
        /// Ended early.
        Terminated = "terminated",
    }
}

#[allow(clippy::derivable_impls)] // The vocabulary macro owns the derive list.
impl Default for AgreementStatus {
    fn default() -> Self {
        AgreementStatus::Active
    }
}

/// The months an agreement may run (`duration_months`).
pub const DURATION_MONTHS: std::ops::RangeInclusive<u8> = 1..=120;

/// An agreement of a company with a foreign counterparty.
///
/// # Example
/// ```
/// let sample = pkit::Registry::sample();
/// let binding: u64 = sample.companies().iter().flat_map(|c| &c.agreements)
///     .filter(|a| a.kind.is_binding()).filter_map(|a| a.value_usd).sum();
/// assert!(binding > 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("additionalProperties" = false))]
pub struct Agreement {
    /// Unique among the company's agreements.
    pub id: Slug,
    /// What kind of agreement it is.
    pub kind: AgreementKind,
    /// Who the other party is.
    #[schemars(length(min = 1, max = TextRule::NAME.max_chars), regex(pattern = TextRule::NAME.pattern()))]
    pub counterparty: String,
    /// The other party's country.
    pub counterparty_country: Country,
    /// When it was signed; not after `as_of`, not before the company's founding.
    pub signed_on: Date,
    /// The initiative credited with it: an initiative `id` of the document, held, that began
    /// on or before `signed_on`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initiative: Option<Slug>,
    /// The lead of the same company it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead: Option<Slug>,
    /// The contracted value: whole US dollars; counts in no total on a non-binding kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = super::Unit::Usd.max()))]
    pub value_usd: Option<u64>,
    /// The service it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<ExportService>,
    /// How many months it runs, 1..=120.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = *DURATION_MONTHS.start(), max = *DURATION_MONTHS.end()))]
    pub duration_months: Option<u8>,
    /// Where it stands; `active` when absent.
    #[serde(default)]
    #[schemars(with = "Option<AgreementStatus>")]
    pub status: AgreementStatus,
}
