//! The limits of SPEC §2: size, depth and string length, each refused with one
//! `limit_exceeded`, quickly and without a stack overflow.

use pkit::{Code, Limits, Registry};

fn only_limit(report: &pkit::Report) -> bool {
    matches!(report.issues(), [only] if only.code == Code::LimitExceeded && only.path.is_empty())
}

#[test]
fn default_limits_are_the_spec() {
    let l = Limits::default();
    assert_eq!(
        (l.max_bytes, l.max_depth, l.max_string_bytes),
        (268_435_456, 64, 1_048_576)
    );
}

#[test]
fn nesting_100_deep_is_refused_not_overflowed() {
    let deep = format!(
        r#"{{"schema_version": 1, "as_of": "2024-06-30", "x": {}{}}}"#,
        "[".repeat(100),
        "]".repeat(100)
    );
    assert!(only_limit(&pkit::validate(&deep)));
    assert!(matches!(
        Registry::from_json(&deep),
        Err(pkit::Error::LimitExceeded(_))
    ));
}

#[test]
fn pathological_nesting_is_refused() {
    // 100,000 brackets and nothing else: not JSON, but too deep first.
    let brackets = "[".repeat(100_000);
    assert!(only_limit(&pkit::validate(&brackets)));
    let objects = "{\"a\":".repeat(100_000);
    assert!(only_limit(&pkit::validate(&objects)));
}

#[test]
fn depth_limit_wins_over_a_syntax_error_before_it() {
    let text = format!("{{\"schema_version\": 1,, \"x\": {}", "[".repeat(80));
    assert!(only_limit(&pkit::validate(&text)));
}

#[test]
fn long_strings_are_refused() {
    let long = format!(
        r#"{{"schema_version": 1, "as_of": "2024-06-30", "$schema": "{}"}}"#,
        "a".repeat(1_048_577)
    );
    assert!(only_limit(&pkit::validate(&long)));
    let fits = format!(
        r#"{{"schema_version": 1, "as_of": "2024-06-30", "$schema": "{}"}}"#,
        "a".repeat(1_048_576)
    );
    assert!(pkit::validate(&fits).is_empty());
    // Escapes count as what they decode to.
    let small = Limits {
        max_string_bytes: 4,
        ..Limits::default()
    };
    let escaped = r#"{"schema_version": 1, "as_of": "2024-06-30", "$schema": "\u0041\u0042\u0043\u0044\u0045"}"#;
    assert!(only_limit(&pkit::validate_with(escaped, &small)));
    // Keys count too.
    let key = r#"{"schema_version": 1, "as_of": "2024-06-30", "abcdef": 1}"#;
    assert!(only_limit(&pkit::validate_with(key, &small)));
}

#[test]
fn shrunk_limits_apply() {
    let doc = r#"{"schema_version": 1, "as_of": "2024-06-30", "companies": [[]]}"#;
    let shallow = Limits {
        max_depth: 2,
        ..Limits::default()
    };
    assert!(only_limit(&pkit::validate_with(doc, &shallow)));
    let tiny = Limits {
        max_bytes: 10,
        ..Limits::default()
    };
    assert!(only_limit(&pkit::validate_with(doc, &tiny)));
}

#[test]
fn limit_wins_over_everything() {
    let tiny = Limits {
        max_bytes: 5,
        ..Limits::default()
    };
    assert!(only_limit(&pkit::validate_with("not json at all", &tiny)));
}

/// A file over the size limit is refused from its metadata: it is never read whole. The test
/// makes a sparse file of 300 MiB (no disk used); the refusal names the file's full size, which
/// only the metadata knows (a bounded read would stop at the limit plus one byte).
#[test]
fn oversized_file_is_refused_without_reading() {
    let dir = std::env::temp_dir().join(format!("pkit-limit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.json");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(300 * 1024 * 1024).unwrap();
    drop(file);
    let result = Registry::from_path(&path);
    std::fs::remove_dir_all(&dir).unwrap();
    match result {
        Err(pkit::Error::LimitExceeded(message)) => {
            assert!(message.contains("314572800"), "{message}")
        }
        other => panic!("expected LimitExceeded, got {other:?}"),
    }
}

#[test]
fn non_utf8_is_invalid_json_with_a_position() {
    let report = pkit::validate_bytes(b"{\n  \"as_of\": \"\xff\"}");
    assert_eq!(report.issues()[0].code, Code::InvalidJson);
    assert!(
        report.issues()[0].message.contains("line 2"),
        "{}",
        report.issues()[0].message
    );
}

#[test]
fn duplicate_keys_by_the_hundred_thousand_are_reported_quickly() {
    let mut doc = String::from(r#"{"schema_version": 1, "as_of": "2024-06-30""#);
    for _ in 0..100_000 {
        doc.push_str(r#", "as_of": "2024-06-30""#);
    }
    doc.push('}');
    let report = pkit::validate(&doc);
    assert_eq!(report.len(), 100_000);
    assert!(report
        .issues()
        .iter()
        .all(|i| i.code == Code::DuplicateKey && i.path == "/as_of"));
}
