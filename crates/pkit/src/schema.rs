//! JSON Schema (draft 2020-12) of the registry document, generated from the model's types.
//!
//! The schema carries every constraint a schema can express: required fields, enums, patterns
//! for dates, ids, keys, identifiers and periods, the list of country codes, integer ranges,
//! text lengths and `additionalProperties: false`. Rules that relate values (duplicates,
//! dates against `as_of`, LEI check digits) are beyond a schema; [`crate::validate()`] checks them.

use schemars::JsonSchema;

use crate::model::{Company, Observation, Ranking, Target};
use crate::value::{period::form_pattern, Date, PeriodForm};

/// A registry document: Pakistan's IT companies, certifications, awards and export figures.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "pkit registry document", extend("additionalProperties" = false))]
#[allow(dead_code)]
struct RegistryDocument {
    /// Ignored by pkit; lets editors find this schema.
    #[serde(rename = "$schema")]
    schema: Option<String>,
    /// The version of the format; must be 1.
    #[schemars(extend("const" = 1))]
    schema_version: u8,
    /// The date the data describes; the reference for "in the future" and "expired".
    as_of: Date,
    /// IT companies with their certifications, awards and exports.
    companies: Option<Vec<Company>>,
    /// National or regional statistics: export figures, registrations, employment, freelancers.
    observations: Option<Vec<Observation>>,
    /// Stated policy targets such as "$10bn of IT exports by FY2024-25".
    targets: Option<Vec<Target>>,
    /// The country's place in international indices.
    rankings: Option<Vec<Ranking>>,
}

/// The JSON Schema of a registry document, as a JSON value.
///
/// # Example
/// ```
/// let schema = pkit::schema::registry();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(schema["additionalProperties"], false);
/// assert!(schema["required"].as_array().unwrap().iter().any(|f| f == "as_of"));
/// ```
pub fn registry() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<RegistryDocument>();
    schema.insert(
        "$id".into(),
        "https://pkit.dev/schemas/registry.schema.json".into(),
    );
    let mut value = schema.to_value();
    tidy(&mut value);
    value
}

/// Makes the generated schema fit for publishing: descriptions keep their first part (no
/// rustdoc examples or intra-doc links), and the non-standard integer formats of schemars
/// (`uint8`, `uint64`, ...) go, since the ranges say it all.
fn tidy(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::String(d)) = map.get_mut("description") {
                if let Some(cut) = d.find("\n\n# ") {
                    d.truncate(cut);
                }
                *d = d.replace("[`", "`").replace("`]", "`").replace('\n', " ");
            }
            if map
                .get("format")
                .and_then(|f| f.as_str())
                .is_some_and(|f| f.starts_with("uint") || f.starts_with("int"))
            {
                map.remove("format");
            }
            map.values_mut().for_each(tidy);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}

/// The schema text committed at `schemas/registry.schema.json` (pretty, with a final newline).
///
/// # Example
/// ```
/// assert!(pkit::schema::registry_pretty().ends_with("}\n"));
/// ```
pub fn registry_pretty() -> String {
    let mut text = serde_json::to_string_pretty(&registry()).unwrap_or_default();
    text.push('\n');
    text
}

fn period_schema(forms: &[PeriodForm], description: &str) -> schemars::Schema {
    let alternatives: Vec<String> = forms.iter().map(|&f| form_pattern(f)).collect();
    let pattern = format!("^({})$", alternatives.join("|"));
    schemars::json_schema!({
        "description": description,
        "type": "string",
        "pattern": pattern,
    })
}

/// Adds the count cap to an observation's or target's `value`: 10^10 for count indicators.
pub(crate) fn count_cap(schema: &mut schemars::Schema) {
    let counts: Vec<&str> = crate::model::Indicator::ALL
        .iter()
        .filter(|i| i.unit() == crate::model::Unit::Count)
        .map(|i| i.as_str())
        .collect();
    let rule = serde_json::json!({
        "if": {"properties": {"indicator": {"enum": counts}}, "required": ["indicator"]},
        "then": {"properties": {"value": {"maximum": crate::model::Unit::Count.max()}}}
    });
    schema.insert("allOf".into(), serde_json::Value::Array(vec![rule]));
}

pub(crate) fn period_export(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    period_schema(
        crate::model::export::EXPORT_PERIOD_FORMS,
        "A fiscal year (FY2023-24), fiscal quarter (FY2023-24-Q1) or month (2024-03).",
    )
}

pub(crate) fn period_any(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    period_schema(
        &PeriodForm::ALL,
        "A fiscal year (FY2023-24), fiscal quarter (FY2023-24-Q1), month (2024-03), calendar year (2024) or calendar quarter (2019-Q2).",
    )
}

pub(crate) fn period_deadline(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    period_schema(
        crate::model::target::DEADLINE_FORMS,
        "A fiscal year (FY2024-25) or calendar year (2030).",
    )
}

pub(crate) fn period_ranking(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    period_schema(
        crate::model::ranking::RANKING_PERIOD_FORMS,
        "A calendar year (2024), calendar quarter (2019-Q2), fiscal year (FY2023-24) or month (2024-03).",
    )
}
