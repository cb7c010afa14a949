//! Computations on a [`Registry`](crate::Registry), the questions the data is for: fiscal-year
//! series and totals, growth, target progress, company exports, certification status and
//! coverage, award tallies, what promotion yielded, and a summary of everything.
//!
//! Amounts stay integers (whole USD); ratios are computed from them on demand.

mod awards;
mod certifications;
pub(crate) mod exports;
mod growth;
mod promotion;
mod series;
mod summary;
mod targets;

pub use awards::{AwardDimension, CompanyAwards};
pub use certifications::{CertificateStatus, Coverage, TransitionGap};
pub use exports::{
    CompanyExports, CompanyValue, ExportGroup, ExportTotal, MarketShare, MarketValue, ServiceValue,
};
pub use summary::{Breakdown, Count, Summary};

pub use growth::Growth;
pub use promotion::{
    ClaimCheck, CohortGrowth, FollowThrough, FollowUp, FollowUpState, InitiativeOutcome,
    MarketOutcome, Outcome, OutcomeGroup, ParticipationGrowth, FOLLOW_UP_DAYS,
};
pub use series::{FiscalYearTotal, Point, Series, TotalBasis, Vintage};
pub use targets::{TargetProgress, TargetStatus};
