//! Which column of a CSV file is which field of the document.

use crate::table::TableName;

/// How a CSV column maps to the document.
#[derive(Clone, Copy)]
pub(super) enum Mapping {
    /// A field of the record; `number` when its cells are written as JSON numbers.
    Field { key: &'static str, number: bool },
    /// A field of a nested object of the record (`headquarters`, `identifiers`, `source`).
    Nested {
        object: &'static str,
        key: &'static str,
    },
    /// A list of strings joined by `;` (`services`).
    List(&'static str),
    /// The company a child row belongs to.
    CompanyId,
}

const fn field(key: &'static str) -> Mapping {
    Mapping::Field { key, number: false }
}

const fn number(key: &'static str) -> Mapping {
    Mapping::Field { key, number: true }
}

const fn nested(object: &'static str, key: &'static str) -> Mapping {
    Mapping::Nested { object, key }
}

/// The document columns of each table, in the order [`crate::table`] writes them.
pub(super) fn layout(table: TableName) -> &'static [(&'static str, Mapping)] {
    match table {
        TableName::Companies => {
            const {
                &[
                    ("id", field("id")),
                    ("legal_name", field("legal_name")),
                    ("trade_name", field("trade_name")),
                    ("legal_form", field("legal_form")),
                    ("ntn", nested("identifiers", "ntn")),
                    ("cuin", nested("identifiers", "cuin")),
                    ("lei", nested("identifiers", "lei")),
                    ("pseb", nested("identifiers", "pseb")),
                    ("founded_on", field("founded_on")),
                    ("headquarters_city", nested("headquarters", "city")),
                    ("headquarters_region", nested("headquarters", "region")),
                    ("website", field("website")),
                    ("email", field("email")),
                    ("employees", number("employees")),
                    ("services", Mapping::List("services")),
                ]
            }
        }
        TableName::Offices => {
            const {
                &[
                    ("company_id", Mapping::CompanyId),
                    ("country", field("country")),
                    ("city", field("city")),
                    ("opened_on", field("opened_on")),
                ]
            }
        }
        TableName::Certifications => {
            const {
                &[
                    ("company_id", Mapping::CompanyId),
                    ("scheme", field("scheme")),
                    ("edition", field("edition")),
                    ("level", number("level")),
                    ("appraisal", field("appraisal")),
                    ("certificate_number", field("certificate_number")),
                    ("issuer", field("issuer")),
                    ("accredited_by", field("accredited_by")),
                    ("issued_on", field("issued_on")),
                    ("expires_on", field("expires_on")),
                    ("status", field("status")),
                    ("scope", field("scope")),
                ]
            }
        }
        TableName::Awards => {
            const {
                &[
                    ("company_id", Mapping::CompanyId),
                    ("program", field("program")),
                    ("program_name", field("program_name")),
                    ("year", number("year")),
                    ("category", field("category")),
                    ("result", field("result")),
                    ("entry", field("entry")),
                    ("host_country", field("host_country")),
                ]
            }
        }
        TableName::Exports => {
            const {
                &[
                    ("company_id", Mapping::CompanyId),
                    ("period", field("period")),
                    ("amount_usd", number("amount_usd")),
                    ("market", field("market")),
                    ("service", field("service")),
                ]
            }
        }
        TableName::Observations => {
            const {
                &[
                    ("indicator", field("indicator")),
                    ("region", field("region")),
                    ("period", field("period")),
                    ("value", number("value")),
                    ("source_publisher", nested("source", "publisher")),
                    ("source_title", nested("source", "title")),
                    ("source_url", nested("source", "url")),
                    ("published_on", field("published_on")),
                    ("note", field("note")),
                ]
            }
        }
        TableName::Targets => {
            const {
                &[
                    ("id", field("id")),
                    ("indicator", field("indicator")),
                    ("region", field("region")),
                    ("value", number("value")),
                    ("deadline", field("deadline")),
                    ("stated_by", field("stated_by")),
                    ("stated_on", field("stated_on")),
                    ("source_publisher", nested("source", "publisher")),
                    ("source_title", nested("source", "title")),
                    ("source_url", nested("source", "url")),
                    ("note", field("note")),
                ]
            }
        }
        TableName::Rankings => {
            const {
                &[
                    ("index", field("index")),
                    ("publisher", field("publisher")),
                    ("period", field("period")),
                    ("metric", field("metric")),
                    ("country", field("country")),
                    ("rank", number("rank")),
                    ("out_of", number("out_of")),
                    ("source_publisher", nested("source", "publisher")),
                    ("source_title", nested("source", "title")),
                    ("source_url", nested("source", "url")),
                    ("note", field("note")),
                ]
            }
        }
    }
}

pub(super) fn is_child(table: TableName) -> bool {
    matches!(
        table,
        TableName::Offices | TableName::Certifications | TableName::Awards | TableName::Exports
    )
}

/// Columns pkit's tables add that are not fields of the document: accepted and ignored.
pub(super) fn is_derived(table: TableName, name: &str) -> bool {
    matches!(
        (table, name),
        (
            TableName::Certifications,
            "effective_expiry" | "derived_status"
        ) | (
            TableName::Exports,
            "fiscal_year" | "period_start" | "period_end"
        ) | (
            TableName::Observations,
            "period_start" | "period_end" | "is_current"
        ) | (TableName::Targets, "deadline_end")
    )
}
