//! Replays the shared test vectors of `tests/vectors/` (the same files the Python and Kotlin
//! bindings replay) and checks that every code of the spec is covered.

use std::collections::{BTreeMap, BTreeSet};

use pkit::Code;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Expected {
    path: String,
    code: String,
    severity: String,
}

fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(p, _)| p)
}

/// Sorts each run of issues that share a position (same path, or sibling `missing_field`s)
/// so that two lists in document order compare equal whatever their order within a run.
fn canonical(mut issues: Vec<Expected>) -> Vec<Expected> {
    let mut start = 0;
    while start < issues.len() {
        let mut end = start + 1;
        while end < issues.len() {
            let (a, b) = (&issues[end - 1], &issues[end]);
            let same_place = a.path == b.path
                || (a.code == "missing_field"
                    && b.code == "missing_field"
                    && parent(&a.path) == parent(&b.path));
            if !same_place {
                break;
            }
            end += 1;
        }
        issues[start..end].sort();
        start = end;
    }
    issues
}

fn vectors() -> Vec<(String, String, Vec<Expected>)> {
    let dir = crate::repo_root().join("tests/vectors");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/vectors exists") {
        let path = entry.expect("readable entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        let Some(stem) = name.strip_suffix(".issues.json") else {
            continue;
        };
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("readable"))
                .expect("issues file is JSON");
        let expected = expected
            .as_array()
            .expect("issues file is an array")
            .iter()
            .map(|i| Expected {
                path: i["path"].as_str().expect("path").to_owned(),
                code: i["code"].as_str().expect("code").to_owned(),
                severity: i["severity"].as_str().expect("severity").to_owned(),
            })
            .collect();
        let document =
            std::fs::read(dir.join(format!("{stem}.json"))).expect("document next to its issues");
        let document = String::from_utf8(document).expect("vector documents are UTF-8");
        out.push((stem.to_owned(), document, expected));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn actual(document: &str) -> Vec<Expected> {
    pkit::validate(document)
        .issues()
        .iter()
        .map(|i| Expected {
            path: i.path.clone(),
            code: i.code.as_str().to_owned(),
            severity: i.severity.as_str().to_owned(),
        })
        .collect()
}

