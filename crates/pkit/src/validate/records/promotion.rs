//! The fields of the promotion records: initiatives with their participants and headcounts,
//! companies' leads and agreements, claims (SPEC §1.10).

use super::national::DraftSource;
use super::record;
use crate::model::claim::CLAIM_PERIOD_FORMS;
use crate::model::{
    Agreement, AgreementKind, AgreementStatus, Claim, ClaimMetric, ExportService, Headcount,
    HeadcountMetric, Initiative, InitiativeKind, InitiativeStatus, Lead, LeadStage, Participant,
    ParticipantRole, Unit, DURATION_MONTHS,
};
use crate::validate::reader::Integer;
use crate::value::{Country, Date, Period, Slug, TextRule};

record! {
    /// An initiative as read.
    DraftInitiative => Initiative {
        required id: Slug = |w| w.parsed(),
        required name: String = |w| w.text(TextRule::NAME),
        required kind: InitiativeKind = |w| w.parsed(),
        optional host_event: String = |w| w.text(TextRule::NAME),
        required organised_by: String = |w| w.text(TextRule::NAME),
        required country: Country = |w| w.parsed(),
        optional city: String = |w| w.text(TextRule::CITY),
        required starts_on: Date = |w| w.parsed(),
        required ends_on: Date = |w| w.parsed(),
        defaulted(InitiativeStatus::Held) status: InitiativeStatus = |w| w.parsed(),
        list target_markets: Country = |w| w.parsed(),
        optional public_cost_usd: u64 = |w| w.usd(),
        records participants: DraftParticipant = |w| w.records(),
        records headcounts: DraftHeadcount = |w| w.records(),
        optional source: DraftSource = |w| w.record(),
        optional note: String = |w| w.text(TextRule::NOTE),
    }
}

record! {
    /// A participant as read.
    DraftParticipant => Participant {
        required company: Slug = |w| w.parsed(),
        defaulted(ParticipantRole::Exhibitor) role: ParticipantRole = |w| w.parsed(),
        optional subsidy_usd: u64 = |w| w.usd(),
    }
}

record! {
    /// A headcount as read.
    DraftHeadcount => Headcount {
        required metric: HeadcountMetric = |w| w.parsed(),
        required value: u64 = |w| w.integer(0..=Unit::Count.max()),
        required reported_by: String = |w| w.text(TextRule::NAME),
        optional source: DraftSource = |w| w.record(),
    }
}

record! {
    /// A lead as read.
    DraftLead => Lead {
        required id: Slug = |w| w.parsed(),
        optional counterparty: String = |w| w.text(TextRule::NAME),
        required counterparty_country: Country = |w| w.parsed(),
        required identified_on: Date = |w| w.parsed(),
        optional initiative: Slug = |w| w.parsed(),
        optional estimated_value_usd: u64 = |w| w.usd(),
        optional service: ExportService = |w| w.parsed(),
        defaulted(LeadStage::Open) stage: LeadStage = |w| w.parsed(),
        optional closed_on: Date = |w| w.parsed(),
    }
}

record! {
    /// An agreement as read.
    DraftAgreement => Agreement {
        required id: Slug = |w| w.parsed(),
        required kind: AgreementKind = |w| w.parsed(),
        required counterparty: String = |w| w.text(TextRule::NAME),
        required counterparty_country: Country = |w| w.parsed(),
        required signed_on: Date = |w| w.parsed(),
        optional initiative: Slug = |w| w.parsed(),
        optional lead: Slug = |w| w.parsed(),
        optional value_usd: u64 = |w| w.usd(),
        optional service: ExportService = |w| w.parsed(),
        optional duration_months: u8 = |w| w.small(DURATION_MONTHS),
        defaulted(AgreementStatus::Active) status: AgreementStatus = |w| w.parsed(),
    }
}

record! {
    /// A claim as read; its value is checked by the rules, by the metric's unit.
    DraftClaim => Claim {
        required id: Slug = |w| w.parsed(),
        required metric: ClaimMetric = |w| w.parsed(),
        required value: Integer = |w| w.number(),
        optional initiative: Slug = |w| w.parsed(),
        optional period: Period = |w| w.period(CLAIM_PERIOD_FORMS),
        required claimed_by: String = |w| w.text(TextRule::NAME),
        optional claimed_on: Date = |w| w.parsed(),
        required source: DraftSource = |w| w.record(),
        optional note: String = |w| w.text(TextRule::NOTE),
    }
}
