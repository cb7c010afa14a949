//! The core's closed vocabularies, exposed as they are (uniffi "remote" enums): Kotlin `enum
//! class`es, Swift `enum`s, Python `Enum`s.
//!
//! Each definition below mirrors the core's enum variant for variant; uniffi implements its
//! FFI conversions on the core type itself, so a value crosses the boundary without any
//! conversion code here. Were the core to add a variant, this crate would stop compiling until
//! the mirror is updated. The core's enums are re-exported here for Rust callers.
//!
//! A method of a core enum (`AgreementKind::is_binding`) cannot cross on the enum itself (a
//! remote type takes no exported `impl` here): its value is a field of the record that holds the
//! enum (`Agreement.binding`).

pub use pkit::analytics::{AwardDimension, FollowUpState, TargetStatus, TotalBasis};
pub use pkit::model::{
    AgreementKind, AgreementStatus, Appraisal, AwardResult, CertificationStatus, ClaimMetric,
    DerivedStatus, ExportService, HeadcountMetric, Indicator, InitiativeKind, InitiativeStatus,
    LeadStage, LegalForm, ParticipantRole, Program, Scheme, Service,
};
pub use pkit::Severity;

/// How bad an issue is.
#[uniffi::remote(Enum)]
pub enum Severity {
    /// The document is rejected.
    Error,
    /// The document loads; the problem is reported.
    Warning,
}

/// The legal form of a company (`legal_form`).
#[uniffi::remote(Enum)]
pub enum LegalForm {
    /// `private_limited`: a private limited company, "(Pvt) Ltd".
    PrivateLimited,
    /// `single_member`: a single-member company, "(SMC-Pvt) Ltd".
    SingleMember,
    /// `public_listed`: a company listed on the Pakistan Stock Exchange.
    PublicListed,
    /// `public_unlisted`: a public company that is not listed.
    PublicUnlisted,
    /// `guarantee`: a company limited by guarantee.
    Guarantee,
    /// `llp`: a limited liability partnership.
    Llp,
    /// `partnership`: a partnership firm.
    Partnership,
    /// `sole_proprietor`: a sole proprietorship.
    SoleProprietor,
    /// `foreign_branch`: the branch of a foreign company.
    ForeignBranch,
    /// `other`: any other form.
    Other,
}

/// A line of business a company offers (`services`).
#[uniffi::remote(Enum)]
pub enum Service {
    /// `software_development`
    SoftwareDevelopment,
    /// `it_consulting`
    ItConsulting,
    /// `it_enabled_services`
    ItEnabledServices,
    /// `call_centre`
    CallCentre,
    /// `bpo`: business process outsourcing.
    Bpo,
    /// `digital_marketing`
    DigitalMarketing,
    /// `data_and_ai`
    DataAndAi,
    /// `cloud_and_devops`
    CloudAndDevops,
    /// `cybersecurity`
    Cybersecurity,
    /// `fintech`
    Fintech,
    /// `ecommerce`
    Ecommerce,
    /// `gaming`
    Gaming,
    /// `hardware`
    Hardware,
    /// `other`
    Other,
}

/// A certification scheme.
#[uniffi::remote(Enum)]
pub enum Scheme {
    /// `cmmi`: Capability Maturity Model Integration, appraised at a maturity level.
    Cmmi,
    /// `iso_9001`: quality management.
    Iso9001,
    /// `iso_14001`: environmental management.
    Iso14001,
    /// `iso_20000_1`: IT service management.
    Iso20000_1,
    /// `iso_22301`: business continuity.
    Iso22301,
    /// `iso_27001`: information security.
    Iso27001,
    /// `iso_27701`: privacy information management.
    Iso27701,
    /// `pci_dss`: payment card data security.
    PciDss,
    /// `soc2`: SOC 2 attestation report.
    Soc2,
}

/// The kind of CMMI appraisal.
#[uniffi::remote(Enum)]
pub enum Appraisal {
    /// `scampi_a` (CMMI 1.3).
    ScampiA,
    /// `benchmark` (CMMI 2.0 and later).
    Benchmark,
    /// `sustainment` (CMMI 2.0 and later).
    Sustainment,
}

/// The status of a certificate as declared by its issuer.
#[uniffi::remote(Enum)]
pub enum CertificationStatus {
    /// `active` (the default).
    Active,
    /// `suspended` by the issuer.
    Suspended,
    /// `withdrawn` by the issuer.
    Withdrawn,
}

/// The status of a certificate on a given day, derived from its dates (SPEC §1.4).
#[uniffi::remote(Enum)]
pub enum DerivedStatus {
    /// In force, more than 90 days from its effective expiry.
    Valid,
    /// In force; the effective expiry is at most 90 days away.
    Expiring,
    /// Past its effective expiry.
    Expired,
    /// Suspended by the issuer.
    Suspended,
    /// Withdrawn by the issuer.
    Withdrawn,
    /// Not issued yet on that day.
    NotYetValid,
}

/// An awards programme.
#[uniffi::remote(Enum)]
pub enum Program {
    /// `apicta`: the Asia Pacific ICT Alliance Awards.
    Apicta,
    /// `pasha_ict`: the P@SHA ICT Awards.
    PashaIct,
    /// `other`: any other programme, named in `programName`.
    Other,
}

/// What an award entry achieved.
#[uniffi::remote(Enum)]
pub enum AwardResult {
    /// `winner`
    Winner,
    /// `merit`
    Merit,
    /// `special_mention`
    SpecialMention,
    /// `finalist`
    Finalist,
}

/// The balance-of-payments service category of an export record.
#[uniffi::remote(Enum)]
pub enum ExportService {
    /// `computer_services`
    ComputerServices,
    /// `telecom_services`
    TelecomServices,
    /// `information_services`
    InformationServices,
    /// `call_centre`
    CallCentre,
    /// `other`
    Other,
}

