//! `pkit validate --format github|jsonl|sarif` and `--deny-warnings`, on the shared vectors:
//! every issue of every vector comes out once, in order, with its file, line and column.
//! (The SARIF log is also checked against the SARIF 2.1.0 schema by
//! `tests/formats/test_sarif.py`.)

// Helpers outside `#[test]` functions fail the test that calls them, by design.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const PKIT: &str = env!("CARGO_BIN_EXE_pkit");

/// Runs `pkit` with `args`: (exit code, stdout).
fn pkit(args: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(PKIT)
        .args(args)
        .output()
        .expect("the pkit binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("stdout is UTF-8"),
    )
}

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

/// Every vector document, with the (code, severity) of each issue its `.issues.json` expects.
fn vectors() -> Vec<(String, Vec<(String, String)>)> {
    let dir = vectors_dir();
    let mut out: Vec<(String, Vec<(String, String)>)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name()?.to_str()?.to_owned();
            let stem = name.strip_suffix(".issues.json")?;
            let issues: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let issues = issues
                .as_array()
                .unwrap()
                .iter()
                .map(|i| {
                    (
                        i["code"].as_str().unwrap().to_owned(),
                        i["severity"].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            let file = dir.join(format!("{stem}.json"));
            Some((file.to_string_lossy().into_owned(), issues))
        })
        .collect();
    out.sort();
    out
}

/// The multiset of (file, code, severity), order within a file aside (issues at one place may
/// come in either order).
fn sorted(mut found: Vec<(String, String, String)>) -> Vec<(String, String, String)> {
    found.sort();
    found
}

fn expected(vectors: &[(String, Vec<(String, String)>)]) -> Vec<(String, String, String)> {
    let mut all = Vec::new();
    for (file, issues) in vectors {
        for (code, severity) in issues {
            all.push((file.clone(), code.clone(), severity.clone()));
        }
    }
    sorted(all)
}

fn all_files(vectors: &[(String, Vec<(String, String)>)]) -> Vec<&str> {
    vectors.iter().map(|(file, _)| file.as_str()).collect()
}

/// Parses `::error file=F,line=L,col=C,title=pkit CODE::MESSAGE` (properties unescaped).
fn github_line(line: &str) -> (String, Option<u64>, Option<u64>, String, String) {
    let rest = line.strip_prefix("::").unwrap_or_else(|| panic!("{line}"));
    let (command, rest) = rest.split_once(' ').unwrap();
    let (properties, message) = rest.split_once("::").unwrap();
    assert!(!message.is_empty(), "{line}");
    let unescape = |v: &str| {
        v.replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%25", "%")
    };
    let (mut file, mut at_line, mut col, mut title) = (None, None, None, None);
    for property in properties.split(',') {
        let (key, value) = property.split_once('=').unwrap();
        match key {
            "file" => file = Some(unescape(value)),
            "line" => at_line = Some(value.parse::<u64>().unwrap()),
            "col" => col = Some(value.parse::<u64>().unwrap()),
            "title" => title = Some(unescape(value)),
            other => panic!("unknown property {other}: {line}"),
        }
    }
    let code = title
        .unwrap()
        .strip_prefix("pkit ")
        .expect("title names pkit")
        .to_owned();
    (file.unwrap(), at_line, col, code, command.to_owned())
}

#[test]
fn github_annotations_carry_file_line_and_column_for_every_vector_issue() {
    let vectors = vectors();
    assert!(vectors.len() > 250, "{} vectors", vectors.len());
    let (code, out) = pkit(
        &[
            &["validate", "--format", "github"][..],
            &all_files(&vectors),
        ]
        .concat(),
    );
    assert_eq!(code, Some(1));
    let mut found = Vec::new();
    for line in out.lines() {
        let (file, at_line, col, code, command) = github_line(line);
        if code != "limit_exceeded" {
            assert!(at_line.is_some_and(|n| n >= 1), "no line: {line}");
            assert!(col.is_some_and(|n| n >= 1), "no column: {line}");
        }
        found.push((file, code, command));
    }
    assert_eq!(sorted(found), expected(&vectors));
}

#[test]
fn jsonl_gives_one_object_per_issue() {
    let vectors = vectors();
    let (_, out) = pkit(&[&["validate", "--format", "jsonl"][..], &all_files(&vectors)].concat());
    let mut found = Vec::new();
    for line in out.lines() {
        let issue: Value = serde_json::from_str(line).unwrap();
        let mut keys: Vec<&str> = issue
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["code", "column", "file", "header", "line", "message", "path", "severity"]
        );
        let text = |k: &str| issue[k].as_str().unwrap().to_owned();
        if text("code") != "limit_exceeded" {
            assert!(issue["line"].as_u64().is_some(), "{line}");
            assert!(issue["column"].as_u64().is_some(), "{line}");
        }
        assert!(issue["header"].is_null(), "JSON has no CSV headers: {line}");
        found.push((text("file"), text("code"), text("severity")));
    }
    assert_eq!(sorted(found), expected(&vectors));
}

