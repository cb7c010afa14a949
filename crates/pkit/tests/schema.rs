//! The committed JSON Schema is the generated one.

/// Fails when `schemas/registry.schema.json` is stale; `PKIT_BLESS=1 cargo test` rewrites it.
#[test]
fn committed_schema_is_current() {
    let path = crate::repo_root().join("schemas/registry.schema.json");
    let generated = pkit::schema::registry_pretty();
    if std::env::var_os("PKIT_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write the schema");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schemas/registry.schema.json is stale: run `PKIT_BLESS=1 cargo test -p pkit --test pkit schema` and commit it"
    );
}

#[test]
fn schema_states_the_format() {
    let schema = pkit::schema::registry();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let defs = &schema["$defs"];
    assert_eq!(defs["Country"]["enum"].as_array().map(Vec::len), Some(249));
    assert_eq!(defs["Company"]["additionalProperties"], false);
    let required: Vec<_> = defs["Company"]["required"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(required, ["id", "legal_name", "legal_form", "headquarters"]);
    assert_eq!(
        defs["ExportRecord"]["properties"]["amount_usd"]["maximum"],
        10_000_000_000_000u64
    );
    assert_eq!(defs["Slug"]["pattern"], "^[a-z0-9]+(-[a-z0-9]+)*$");
    // No rustdoc leaks into published descriptions.
    let text = schema.to_string();
    assert!(
        !text.contains("# Example") && !text.contains("```"),
        "rustdoc in the schema"
    );
}
