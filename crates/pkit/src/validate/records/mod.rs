//! Every record's fields, declared once: the name each has in the document, whether it is
//! required, and the check that reads its value (see [`record!`](super::draft::record)). The
//! walker reads a record by these declarations; the rules read the drafts they make; a draft
//! without errors becomes the model's record.

mod certification;
mod company;
mod document;
mod national;

pub(crate) use certification::{DraftAward, DraftCertification, DraftExport};
pub(crate) use company::DraftCompany;
pub(crate) use document::DraftRegistry;
pub(crate) use national::{DraftObservation, DraftRanking, DraftTarget};

use super::draft::{as_is, Finish};
use super::reader::Integer;
use crate::model::{
    Appraisal, AwardResult, CertificationStatus, ExportService, Indicator, LegalForm, Program,
    Scheme, Service,
};
use crate::value::{Country, Date, Key, Period, Region, Slug, Subdivision};

as_is!(Slug, Key, Date, Period, Country, Region, Subdivision);
as_is!(LegalForm, Service, Scheme, Appraisal, CertificationStatus);
as_is!(Program, AwardResult, ExportService, Indicator);

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
