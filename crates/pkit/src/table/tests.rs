// Test helpers may fail loudly: a broken fixture is a failed test.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::{Column, ColumnKind, Strings, Table, TableName, Values};
use crate::model::{Company, Initiative};
use crate::registry::Registry;

use ColumnKind::{Bool, Date, Text, UInt};

/// A column as the format fixes it: name, kind, derived.
type Layout = (&'static str, ColumnKind, bool);

/// Every table's columns, in order.
const LAYOUT: &[(TableName, &[Layout])] = &[
    (
        TableName::Companies,
        &[
            ("id", Text, false),
            ("legal_name", Text, false),
            ("trade_name", Text, false),
            ("legal_form", Text, false),
            ("ntn", Text, false),
            ("cuin", Text, false),
            ("lei", Text, false),
            ("pseb", Text, false),
            ("founded_on", Date, false),
            ("headquarters_city", Text, false),
            ("headquarters_region", Text, false),
            ("website", Text, false),
            ("email", Text, false),
            ("employees", UInt, false),
            ("services", Text, false),
        ],
    ),
    (
        TableName::Offices,
        &[
            ("company_id", Text, false),
            ("country", Text, false),
            ("city", Text, false),
            ("opened_on", Date, false),
            ("initiative", Text, false),
        ],
    ),
    (
        TableName::Certifications,
        &[
            ("company_id", Text, false),
            ("scheme", Text, false),
            ("edition", Text, false),
            ("level", UInt, false),
            ("appraisal", Text, false),
            ("certificate_number", Text, false),
            ("issuer", Text, false),
            ("accredited_by", Text, false),
            ("issued_on", Date, false),
            ("expires_on", Date, false),
            ("status", Text, false),
            ("scope", Text, false),
            ("effective_expiry", Date, true),
            ("derived_status", Text, true),
        ],
    ),
    (
        TableName::Awards,
        &[
            ("company_id", Text, false),
            ("program", Text, false),
            ("program_name", Text, false),
            ("year", UInt, false),
            ("category", Text, false),
            ("result", Text, false),
            ("entry", Text, false),
            ("host_country", Text, false),
        ],
    ),
    (
        TableName::Exports,
        &[
            ("company_id", Text, false),
            ("period", Text, false),
            ("amount_usd", UInt, false),
            ("market", Text, false),
            ("service", Text, false),
            ("fiscal_year", Text, true),
            ("period_start", Date, true),
            ("period_end", Date, true),
        ],
    ),
    (
        TableName::Leads,
        &[
            ("company_id", Text, false),
            ("id", Text, false),
            ("counterparty", Text, false),
            ("counterparty_country", Text, false),
            ("identified_on", Date, false),
            ("initiative", Text, false),
            ("estimated_value_usd", UInt, false),
            ("service", Text, false),
            ("stage", Text, false),
            ("closed_on", Date, false),
        ],
    ),
    (
        TableName::Agreements,
        &[
            ("company_id", Text, false),
            ("id", Text, false),
            ("kind", Text, false),
            ("counterparty", Text, false),
            ("counterparty_country", Text, false),
            ("signed_on", Date, false),
            ("initiative", Text, false),
            ("lead", Text, false),
            ("value_usd", UInt, false),
            ("service", Text, false),
            ("duration_months", UInt, false),
            ("status", Text, false),
            ("binding", Bool, true),
        ],
    ),
    (
        TableName::Observations,
        &[
            ("indicator", Text, false),
            ("region", Text, false),
            ("period", Text, false),
            ("value", UInt, false),
            ("source_publisher", Text, false),
            ("source_title", Text, false),
            ("source_url", Text, false),
            ("published_on", Date, false),
            ("note", Text, false),
            ("period_start", Date, true),
            ("period_end", Date, true),
            ("is_current", Bool, true),
        ],
    ),
    (
        TableName::Targets,
        &[
            ("id", Text, false),
            ("indicator", Text, false),
            ("region", Text, false),
            ("value", UInt, false),
            ("deadline", Text, false),
            ("stated_by", Text, false),
            ("stated_on", Date, false),
            ("source_publisher", Text, false),
            ("source_title", Text, false),
            ("source_url", Text, false),
            ("note", Text, false),
            ("deadline_end", Date, true),
        ],
    ),
    (
        TableName::Rankings,
        &[
            ("index", Text, false),
            ("publisher", Text, false),
            ("period", Text, false),
            ("metric", Text, false),
            ("country", Text, false),
            ("rank", UInt, false),
            ("out_of", UInt, false),
            ("source_publisher", Text, false),
            ("source_title", Text, false),
            ("source_url", Text, false),
            ("note", Text, false),
        ],
    ),
    (
        TableName::Initiatives,
        &[
            ("id", Text, false),
            ("name", Text, false),
            ("kind", Text, false),
            ("host_event", Text, false),
            ("organised_by", Text, false),
            ("country", Text, false),
            ("city", Text, false),
            ("starts_on", Date, false),
            ("ends_on", Date, false),
            ("status", Text, false),
            ("target_markets", Text, false),
            ("public_cost_usd", UInt, false),
            ("source_publisher", Text, false),
            ("source_title", Text, false),
            ("source_url", Text, false),
            ("note", Text, false),
            ("fiscal_year", Text, true),
        ],
    ),
    (
        TableName::Participants,
        &[
            ("initiative_id", Text, false),
            ("company", Text, false),
            ("role", Text, false),
            ("subsidy_usd", UInt, false),
        ],
    ),
    (
        TableName::Headcounts,
        &[
            ("initiative_id", Text, false),
            ("metric", Text, false),
            ("value", UInt, false),
            ("reported_by", Text, false),
            ("source_publisher", Text, false),
            ("source_title", Text, false),
            ("source_url", Text, false),
        ],
    ),
    (
        TableName::Claims,
        &[
            ("id", Text, false),
            ("metric", Text, false),
            ("value", UInt, false),
            ("initiative", Text, false),
            ("period", Text, false),
            ("claimed_by", Text, false),
            ("claimed_on", Date, false),
            ("source_publisher", Text, false),
            ("source_title", Text, false),
            ("source_url", Text, false),
            ("note", Text, false),
        ],
    ),
];

/// The row counts the records of a registry call for, table by table.
fn record_counts(registry: &Registry) -> Vec<(TableName, usize)> {
    let children = |f: fn(&Company) -> usize| -> usize { registry.companies().iter().map(f).sum() };
    let of_initiatives =
        |f: fn(&Initiative) -> usize| -> usize { registry.initiatives().iter().map(f).sum() };
    vec![
        (TableName::Companies, registry.companies().len()),
        (TableName::Offices, children(|c| c.offices.len())),
        (
            TableName::Certifications,
            children(|c| c.certifications.len()),
        ),
        (TableName::Awards, children(|c| c.awards.len())),
        (TableName::Exports, children(|c| c.exports.len())),
        (TableName::Leads, children(|c| c.leads.len())),
        (TableName::Agreements, children(|c| c.agreements.len())),
        (TableName::Observations, registry.observations().len()),
        (TableName::Targets, registry.targets().len()),
        (TableName::Rankings, registry.rankings().len()),
        (TableName::Initiatives, registry.initiatives().len()),
        (
            TableName::Participants,
            of_initiatives(|i| i.participants.len()),
        ),
        (
            TableName::Headcounts,
            of_initiatives(|i| i.headcounts.len()),
        ),
        (TableName::Claims, registry.claims().len()),
    ]
}

fn check_row_counts(registry: &Registry) {
    let tables = registry.tables();
    let counts = record_counts(registry);
    assert_eq!(tables.len(), counts.len());
    for (table, (name, count)) in tables.iter().zip(counts) {
        assert_eq!(table.name(), name);
        assert_eq!(table.rows(), count, "{name}");
        assert_eq!(table.is_empty(), count == 0, "{name}");
        for column in table.columns() {
            assert_eq!(column.values().len(), count, "{name}.{}", column.name());
        }
    }
}

#[test]
fn sample_row_counts_equal_record_counts() {
    let sample = Registry::sample();
    check_row_counts(&sample);
    let rows = |name| sample.table(name).rows();
    assert_eq!(rows(TableName::Companies), 28);
    assert_eq!(rows(TableName::Offices), 35);
    assert_eq!(rows(TableName::Certifications), 51);
    assert_eq!(rows(TableName::Awards), 56);
    assert_eq!(rows(TableName::Exports), 214);
    assert_eq!(rows(TableName::Observations), 38);
    assert_eq!(rows(TableName::Targets), 5);
    assert_eq!(rows(TableName::Rankings), 3);
    assert_eq!(rows(TableName::Leads), 39);
    assert_eq!(rows(TableName::Agreements), 25);
    assert_eq!(rows(TableName::Initiatives), 10);
    assert_eq!(rows(TableName::Participants), 44);
    assert_eq!(rows(TableName::Headcounts), 17);
    assert_eq!(rows(TableName::Claims), 2);
}

#[test]
fn synthetic_row_counts_equal_record_counts() {
    let registry = crate::generate::synthetic(300, 5);
    check_row_counts(&registry);
    assert_eq!(registry.table(TableName::Companies).rows(), 300);
    assert!(registry.table(TableName::Exports).rows() > 300);
    assert!(registry.table(TableName::Leads).rows() > 50);
    assert!(registry.table(TableName::Participants).rows() > 50);
}

#[test]
fn columns_have_the_listed_names_kinds_and_derivation() {
    let empty = Registry::from_json(r#"{"schema_version": 1, "as_of": "2024-06-30"}"#).unwrap();
    for registry in [Registry::sample(), empty] {
        let tables = registry.tables();
        assert_eq!(tables.len(), LAYOUT.len());
        for (table, (name, layout)) in tables.iter().zip(LAYOUT) {
            assert_eq!(table.name(), *name);
            let built: Vec<(&str, ColumnKind, bool)> = table
                .columns()
                .iter()
                .map(|c| (c.name(), c.kind(), c.is_derived()))
                .collect();
            assert_eq!(built, *layout, "{name}");
        }
    }
}

#[test]
fn table_names_parse_and_print() {
    for (i, &name) in TableName::ALL.iter().enumerate() {
        assert_eq!(name.as_str(), LAYOUT[i].0.as_str());
        assert_eq!(name.to_string().parse::<TableName>(), Ok(name));
    }
    let err = "Companies".parse::<TableName>().unwrap_err();
    assert_eq!(err.code(), crate::issue::Code::InvalidEnum);
    assert!(err
        .to_string()
        .starts_with("`Companies` is not a table: expected one of companies,"));
    // The text given is quoted shortened to 60 characters and an ellipsis.
    let long = "x".repeat(100);
    let message = long.parse::<TableName>().unwrap_err().to_string();
    assert!(
        message.starts_with(&format!("`{}…` is not a table", "x".repeat(60))),
        "{message}"
    );
}

#[test]
fn column_lookup_and_cells() {
    let sample = Registry::sample();
    let table = sample.table(TableName::Companies);
    assert!(table.column("employees").is_some());
    assert!(table.column("identifiers").is_none());
    let values = Values::Date(vec![crate::value::Date::new(2024, 2, 9), None].into());
    assert_eq!(values.cell(0).as_deref(), Some("2024-02-09"));
    assert_eq!(values.cell(1), None);
    assert_eq!(values.cell(2), None);
    assert_eq!(
        Values::UInt(vec![Some(10_000_000_000_000)].into())
            .cell(0)
            .as_deref(),
        Some("10000000000000")
    );
    assert_eq!(
        Values::Bool(vec![Some(true)].into()).cell(0).as_deref(),
        Some("true")
    );
    assert_eq!(
        Values::Text(vec![None::<&str>].into_iter().collect()).cell(0),
        None
    );
    assert!(Values::Text(Strings::default()).is_empty());
}

// --- Losslessness: the document rebuilt from the non-derived cells -------------------------

/// A cell as the JSON value of its field: integers as numbers, the rest as strings.
fn json_cell(column: &Column, row: usize) -> Option<Value> {
    let text = column.values().cell(row)?;
    Some(match column.kind() {
        UInt => Value::from(text.parse::<u64>().expect("an integer cell")),
        Bool => Value::Bool(text.parse().expect("a boolean cell")),
        Text | Date => Value::String(text),
    })
}

/// The non-derived cells of a row, by column name; null cells left out.
fn row_object(table: &Table, row: usize) -> Map<String, Value> {
    table
        .columns()
        .iter()
        .filter(|c| !c.is_derived())
        .filter_map(|c| Some((c.name().to_owned(), json_cell(c, row)?)))
        .collect()
}

/// Moves the columns `(column, field)` of `row` into an object under `key`, when any is set.
fn nest(row: &mut Map<String, Value>, key: &str, fields: &[(&str, &str)]) {
    let inner: Map<String, Value> = fields
        .iter()
        .filter_map(|(column, field)| Some(((*field).to_owned(), row.remove(*column)?)))
        .collect();
    if !inner.is_empty() {
        row.insert(key.to_owned(), Value::Object(inner));
    }
}

const SOURCE: &[(&str, &str)] = &[
    ("source_publisher", "publisher"),
    ("source_title", "title"),
    ("source_url", "url"),
];

/// The rows of a table as documents, nesting each row's source.
fn records(table: &Table) -> Vec<Value> {
    (0..table.rows())
        .map(|row| {
            let mut object = row_object(table, row);
            nest(&mut object, "source", SOURCE);
            Value::Object(object)
        })
        .collect()
}

/// Rebuilds the registry document from the tables' non-derived cells alone.
fn rebuild(registry: &Registry) -> Value {
    let tables: HashMap<TableName, Table> = registry
        .tables()
        .into_iter()
        .map(|t| (t.name(), t))
        .collect();
    let mut children: HashMap<(String, &str), Vec<Value>> = HashMap::new();
    for (name, key, parent) in [
        (TableName::Offices, "offices", "company_id"),
        (TableName::Certifications, "certifications", "company_id"),
        (TableName::Awards, "awards", "company_id"),
        (TableName::Exports, "exports", "company_id"),
        (TableName::Leads, "leads", "company_id"),
        (TableName::Agreements, "agreements", "company_id"),
        (TableName::Participants, "participants", "initiative_id"),
        (TableName::Headcounts, "headcounts", "initiative_id"),
    ] {
        let table = &tables[&name];
        for row in 0..table.rows() {
            let mut object = row_object(table, row);
            nest(&mut object, "source", SOURCE);
            let Some(Value::String(id)) = object.remove(parent) else {
                panic!("{name} row {row} has no {parent}");
            };
            children
                .entry((id, key))
                .or_default()
                .push(Value::Object(object));
        }
    }
    let companies = &tables[&TableName::Companies];
    let companies: Vec<Value> = (0..companies.rows())
        .map(|row| {
            let mut object = row_object(companies, row);
            nest(
                &mut object,
                "identifiers",
                &[
                    ("ntn", "ntn"),
                    ("cuin", "cuin"),
                    ("lei", "lei"),
                    ("pseb", "pseb"),
                ],
            );
            nest(
                &mut object,
                "headquarters",
                &[
                    ("headquarters_city", "city"),
                    ("headquarters_region", "region"),
                ],
            );
            if let Some(Value::String(joined)) = object.remove("services") {
                let list = joined.split(';').map(|s| Value::from(s.to_owned()));
                object.insert("services".into(), Value::Array(list.collect()));
            }
            let Some(Value::String(id)) = object.get("id").cloned() else {
                panic!("company row {row} has no id");
            };
            for key in [
                "offices",
                "certifications",
                "awards",
                "exports",
                "leads",
                "agreements",
            ] {
                if let Some(list) = children.remove(&(id.clone(), key)) {
                    object.insert(key.into(), Value::Array(list));
                }
            }
            Value::Object(object)
        })
        .collect();
    let initiatives = &tables[&TableName::Initiatives];
    let initiatives: Vec<Value> = (0..initiatives.rows())
        .map(|row| {
            let mut object = row_object(initiatives, row);
            nest(&mut object, "source", SOURCE);
            if let Some(Value::String(joined)) = object.remove("target_markets") {
                let list = joined.split(';').map(|s| Value::from(s.to_owned()));
                object.insert("target_markets".into(), Value::Array(list.collect()));
            }
            let Some(Value::String(id)) = object.get("id").cloned() else {
                panic!("initiative row {row} has no id");
            };
            for key in ["participants", "headcounts"] {
                if let Some(list) = children.remove(&(id.clone(), key)) {
                    object.insert(key.into(), Value::Array(list));
                }
            }
            Value::Object(object)
        })
        .collect();
    assert!(children.is_empty(), "child rows of unknown parents");
    serde_json::json!({
        "schema_version": 1,
        "as_of": registry.as_of().to_string(),
        "companies": companies,
        "observations": records(&tables[&TableName::Observations]),
        "targets": records(&tables[&TableName::Targets]),
        "rankings": records(&tables[&TableName::Rankings]),
        "initiatives": initiatives,
        "claims": records(&tables[&TableName::Claims]),
    })
}

fn check_lossless(registry: &Registry) {
    let document = rebuild(registry).to_string();
    let rebuilt = Registry::from_json(&document).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rebuilt, *registry);
}

#[test]
fn sample_tables_are_lossless() {
    check_lossless(&Registry::sample());
}

#[test]
fn synthetic_tables_are_lossless() {
    check_lossless(&crate::generate::synthetic(300, 5));
}

#[test]
fn child_rows_follow_the_companies_in_document_order() {
    let sample = Registry::sample();
    for (name, count) in [
        (
            TableName::Offices,
            (|c: &Company| c.offices.len()) as fn(&Company) -> usize,
        ),
        (TableName::Certifications, |c| c.certifications.len()),
        (TableName::Awards, |c| c.awards.len()),
        (TableName::Exports, |c| c.exports.len()),
    ] {
        let expected: Vec<Option<String>> = sample
            .companies()
            .iter()
            .flat_map(|c| std::iter::repeat_n(Some(c.id.as_str().to_owned()), count(c)))
            .collect();
        let table = sample.table(name);
        let values = table.column("company_id").map(|c| c.values());
        let ids: Vec<Option<String>> = (0..table.rows())
            .map(|row| values.and_then(|v| v.cell(row)))
            .collect();
        assert_eq!(ids, expected, "{name}");
    }
}

// --- Derived columns on known rows -----------------------------------------------------------

/// The text of column `name` in every row of `table`.
fn texts(table: &Table, name: &str) -> Vec<Option<String>> {
    let column = table
        .column(name)
        .unwrap_or_else(|| panic!("no column {name}"));
    (0..table.rows()).map(|r| column.values().cell(r)).collect()
}

/// The first row whose cells in the given columns have the given texts.
fn find(table: &Table, want: &[(&str, &str)]) -> usize {
    let columns: Vec<Vec<Option<String>>> = want.iter().map(|(c, _)| texts(table, c)).collect();
    (0..table.rows())
        .find(|&r| {
            want.iter()
                .zip(&columns)
                .all(|((_, v), col)| col[r].as_deref() == Some(*v))
        })
        .unwrap_or_else(|| panic!("no row with {want:?}"))
}

fn cell(table: &Table, name: &str, row: usize) -> Option<String> {
    table.column(name)?.values().cell(row)
}

#[test]
fn certification_expiry_and_status_are_derived() {
    let sample = Registry::sample();
    let certs = sample.table(TableName::Certifications);
    // The ISO/IEC 27001:2013 certificate of company 1 runs to 2026-02-28, beyond the transition.
    let row = find(
        &certs,
        &[
            ("company_id", "ravi-code-labs"),
            ("scheme", "iso_27001"),
            ("edition", "2013"),
        ],
    );
    assert_eq!(
        cell(&certs, "expires_on", row).as_deref(),
        Some("2026-02-28")
    );
    assert_eq!(
        cell(&certs, "effective_expiry", row).as_deref(),
        Some("2025-10-31")
    );
    assert_eq!(
        cell(&certs, "derived_status", row).as_deref(),
        Some("expired")
    );
    // One that expired before the transition day keeps its own expiry.
    let row = find(
        &certs,
        &[
            ("company_id", "margalla-secureware"),
            ("scheme", "iso_27001"),
            ("edition", "2013"),
        ],
    );
    assert_eq!(
        cell(&certs, "effective_expiry", row).as_deref(),
        Some("2022-09-15")
    );
    // Every row agrees with the model's own computation; the status is always written.
    let all: Vec<_> = sample
        .companies()
        .iter()
        .flat_map(|c| &c.certifications)
        .collect();
    for (row, cert) in all.iter().enumerate() {
        let expiry = Some(cert.effective_expiry().to_string());
        assert_eq!(cell(&certs, "effective_expiry", row), expiry);
        let status = cert.status_on(sample.as_of()).as_str();
        assert_eq!(cell(&certs, "derived_status", row).as_deref(), Some(status));
        assert_eq!(
            cell(&certs, "status", row).as_deref(),
            Some(cert.status.as_str())
        );
    }
    let statuses = texts(&certs, "derived_status");
    assert!(statuses.iter().any(|s| s.as_deref() == Some("valid")));
}

#[test]
fn export_periods_are_derived() {
    let sample = Registry::sample();
    let exports = sample.table(TableName::Exports);
    assert_eq!(cell(&exports, "period", 0).as_deref(), Some("FY2021-22"));
    assert_eq!(
        cell(&exports, "fiscal_year", 0).as_deref(),
        Some("FY2021-22")
    );
    assert_eq!(
        cell(&exports, "period_start", 0).as_deref(),
        Some("2021-07-01")
    );
    assert_eq!(
        cell(&exports, "period_end", 0).as_deref(),
        Some("2022-06-30")
    );
    let periods = texts(&exports, "period");
    let month = periods
        .iter()
        .position(|p| p.as_deref().is_some_and(|p| p.len() == 7))
        .expect("a monthly export in the sample");
    let p: crate::value::Period = periods[month].as_deref().unwrap().parse().unwrap();
    let fy = p.fiscal_year().unwrap();
    let label = format!("FY{fy}-{:02}", (fy + 1) % 100);
    assert_eq!(cell(&exports, "fiscal_year", month), Some(label));
    assert_eq!(
        cell(&exports, "period_start", month),
        Some(p.first_day().to_string())
    );
    assert_eq!(
        cell(&exports, "period_end", month),
        Some(p.last_day().to_string())
    );
    assert!(texts(&exports, "fiscal_year").iter().all(Option::is_some));
}

#[test]
fn current_vintages_are_marked() {
    let sample = Registry::sample();
    let observations = sample.table(TableName::Observations);
    let want = [("indicator", "ict_exports"), ("period", "FY2022-23")];
    let first = find(&observations, &want);
    assert_eq!(cell(&observations, "published_on", first), None);
    assert_eq!(
        cell(&observations, "is_current", first).as_deref(),
        Some("false")
    );
    let revised = find(
        &observations,
        &[
            ("indicator", "ict_exports"),
            ("period", "FY2022-23"),
            ("published_on", "2023-08-18"),
        ],
    );
    assert_eq!(
        cell(&observations, "is_current", revised).as_deref(),
        Some("true")
    );
    assert_eq!(
        cell(&observations, "period_start", revised).as_deref(),
        Some("2022-07-01")
    );
    assert_eq!(
        cell(&observations, "period_end", revised).as_deref(),
        Some("2023-06-30")
    );
    // Exactly one current vintage per indicator, region and period.
    let keys: Vec<(Option<String>, Option<String>, Option<String>)> = (0..observations.rows())
        .map(|r| {
            let c = |n| cell(&observations, n, r);
            (c("indicator"), c("region"), c("period"))
        })
        .collect();
    let mut current: HashMap<_, usize> = HashMap::new();
    for (r, key) in keys.iter().enumerate() {
        *current.entry(key.clone()).or_default() +=
            usize::from(cell(&observations, "is_current", r).as_deref() == Some("true"));
    }
    assert!(current.values().all(|&n| n == 1), "{current:?}");
    assert!(
        current.len() < observations.rows(),
        "the sample has revised figures"
    );
}

#[test]
fn target_deadline_end_is_derived() {
    let sample = Registry::sample();
    let targets = sample.table(TableName::Targets);
    let row = find(&targets, &[("id", "it-exports-10bn-2025")]);
    assert_eq!(
        cell(&targets, "deadline", row).as_deref(),
        Some("FY2024-25")
    );
    assert_eq!(
        cell(&targets, "deadline_end", row).as_deref(),
        Some("2025-06-30")
    );
    assert_eq!(cell(&targets, "region", row).as_deref(), Some("PK"));
}

#[test]
fn defaults_are_written_and_absent_fields_are_null() {
    let registry = Registry::from_json(
        r#"{"schema_version": 1, "as_of": "2024-06-30",
            "companies": [{"id": "a", "legal_name": "A", "legal_form": "llp",
                           "headquarters": {"city": "Lahore", "region": "PK-PB"}}],
            "observations": [{"indicator": "freelancers", "period": "2023", "value": 5,
                              "source": {"publisher": "X"}}],
            "rankings": [{"index": "I", "publisher": "P", "period": "2023", "metric": "M",
                          "rank": 2}]}"#,
    )
    .unwrap();
    let companies = registry.table(TableName::Companies);
    for name in ["trade_name", "ntn", "founded_on", "employees", "services"] {
        assert_eq!(cell(&companies, name, 0), None, "{name}");
    }
    assert_eq!(
        cell(&companies, "headquarters_region", 0).as_deref(),
        Some("PK-PB")
    );
    let observations = registry.table(TableName::Observations);
    assert_eq!(cell(&observations, "region", 0).as_deref(), Some("PK"));
    assert_eq!(
        cell(&observations, "is_current", 0).as_deref(),
        Some("true")
    );
    assert_eq!(cell(&observations, "source_title", 0), None);
    let rankings = registry.table(TableName::Rankings);
    assert_eq!(cell(&rankings, "country", 0).as_deref(), Some("PK"));
    assert_eq!(cell(&rankings, "source_publisher", 0), None);
    assert_eq!(cell(&rankings, "out_of", 0), None);
    for name in [TableName::Offices, TableName::Targets] {
        assert!(registry.table(name).is_empty());
    }
}

/// A large registry's tables are built on several threads; they equal the ones built one by
/// one, in the same order.
#[test]
fn parallel_tables_equal_sequential_ones() {
    let registry = crate::generate::synthetic(6_000, 11);
    let records: usize = registry
        .companies()
        .iter()
        .map(|c| 1 + c.offices.len() + c.certifications.len() + c.awards.len() + c.exports.len())
        .sum();
    assert!(
        records >= super::build::PARALLEL_FROM_RECORDS,
        "{records} records: not the parallel path"
    );
    let one_by_one: Vec<Table> = TableName::ALL.iter().map(|&n| registry.table(n)).collect();
    assert_eq!(registry.tables(), one_by_one);
}
