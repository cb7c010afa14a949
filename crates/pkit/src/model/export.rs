//! [`ExportRecord`]: a company's export revenue for a period (SPEC §1.6).

use schemars::JsonSchema;
use serde::Serialize;

use super::{vocabulary, Unit};
use crate::value::{Country, Period, PeriodForm};

vocabulary! {
    /// The balance-of-payments service category of an export.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::model::ExportService::ComputerServices.as_str(), "computer_services");
    /// ```
    pub enum ExportService in "pkit::model" {
        /// Computer services (software, IT consulting).
        ComputerServices = "computer_services",
        /// Telecommunication services.
        TelecomServices = "telecom_services",
        /// Information services.
        InformationServices = "information_services",
        /// Call-centre services.
        CallCentre = "call_centre",
        /// Anything else.
        Other = "other",
    }
}

/// The period forms an export record accepts.
pub const EXPORT_PERIOD_FORMS: &[PeriodForm] = &[
    PeriodForm::FiscalYear,
    PeriodForm::FiscalQuarter,
    PeriodForm::Month,
];

fn period_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    crate::value::period::schema(EXPORT_PERIOD_FORMS)
}

/// Export revenue of one company for one period, optionally broken down by market and service.
///
/// An absent `market` or `service` means "not broken down"; it is a value of its own.
///
/// # Example
/// ```
/// use pkit::{model::ExportRecord, value::Period};
/// let record = ExportRecord {
///     period: "FY2023-24".parse()?,
///     amount_usd: 1_250_000,
///     market: Some("US".parse()?),
///     service: None,
/// };
/// assert_eq!(record.period, Period::FiscalYear(2023));
/// # Ok::<(), pkit::value::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("additionalProperties" = false))]
pub struct ExportRecord {
    /// A fiscal year, fiscal quarter or month.
    #[schemars(schema_with = "period_schema")]
    pub period: Period,
    /// Whole US dollars, 0..=10^13.
    #[schemars(range(min = 0, max = Unit::Usd.max()))]
    pub amount_usd: u64,
    /// The buyer's country; absent means all markets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub market: Option<Country>,
    /// The service category; absent means all services.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<ExportService>,
}
