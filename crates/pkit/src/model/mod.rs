//! The records of a registry document, one module per record family (SPEC §1.3–§1.10).
//!
//! Records are plain data with public fields. They are built by [`Registry::from_json`]
//! (which validates them) and written back by [`Registry::to_json`]; the JSON Schema of
//! [`crate::schema`] is derived from these same types.
//!
//! [`Registry::from_json`]: crate::registry::Registry::from_json
//! [`Registry::to_json`]: crate::registry::Registry::to_json

mod agreement;
mod award;
mod certification;
pub(crate) mod claim;
mod company;
pub(crate) mod document;
pub(crate) mod export;
pub(crate) mod initiative;
mod lead;
pub(crate) mod observation;
pub(crate) mod ranking;
pub(crate) mod target;

pub use agreement::{Agreement, AgreementKind, AgreementStatus, DURATION_MONTHS};

pub use award::{Award, AwardResult, Program, APICTA_CATEGORIES};
pub use certification::{
    Appraisal, Certification, CertificationStatus, DerivedStatus, Scheme, CMMI_LEVELS,
};
pub use claim::{Claim, ClaimMetric, CLAIM_PERIOD_FORMS};
pub use company::{Company, Headquarters, Identifiers, LegalForm, Office, Service, MAX_EMPLOYEES};
pub use export::{ExportRecord, ExportService};
pub use initiative::{
    Headcount, HeadcountMetric, Initiative, InitiativeKind, InitiativeStatus, Participant,
    ParticipantRole, ATTRIBUTION_DAYS_AFTER, ATTRIBUTION_DAYS_BEFORE,
};
pub use lead::{Lead, LeadStage};
pub use observation::{Indicator, Observation, Source, Unit};
pub use ranking::Ranking;
pub use target::Target;

pub(crate) use crate::issue::vocabulary;

/// `skip_serializing_if` helper for empty lists.
pub(crate) fn is_empty<T>(v: &[T]) -> bool {
    v.is_empty()
}