/// What a national or regional statistic measures.
#[uniffi::remote(Enum)]
pub enum Indicator {
    /// `ict_exports`: ICT services exports, USD.
    IctExports,
    /// `computer_services_exports`, USD.
    ComputerServicesExports,
    /// `telecom_services_exports`, USD.
    TelecomServicesExports,
    /// `information_services_exports`, USD.
    InformationServicesExports,
    /// `freelance_remittances`, USD.
    FreelanceRemittances,
    /// `registered_it_companies`, a count.
    RegisteredItCompanies,
    /// `it_employment`, a count.
    ItEmployment,
    /// `freelancers`, a count.
    Freelancers,
}

/// How a fiscal-year total was obtained.
#[uniffi::remote(Enum)]
pub enum TotalBasis {
    /// A figure for the whole fiscal year.
    Annual,
    /// The sum of the four fiscal quarters.
    Quarters,
    /// The sum of the twelve months.
    Months,
    /// The sum of the quarters and months there are: part of the year only.
    Partial,
}

/// Where a policy target stands on the registry's `asOf`.
#[uniffi::remote(Enum)]
pub enum TargetStatus {
    /// The latest complete fiscal year up to the deadline reached the target.
    Met,
    /// Not met, and `asOf` is after the deadline's last day.
    Missed,
    /// Not met yet; the trailing growth rate projects it reached by the deadline.
    OnTrack,
    /// Not met yet; the trailing growth rate projects it short at the deadline.
    OffTrack,
    /// No complete fiscal year to judge by, or too short a history to project.
    NoData,
}

/// What `Registry.awardTally` counts awards by.
#[uniffi::remote(Enum)]
pub enum AwardDimension {
    /// The programme (every `other` programme together).
    Program,
    /// The year.
    Year,
    /// The category key.
    Category,
    /// The result.
    Result,
}

/// What kind of promotion an initiative is (SPEC §1.10).
#[uniffi::remote(Enum)]
pub enum InitiativeKind {
    /// `pavilion`: a national pavilion at a third-party trade show (GITEX, LEAP).
    Pavilion,
    /// `trade_delegation`
    TradeDelegation,
    /// `roadshow`
    Roadshow,
    /// `b2b_matchmaking`
    B2bMatchmaking,
    /// `investment_conference`
    InvestmentConference,
    /// `networking_event`
    NetworkingEvent,
    /// `single_country_exhibition`: an exhibition of one country's companies.
    SingleCountryExhibition,
    /// `virtual_event`: an online event.
    VirtualEvent,
    /// `other`
    Other,
}

/// Whether an initiative took place.
#[uniffi::remote(Enum)]
pub enum InitiativeStatus {
    /// `held` (the default).
    Held,
    /// `planned`
    Planned,
    /// `cancelled`
    Cancelled,
}

/// How a company took part in an initiative.
#[uniffi::remote(Enum)]
pub enum ParticipantRole {
    /// `exhibitor` (the default).
    Exhibitor,
    /// `startup_exhibitor`
    StartupExhibitor,
    /// `delegate`: part of the delegation.
    Delegate,
    /// `sponsor`
    Sponsor,
    /// `speaker`
    Speaker,
}

/// What a reported headcount counts. Headcounts are never added together.
#[uniffi::remote(Enum)]
pub enum HeadcountMetric {
    /// `companies`
    Companies,
    /// `startups`
    Startups,
    /// `delegates`
    Delegates,
    /// `b2b_meetings`
    B2bMeetings,
    /// `visitors`
    Visitors,
}

/// How far a lead has gone.
#[uniffi::remote(Enum)]
pub enum LeadStage {
    /// `open` (the default).
    Open,
    /// `won`: business came of it.
    Won,
    /// `lost`
    Lost,
}

/// What kind of agreement it is. The first five are binding and count in contract totals;
/// MoUs and letters of intent are not (`Agreement.binding`).
#[uniffi::remote(Enum)]
pub enum AgreementKind {
    /// `contract` (binding).
    Contract,
    /// `purchase_order` (binding).
    PurchaseOrder,
    /// `framework_agreement` (binding).
    FrameworkAgreement,
    /// `partnership` (binding).
    Partnership,
    /// `joint_venture` (binding).
    JointVenture,
    /// `mou`: a memorandum of understanding (not binding).
    Mou,
    /// `letter_of_intent` (not binding).
    LetterOfIntent,
}

/// Where an agreement stands.
#[uniffi::remote(Enum)]
pub enum AgreementStatus {
    /// `active` (the default).
    Active,
    /// `completed`
    Completed,
    /// `terminated`: ended early.
    Terminated,
}

/// What a published claim is about.
#[uniffi::remote(Enum)]
pub enum ClaimMetric {
    /// `participants`: companies that took part, a count.
    Participants,
    /// `leads`: leads generated, a count.
    Leads,
    /// `lead_value_usd`: the value of the leads, USD.
    LeadValueUsd,
    /// `agreements`: agreements signed, a count.
    Agreements,
    /// `contract_value_usd`: the value of the contracts signed, USD.
    ContractValueUsd,
    /// `return_per_usd`: whole dollars of business per public dollar.
    ReturnPerUsd,
}

/// Whether an MoU or letter of intent was followed by a binding agreement
/// (`Registry.followThrough`).
#[uniffi::remote(Enum)]
pub enum FollowUpState {
    /// A binding agreement of the same company with the same counterparty country followed
    /// within 365 days.
    Followed,
    /// None followed, and the 365 days have passed by `asOf`.
    NotFollowed,
    /// None followed yet, and the 365 days run past `asOf`: too early to say.
    Pending,
}
