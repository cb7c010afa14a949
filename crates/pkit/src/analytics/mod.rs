//! Computations on a [`Registry`](crate::Registry), the questions the data is for: fiscal-year
//! series and totals, growth, target progress, company exports, certification status and
//! coverage, award tallies, and a summary of everything.
//!
//! Amounts stay integers (whole USD); ratios are computed from them on demand.

mod awards;
mod certifications;
mod exports;
mod growth;
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
pub use series::{FiscalYearTotal, Point, Series, TotalBasis, Vintage};
pub use targets::{TargetProgress, TargetStatus};
