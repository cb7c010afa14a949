//! JSON Schema (draft 2020-12) of the registry document, generated from the model's types.
//!
//! The schema carries every constraint a schema can express: required fields, enums, patterns
//! for dates, ids, keys, identifiers and periods, the list of country codes, integer ranges,
//! text lengths and `additionalProperties: false`. Rules that relate values (duplicates,
//! dates against `as_of`, LEI check digits) are beyond a schema; [`crate::validate()`] checks them.

use crate::model::document::Document;

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
    let mut schema = generator.into_root_schema_for::<Document<'static>>();
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
