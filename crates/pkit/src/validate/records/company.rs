//! The fields of a company and its identifiers, headquarters and offices (SPEC §1.3).

use super::record;
use super::{DraftAgreement, DraftAward, DraftCertification, DraftExport, DraftLead};
use crate::model::{Company, Headquarters, Identifiers, LegalForm, Office, Service, MAX_EMPLOYEES};
use crate::value::{
    check_cuin, check_email, check_lei, check_ntn, check_url, Country, Date, Slug, Subdivision,
    TextRule,
};

record! {
    /// A company as read.
    DraftCompany => Company {
        required id: Slug = |w| w.parsed(),
        required legal_name: String = |w| w.text(TextRule::NAME),
        optional trade_name: String = |w| w.text(TextRule::NAME),
        required legal_form: LegalForm = |w| w.parsed(),
        defaulted(DraftIdentifiers::default()) identifiers: DraftIdentifiers = |w| w.record(),
        optional founded_on: Date = |w| w.parsed(),
        required headquarters: DraftHeadquarters = |w| w.record(),
        optional website: String = |w| w.checked(check_url),
        optional email: String = |w| w.checked(check_email),
        optional employees: u64 = |w| w.integer(0..=MAX_EMPLOYEES),
        list services: Service = |w| w.parsed(),
        records offices: DraftOffice = |w| w.records(),
        records certifications: DraftCertification = |w| w.records(),
        records awards: DraftAward = |w| w.records(),
        records exports: DraftExport = |w| w.records(),
        records leads: DraftLead = |w| w.records(),
        records agreements: DraftAgreement = |w| w.records(),
    }
}

record! {
    /// A company's registration numbers as read.
    DraftIdentifiers => Identifiers {
        optional ntn: String = |w| w.checked(check_ntn),
        optional cuin: String = |w| w.checked(check_cuin),
        optional lei: String = |w| w.checked(check_lei),
        optional pseb: String = |w| w.text(TextRule::PSEB),
    }
}

record! {
    /// A head office as read.
    DraftHeadquarters => Headquarters {
        required city: String = |w| w.text(TextRule::CITY),
        required region: Subdivision = |w| w.parsed(),
    }
}

record! {
    /// An office abroad as read.
    DraftOffice => Office {
        required country: Country = |w| w.parsed(),
        required city: String = |w| w.text(TextRule::CITY),
        optional opened_on: Date = |w| w.parsed(),
        optional initiative: Slug = |w| w.parsed(),
    }
}
