//! Every record's fields, declared once with [`record!`]: the name each has in the document,
//! whether it is required, and the check that reads its value. The macro makes the draft type,
//! the table of fields the walker reads by name ([`Field`](super::walk::Field)), and the
//! conversion into the model's record ([`Finish`]), whose struct literal makes the compiler
//! insist that every field of the record is declared. The rules read the drafts; a draft
//! without errors becomes the model's record.

mod certification;
mod company;
mod document;
mod national;
mod promotion;

pub(crate) use certification::{DraftAward, DraftCertification, DraftExport};
pub(crate) use company::{DraftCompany, DraftOffice};
pub(crate) use document::DraftRegistry;
pub(crate) use document::{read, Walked};
pub(crate) use national::{DraftObservation, DraftRanking, DraftTarget};
pub(crate) use promotion::{DraftAgreement, DraftClaim, DraftInitiative, DraftLead};

use super::checked::{as_is, Finish, Placeholder};
use super::reader::Integer;
use crate::model::{
    AgreementKind, AgreementStatus, Appraisal, AwardResult, CertificationStatus, ClaimMetric,
    ExportService, HeadcountMetric, Indicator, InitiativeKind, InitiativeStatus, LeadStage,
    LegalForm, ParticipantRole, Program, Scheme, Service,
};
use crate::value::{Country, Date, Key, Period, Region, Slug, Subdivision};

as_is!(
    Slug => Slug::placeholder(),
    Key => Key::placeholder(),
    Date => Date::MIN,
    Period => Period::FiscalYear(2000),
    Country => Country::PAKISTAN,
    Region => Region::PAKISTAN,
    Subdivision => Subdivision::Punjab,
);
as_is!(
    LegalForm => LegalForm::Other,
    Service => Service::Other,
    Scheme => Scheme::Cmmi,
    Appraisal => Appraisal::ScampiA,
    CertificationStatus => CertificationStatus::Active,
    Program => Program::Other,
    AwardResult => AwardResult::Winner,
    ExportService => ExportService::Other,
    Indicator => Indicator::IctExports,
);
as_is!(
    InitiativeKind => InitiativeKind::Other,
    InitiativeStatus => InitiativeStatus::Held,
    ParticipantRole => ParticipantRole::Exhibitor,
    HeadcountMetric => HeadcountMetric::Companies,
    LeadStage => LeadStage::Open,
    AgreementKind => AgreementKind::Contract,
    AgreementStatus => AgreementStatus::Active,
    ClaimMetric => ClaimMetric::Participants,
);

impl Placeholder for Integer {
    fn placeholder() -> Integer {
        Integer::Value(0)
    }
}

/// A number whose check depends on another field (an observation's or target's value) becomes
/// the integer it is; the rules have checked its range.
impl Finish for Integer {
    type Output = u64;
    fn finish(self) -> Option<u64> {
        match self {
            Integer::Value(n) => Some(n),
            _ => None,
        }
    }
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
///         records offices: DraftOffice = |w| w.records(), // an array of records
///     }
/// }
/// ```
///
/// A field's type is its draft type (a nested record's draft, a value); the draft holds it as
/// [`Checked`](crate::validate::checked::Checked), a list as `Vec<Checked<_>>` (each item
/// checked), a list of records as the records that are objects (each knows its index). The model's record is built
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
            pub(crate) place: $crate::validate::checked::Place,
            $( pub(crate) $field: $crate::validate::records::record!(@type $kind $ty), )*
        }

        impl Default for $draft {
            fn default() -> Self {
                $draft {
                    place: Default::default(),
                    $( $field: $crate::validate::records::record!(@init $kind $($default)?), )*
                }
            }
        }

        impl $crate::validate::checked::Placeholder for $draft {
            fn placeholder() -> Self {
                Self::default()
            }
        }

        impl $crate::validate::walk::Draft for $draft {
            const FIELDS: &'static [$crate::validate::walk::Field<Self>] = &[$(
                $crate::validate::walk::Field {
                    name: stringify!($field),
                    required: $crate::validate::records::record!(@required $kind),
                    read: |$w: &mut $crate::validate::walk::Walker<'_>, draft: &mut $draft| {
                        draft.$field = $crate::validate::records::record!(@read $kind $w $read);
                        Ok(())
                    },
                },
            )*];

            fn place(&self) -> $crate::validate::checked::Place {
                self.place
            }

            fn place_mut(&mut self) -> &mut $crate::validate::checked::Place {
                &mut self.place
            }
        }

        impl $crate::validate::checked::Finish for $draft {
            type Output = $model;
            fn finish(self) -> Option<$model> {
                Some($model {
                    $( $field: $crate::validate::records::record!(@finish $kind self.$field), )*
                })
            }
        }
    };
    (@type list $ty:ty) => { Vec<$crate::validate::checked::Checked<$ty>> };
    (@type records $ty:ty) => { Vec<$ty> };
    (@type $kind:ident $ty:ty) => { $crate::validate::checked::Checked<$ty> };
    (@init defaulted $default:expr) => { $crate::validate::checked::Checked::defaulted($default) };
    (@init $kind:ident) => { Default::default() };
    (@required required) => { true };
    (@required $kind:ident) => { false };
    (@read list $w:ident $read:expr) => { $w.list(|$w| $read)? };
    (@read $kind:ident $w:ident $read:expr) => { $read? };
    (@finish list $value:expr) => { $crate::validate::checked::Finish::finish($value)? };
    (@finish records $value:expr) => { $crate::validate::checked::finish_all($value)? };
    (@finish optional $value:expr) => { $value.optional()? };
    (@finish $kind:ident $value:expr) => { $value.required()? };
}
pub(crate) use record;