#[test]
fn every_vector_gives_its_issues() {
    let vectors = vectors();
    assert!(vectors.len() >= 100, "only {} vectors", vectors.len());
    let mut failures = Vec::new();
    for (name, document, expected) in &vectors {
        let got = actual(document);
        if canonical(got.clone()) != canonical(expected.clone()) {
            failures.push(format!(
                "{name}:\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors differ:\n{}",
        failures.len(),
        vectors.len(),
        failures.join("\n")
    );
}

/// Every way in for a document gives the same report: the text, its bytes, its file (read
/// within the size limit), and the issues of the error `Registry::from_path` refuses it with.
#[test]
fn every_entry_point_gives_the_same_issues() {
    let dir = crate::repo_root().join("tests/vectors");
    for (name, document, _) in vectors() {
        let report = pkit::validate(&document);
        assert_eq!(
            pkit::validate_bytes(document.as_bytes()),
            report,
            "{name} bytes"
        );
        let file = dir.join(format!("{name}.json"));
        assert_eq!(
            pkit::validate_path(&file).expect("readable"),
            report,
            "{name} file"
        );
        let refused = match pkit::Registry::from_path(&file) {
            Ok(registry) => registry.warnings().to_vec(),
            Err(e) => e.issues(),
        };
        assert_eq!(refused, report.issues(), "{name} from_path");
    }
}

#[test]
fn loading_agrees_with_validation() {
    for (name, document, expected) in vectors() {
        let has_error = expected.iter().any(|e| e.severity == "error");
        match pkit::Registry::from_json(&document) {
            Ok(registry) => {
                assert!(!has_error, "{name} loaded despite errors");
                let warnings: Vec<_> = registry
                    .warnings()
                    .iter()
                    .map(|w| w.code.as_str().to_owned())
                    .collect();
                let want: Vec<_> = expected.iter().map(|e| e.code.clone()).collect();
                assert_eq!(warnings, want, "{name}");
                // Every valid vector round-trips.
                let again =
                    pkit::Registry::from_json(&registry.to_json()).expect("round trip loads");
                assert_eq!(again, registry, "{name} round trip");
            }
            Err(e) => assert!(has_error, "{name} rejected without an expected error: {e}"),
        }
    }
}

#[test]
fn every_code_is_covered_twice_and_valid_edges_exist() {
    let vectors = vectors();
    let mut by_code: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (name, _, expected) in &vectors {
        for e in expected {
            by_code
                .entry(e.code.clone())
                .or_default()
                .insert(name.clone());
        }
    }
    for code in Code::ALL {
        let n = by_code.get(code.as_str()).map_or(0, BTreeSet::len);
        assert!(n >= 2, "{code} appears in {n} vectors");
    }
    for code in by_code.keys() {
        assert!(
            code.parse::<Code>().is_ok(),
            "vectors use the unknown code {code}"
        );
    }
    let valid = vectors.iter().filter(|(_, _, e)| e.is_empty()).count();
    assert!(valid >= 20, "only {valid} valid vectors");
}

/// The byte offset of a line and a character column (both from 1) of `text`.
fn offset_of(text: &str, line: u64, column: u64) -> Option<usize> {
    let start = if line == 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(usize::try_from(line).ok()? - 2)?
            .0
            + 1
    };
    let skip = usize::try_from(column).ok()? - 1;
    text[start..]
        .char_indices()
        .map(|(i, _)| start + i)
        .chain(std::iter::once(text.len()))
        .nth(skip)
}

/// Every issue of a JSON vector carries the line and column of its value (or of its key, or
/// the end of the object a missing field belongs to): the text there is the value as JSON when it is a
/// plain scalar, and a JSON token otherwise.
#[test]
fn every_json_issue_is_placed_at_its_value() {
    let mut failures = Vec::new();
    let (mut placed, mut with_input) = (0, 0);
    for (name, document, _) in vectors() {
        let parsed: Option<Value> = serde_json::from_str(&document).ok();
        for issue in pkit::validate(&document).issues() {
            if issue.code == Code::LimitExceeded {
                continue;
            }
            let Some(at) = &issue.location else {
                failures.push(format!("{name}: {} has no location", issue.path));
                continue;
            };
            let column = match at.column {
                Some(pkit::issue::LocationColumn::Char(c)) if at.file.is_none() => c,
                _ => {
                    failures.push(format!("{name}: {} is placed as CSV: {at}", issue.path));
                    continue;
                }
            };
            let Some(offset) = offset_of(&document, at.line, column) else {
                failures.push(format!("{name}: {at} is outside the text"));
                continue;
            };
            placed += 1;
            if issue.code == Code::InvalidJson {
                continue;
            }
            let rest = &document[offset..];
            let value = parsed.as_ref().and_then(|v| v.pointer(&issue.path));
            let at_key = match issue.segments().last() {
                Some(pkit::validate::Segment::Key(key)) => {
                    rest.starts_with(&Value::String(key.clone()).to_string())
                }
                _ => false,
            };
            let digit = ['-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
            // The value's own kind (a repeated key's first value may differ from the last).
            let at_value = match value {
                Some(Value::Number(_)) => rest.starts_with(digit),
                Some(Value::String(_)) => rest.starts_with('"'),
                Some(Value::Bool(_)) => rest.starts_with(['t', 'f']),
                Some(Value::Null) => rest.starts_with('n'),
                Some(Value::Object(_)) => rest.starts_with('{'),
                Some(Value::Array(_)) => rest.starts_with('['),
                None => rest.starts_with(['{', '[', '"', 't', 'f', 'n']) || rest.starts_with(digit),
            };
            // A missing field is placed at the end of its object.
            let at_end = issue.code == Code::MissingField && rest.starts_with('}');
            let ok = at_key || at_value || at_end;
            if let Some(input) = &issue.input {
                with_input += 1;
                assert!(input.len() <= pkit::Issue::INPUT_MAX, "{name}: {input}");
                assert!(
                    rest.starts_with(input.as_str()),
                    "{name}: input {input} at {at}"
                );
                assert!(
                    serde_json::from_str::<Value>(input).is_ok(),
                    "{name}: input {input}"
                );
            }
            if !ok {
                let shown: String = rest.chars().take(30).collect();
                failures.push(format!("{name}: {} at {at} reads {shown:?}", issue.path));
            }
        }
    }
    assert!(placed > 300, "only {placed} issues placed");
    assert!(
        with_input > 200,
        "only {with_input} issues with their input"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