#[test]
fn sarif_has_one_result_per_issue_with_its_region() {
    let vectors = vectors();
    let (code, out) =
        pkit(&[&["validate", "--format", "sarif"][..], &all_files(&vectors)].concat());
    assert_eq!(code, Some(1));
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let mut found = Vec::new();
    for result in run["results"].as_array().unwrap() {
        let rule = result["ruleId"].as_str().unwrap().to_owned();
        let index = usize::try_from(result["ruleIndex"].as_u64().unwrap()).unwrap();
        assert_eq!(rules[index]["id"], rule.as_str());
        let physical = &result["locations"][0]["physicalLocation"];
        let uri = physical["artifactLocation"]["uri"].as_str().unwrap();
        let file = vectors
            .iter()
            .map(|(f, _)| f.clone())
            .find(|f| f.ends_with(&uri[uri.rfind('/').unwrap()..]))
            .unwrap_or_else(|| panic!("{uri} is a vector"));
        if rule != "limit_exceeded" {
            assert!(
                physical["region"]["startLine"].as_u64().is_some(),
                "{result}"
            );
            assert!(
                physical["region"]["startColumn"].as_u64().is_some(),
                "{result}"
            );
        }
        found.push((file, rule, result["level"].as_str().unwrap().to_owned()));
    }
    assert_eq!(sorted(found), expected(&vectors));
}

#[test]
fn deny_warnings_fails_on_warnings_only_when_asked() {
    let dir = vectors_dir();
    // A vector with warnings and no error.
    let warned = vectors()
        .into_iter()
        .find(|(_, issues)| !issues.is_empty() && issues.iter().all(|(_, s)| s == "warning"))
        .map(|(file, _)| file)
        .expect("a vector with warnings only");
    assert_eq!(pkit(&["validate", &warned]).0, Some(0));
    assert_eq!(pkit(&["validate", "--deny-warnings", &warned]).0, Some(1));
    let clean = vectors()
        .into_iter()
        .find(|(_, issues)| issues.is_empty())
        .map(|(file, _)| file)
        .expect("a valid vector");
    assert_eq!(pkit(&["validate", "--deny-warnings", &clean]).0, Some(0));
    assert!(dir.is_dir());
}

#[test]
fn csv_issues_name_the_csv_file_in_every_format() {
    let tmp = std::env::temp_dir().join(format!("pkit-formats-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let sample = tmp.join("sample");
    let registry = pkit::Registry::sample();
    registry.to_csv_dir(&sample).unwrap();
    let founded = registry.companies()[0]
        .founded_on
        .expect("the sample's first company has a founding date")
        .to_string();
    let companies = sample.join("companies.csv");
    let text = std::fs::read_to_string(&companies).unwrap();
    let at = text.find(&founded).unwrap();
    assert_eq!(text[..at].matches('\n').count(), 1, "on the first row");
    let text = text.replacen(&founded, "2019-02-30", 1);
    std::fs::write(&companies, text).unwrap();
    let dir = sample.to_str().unwrap();
    let (_, out) = pkit(&["validate", "--format", "github", dir]);
    assert!(
        out.lines().any(|l| l.starts_with(&format!(
            "::error file={},line=2,title=pkit invalid_date::",
            format!("{dir}/companies.csv")
                .replace(':', "%3A")
                .replace(',', "%2C")
        ))),
        "{out}"
    );
    // A directory named with a trailing slash names its files with one slash.
    let (_, out) = pkit(&["validate", &format!("{dir}/")]);
    assert!(
        out.starts_with(&format!(
            "{dir}/companies.csv:2:founded_on: error invalid_date: "
        )),
        "{out}"
    );
    let (_, out) = pkit(&["validate", "--format", "jsonl", &format!("{dir}/")]);
    let issue: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(issue["file"], format!("{dir}/companies.csv"));
    let (_, out) = pkit(&["validate", "--format", "jsonl", dir]);
    let issue: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(issue["file"], format!("{dir}/companies.csv"));
    assert_eq!(issue["line"], 2);
    assert_eq!(issue["header"], "founded_on");
    assert!(issue["column"].is_null());
    let _ = std::fs::remove_dir_all(&tmp);
}
