//! The fields of a company's certifications, awards and export records (SPEC §1.4–§1.6).

use super::record;
use crate::model::export::EXPORT_PERIOD_FORMS;
use crate::model::{
    Appraisal, Award, AwardResult, Certification, CertificationStatus, ExportRecord, ExportService,
    Program, Scheme, CMMI_LEVELS,
};
use crate::value::{Country, Date, Key, Period, TextRule};

record! {
    /// A certification as read.
    DraftCertification => Certification {
        required scheme: Scheme = |w| w.parsed(),
        required edition: String = |w| w.any_string(),
        optional level: u8 = |w| w.small(CMMI_LEVELS),
        optional appraisal: Appraisal = |w| w.parsed(),
        optional certificate_number: String = |w| w.text(TextRule::CERTIFICATE_NUMBER),
        required issuer: String = |w| w.text(TextRule::NAME),
        optional accredited_by: String = |w| w.text(TextRule::NAME),
        required issued_on: Date = |w| w.parsed(),
        required expires_on: Date = |w| w.parsed(),
        defaulted(CertificationStatus::Active) status: CertificationStatus = |w| w.parsed(),
        optional scope: String = |w| w.text(TextRule::NOTE),
    }
}

record! {
    /// An award as read.
    DraftAward => Award {
        required program: Program = |w| w.parsed(),
        optional program_name: String = |w| w.text(TextRule::NAME),
        required year: u16 = |w| w.small(Program::Other.first_year()..=u16::MAX),
        required category: Key = |w| w.parsed(),
        required result: AwardResult = |w| w.parsed(),
        required entry: String = |w| w.text(TextRule::NAME),
        optional host_country: Country = |w| w.parsed(),
    }
}

record! {
    /// An export record as read.
    DraftExport => ExportRecord {
        required period: Period = |w| w.period(EXPORT_PERIOD_FORMS),
        required amount_usd: u64 = |w| w.usd(),
        optional market: Country = |w| w.parsed(),
        optional service: ExportService = |w| w.parsed(),
    }
}
