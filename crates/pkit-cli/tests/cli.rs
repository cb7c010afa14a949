//! Integration tests of the `pkit` binary: the command-line contract of SPEC §3.4.
//!
//! Each test runs the built binary with `std::process::Command`, in its own temporary
//! directory, and checks exit status, stdout and stderr.

// Helpers outside `#[test]` functions fail the test that calls them, by design.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{json, Value};

const PKIT: &str = env!("CARGO_BIN_EXE_pkit");

/// What one run of `pkit` did.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `pkit` with `args` in `dir` (the test's current directory when `None`).
///
/// Every run is also checked for output that must never reach a user: a panic, a hint about
/// `RUST_BACKTRACE`, or a `Debug`-formatted error.
fn pkit_in(dir: Option<&Path>, args: &[&str]) -> Run {
    let mut command = Command::new(PKIT);
    command.args(args).env_remove("RUST_BACKTRACE");
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let output = command.output().expect("the pkit binary runs");
    let run = Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    };
    assert_user_facing(&run, args);
    run
}

fn pkit(args: &[&str]) -> Run {
    pkit_in(None, args)
}

/// Fails when the output shows a panic or a `Debug` rendering of an error.
fn assert_user_facing(run: &Run, args: &[&str]) {
    for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        for bad in [
            "panicked",
            "RUST_BACKTRACE",
            "Error {",
            "Io {",
            "Os {",
            "kind: ",
        ] {
            assert!(
                !text.contains(bad),
                "`pkit {}` shows {bad:?} on {stream}:\n{text}",
                args.join(" ")
            );
        }
    }
}

/// A directory under `std::env::temp_dir()`, unique to one test, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("pkit-cli-test-{}-{test}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the temporary directory");
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `contents` to `name` in the directory; returns its absolute path.
    fn write(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, contents).expect("write a temporary file");
        path
    }

    fn write_json(&self, name: &str, value: &Value) -> PathBuf {
        self.write(
            name,
            &serde_json::to_string_pretty(value).expect("serialize"),
        )
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn s(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

/// A company with only the required fields.
fn company(id: &str, region: &str) -> Value {
    json!({
        "id": id,
        "legal_name": format!("{id} (Pvt) Ltd"),
        "legal_form": "private_limited",
        "headquarters": { "city": "Lahore", "region": region }
    })
}

/// A valid document with one company and no issue at all.
fn valid_doc() -> Value {
    json!({
        "schema_version": 1,
        "as_of": "2025-06-30",
        "companies": [company("arfa-soft", "PK-PB")]
    })
}

/// A valid document whose only issue is the warning `beyond_transition`: an ISO/IEC 27001:2013
/// certificate that claims to be valid after the end of the transition (2025-10-31).
fn warning_doc() -> Value {
    let mut c = company("indus-cloud", "PK-SD");
    c["certifications"] = json!([{
        "scheme": "iso_27001",
        "edition": "2013",
        "issuer": "Example Certification Body",
        "issued_on": "2023-03-01",
        "expires_on": "2026-02-28"
    }]);
    json!({ "schema_version": 1, "as_of": "2025-06-30", "companies": [c] })
}

/// One error in each of three companies, and the (path, code) each must give.
fn errors_doc() -> (Value, Vec<(&'static str, &'static str, &'static str)>) {
    let mut founded = company("second", "PK-SD");
    founded["founded_on"] = json!("2024-02-30");
    let doc = json!({
        "schema_version": 1,
        "as_of": "2025-06-30",
        "companies": [company("Bad_Id", "PK-PB"), founded, company("third", "PK-XX")]
    });
    let expected = vec![
        ("/companies/0/id", "invalid_id", "Bad_Id"),
        ("/companies/1/founded_on", "invalid_date", "2024-02-30"),
        (
            "/companies/2/headquarters/region",
            "invalid_region",
            "PK-XX",
        ),
    ];
    (doc, expected)
}

/// Splits a `FILE:LINE:COL: severity code: message (PATH)` line, given FILE, into the path,
/// severity, code and message; `None` if it has another form.
fn parse_line<'a>(line: &'a str, file: &str) -> Option<(&'a str, &'a str, &'a str, &'a str)> {
    let rest = line.strip_prefix(file)?.strip_prefix(':')?;
    let (line_number, rest) = rest.split_once(':')?;
    let (column, rest) = rest.split_once(": ")?;
    if !(line_number.parse::<u64>().is_ok_and(|n| n >= 1)
        && column.parse::<u64>().is_ok_and(|n| n >= 1))
    {
        return None;
    }
    let (severity, rest) = rest.split_once(' ')?;
    let (code, rest) = rest.split_once(": ")?;
    let (message, path) = rest.strip_suffix(')')?.rsplit_once(" (")?;
    Some((path, severity, code, message))
}

/// Checks that `stdout` is exactly the text lines of the three errors of [`errors_doc`].
fn assert_error_lines(stdout: &str, file: &str) {
    let (_, expected) = errors_doc();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), expected.len(), "one line per issue:\n{stdout}");
    for (line, (path, code, value)) in lines.iter().zip(&expected) {
        let (p, severity, c, message) = parse_line(line, file).unwrap_or_else(|| {
            panic!("not `{file}:LINE:COL: severity code: message (PATH)`: {line}")
        });
        assert_eq!((p, severity, c), (*path, "error", *code), "line: {line}");
        assert!(
            message.contains(value),
            "the message names the value {value}: {line}"
        );
    }
}

fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// The (path, code, severity) of each issue of one `--format json` line, checking its shape.
fn json_issues(line: &Value) -> Vec<(String, String, String)> {
    let object = line.as_object().expect("a JSON object per file");
    let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["file", "issues"], "{line}");
    line["issues"]
        .as_array()
        .expect("issues is an array")
        .iter()
        .map(|issue| {
            let mut keys: Vec<&str> = issue
                .as_object()
                .expect("an issue is an object")
                .keys()
                .map(String::as_str)
                .collect();
            keys.retain(|k| *k != "input");
            keys.sort_unstable();
            assert_eq!(
                keys,
                ["code", "location", "message", "path", "severity"],
                "{issue}"
            );
            let at = &issue["location"];
            assert!(at["line"].as_u64().is_some_and(|n| n >= 1), "{issue}");
            assert!(at["column"].as_u64().is_some_and(|n| n >= 1), "{issue}");
            let field = |k: &str| issue[k].as_str().expect("a string").to_owned();
            assert!(!field("message").is_empty(), "{issue}");
            (field("path"), field("code"), field("severity"))
        })
        .collect()
}

fn expected_error_triples() -> Vec<(String, String, String)> {
    errors_doc()
        .1
        .into_iter()
        .map(|(p, c, _)| (p.to_owned(), c.to_owned(), "error".to_owned()))
        .collect()
}

// 1. `pkit report`: the built-in sample, as text.

#[test]
fn report_without_file_describes_the_sample() {
    let run = pkit(&["report"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stderr, "");
    let out = &run.stdout;
    assert!(out.contains("as of 2026-01-31"), "{out}");
    assert!(out.contains("28 companies"), "{out}");
    assert!(out.contains("beyond_transition"), "{out}");
    assert!(out.contains("edition_withdrawn"), "{out}");

    // The region section lists PK-PB, and its counts add up to the 28 companies.
    let lines: Vec<&str> = out.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.contains("by region"))
        .expect("a region section");
    let section: Vec<&str> = lines[start + 2..]
        .iter()
        .take_while(|l| !l.trim().is_empty())
        .copied()
        .collect();
    assert!(
        section.iter().any(|l| l.trim_start().starts_with("PK-PB")),
        "{out}"
    );
    let by_region: usize = section
        .iter()
        .map(|l| {
            let n = l.split_whitespace().last().expect("a count");
            n.parse::<usize>().expect("a number")
        })
        .sum();
    assert_eq!(by_region, 28, "{out}");

    // The certification table: a header naming every derived status, a row per scheme, and
    // 51 certificates in all.
    let header = lines
        .iter()
        .position(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            words.first() == Some(&"scheme")
                && ["valid", "expiring", "expired", "suspended", "withdrawn"]
                    .iter()
                    .all(|w| words.contains(w))
        })
        .unwrap_or_else(|| panic!("a certification table header:\n{out}"));
    let rows: Vec<&str> = lines[header + 1..]
        .iter()
        .take_while(|l| !l.trim().is_empty())
        .copied()
        .collect();
    assert!(rows.iter().any(|r| r.trim_start().starts_with("iso_27001")));
    let certificates: usize = rows
        .iter()
        .flat_map(|r| r.split_whitespace().skip(1))
        .map(|n| n.parse::<usize>().expect("a count"))
        .sum();
    assert_eq!(certificates, 51, "{out}");
}

#[test]
fn report_lines_fit_80_columns() {
    let dir = TempDir::new("report-80");
    let file = dir.write_json("registry.json", &warning_doc());
    for args in [vec!["report"], vec!["report", s(&file)]] {
        let run = pkit(&args);
        assert_eq!(run.code, Some(0), "{run:?}");
        let long: Vec<String> = run
            .stdout
            .lines()
            .filter(|l| l.chars().count() > 80)
            .map(|l| format!("{} columns: {l}", l.chars().count()))
            .collect();
        assert!(
            long.is_empty(),
            "`pkit {}` prints lines wider than 80 columns:\n{}",
            args.join(" "),
            long.join("\n")
        );
    }
}

// 2. `pkit report --format json`.

#[test]
fn report_json_of_the_sample() {
    let run = pkit(&["report", "--format", "json"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stderr, "");
    let report: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let summary = &report["summary"];
    assert_eq!(summary["as_of"], "2026-01-31");
    assert_eq!(summary["companies"], 28);

    let warnings = summary["warnings"].as_array().expect("warnings");
    let codes: Vec<&str> = warnings
        .iter()
        .map(|w| w["code"].as_str().expect("code"))
        .collect();
    assert_eq!(codes, ["beyond_transition", "edition_withdrawn"]);
    assert!(warnings.iter().all(|w| w["severity"] == "warning"));

    let schemes = summary["certifications"]
        .as_array()
        .expect("certifications");
    let mut total = 0;
    for scheme in schemes {
        let t = scheme["total"].as_u64().expect("total");
        let by_status: u64 = scheme["counts"]
            .as_array()
            .expect("counts")
            .iter()
            .map(|c| c["count"].as_u64().expect("count"))
            .sum();
        assert_eq!(t, by_status, "{scheme}");
        total += t;
    }
    assert_eq!(total, 51);

    let by_region: u64 = summary["companies_by_region"]
        .as_array()
        .expect("companies_by_region")
        .iter()
        .map(|c| c["count"].as_u64().expect("count"))
        .sum();
    assert_eq!(by_region, 28);
}

// 3. `pkit report FILE`.

#[test]
fn report_on_a_file() {
    let dir = TempDir::new("report-file");
    let file = dir.write_json("small.json", &warning_doc());

    let run = pkit(&["report", s(&file)]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stderr, "");
    assert!(
        run.stdout.contains(s(&file)),
        "names the file: {}",
        run.stdout
    );
    assert!(run.stdout.contains("as of 2025-06-30"), "{}", run.stdout);
    assert!(!run.stdout.contains("2026-01-31"), "not the sample");
    assert!(run.stdout.contains("iso_27001"), "{}", run.stdout);
    assert!(run.stdout.contains("beyond_transition"), "{}", run.stdout);

    let run = pkit(&["report", s(&file), "--format", "json"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let report: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let summary = &report["summary"];
    assert_eq!(summary["as_of"], "2025-06-30");
    assert_eq!(summary["companies"], 1);
    assert_eq!(summary["warnings"].as_array().map(Vec::len), Some(1));
    assert_eq!(summary["warnings"][0]["code"], "beyond_transition");
}

#[test]
fn report_on_an_invalid_file_prints_the_issues_on_stderr() {
    let dir = TempDir::new("report-invalid");
    dir.write_json("bad.json", &errors_doc().0);
    let run = pkit_in(Some(dir.path()), &["report", "bad.json"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stdout, "", "no report of an invalid document");
    let issue_lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("bad.json:"))
        .collect();
    assert_error_lines(&(issue_lines.join("\n") + "\n"), "bad.json");
}

#[test]
fn report_on_a_missing_file_exits_2() {
    let dir = TempDir::new("report-missing");
    let missing = dir.path().join("nowhere.json");
    let run = pkit(&["report", s(&missing)]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains(s(&missing)), "{}", run.stderr);
}

// 4. `pkit validate`, text.

#[test]
fn validate_text_lists_every_issue_with_the_relative_path_as_given() {
    let dir = TempDir::new("validate-relative");
    dir.write_json("bad.json", &errors_doc().0);
    for name in ["bad.json", "./bad.json"] {
        let run = pkit_in(Some(dir.path()), &["validate", name]);
        assert_eq!(run.code, Some(1), "{run:?}");
        assert_eq!(run.stderr, "");
        assert_error_lines(&run.stdout, name);
    }
}

#[test]
fn validate_text_lists_every_issue_with_the_absolute_path_as_given() {
    let dir = TempDir::new("validate-absolute");
    let file = dir.write_json("bad.json", &errors_doc().0);
    assert!(file.is_absolute());
    let run = pkit(&["validate", s(&file)]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stderr, "");
    assert_error_lines(&run.stdout, s(&file));
}

#[test]
fn validate_text_with_several_files_prefixes_each_line_with_its_file() {
    let dir = TempDir::new("validate-several");
    dir.write_json("bad.json", &errors_doc().0);
    dir.write_json("warn.json", &warning_doc());
    dir.write_json("ok.json", &valid_doc());
    let run = pkit_in(
        Some(dir.path()),
        &["validate", "warn.json", "ok.json", "bad.json"],
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", run.stdout);
    assert_eq!(
        parse_line(lines[0], "warn.json").map(|(p, s, c, _)| (p, s, c)),
        Some((
            "/companies/0/certifications/0/expires_on",
            "warning",
            "beyond_transition"
        )),
        "{}",
        run.stdout
    );
    assert_error_lines(&(lines[1..].join("\n") + "\n"), "bad.json");
}

// 5. `pkit validate --format json`.

#[test]
fn validate_json_gives_one_object_per_file_with_every_issue() {
    let dir = TempDir::new("validate-json");
    dir.write_json("bad.json", &errors_doc().0);
    let run = pkit_in(
        Some(dir.path()),
        &["validate", "--format", "json", "bad.json"],
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stderr, "");
    let lines = json_lines(&run.stdout);
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert_eq!(lines[0]["file"], "bad.json");
    assert_eq!(json_issues(&lines[0]), expected_error_triples());
}

#[test]
fn validate_json_with_two_files_keeps_the_argument_order() {
    let dir = TempDir::new("validate-json-two");
    let bad = dir.write_json("bad.json", &errors_doc().0);
    let warn = dir.write_json("warn.json", &warning_doc());
    let ok = dir.write_json("ok.json", &valid_doc());
    let warning = vec![(
        "/companies/0/certifications/0/expires_on".to_owned(),
        "beyond_transition".to_owned(),
        "warning".to_owned(),
    )];

    for (first, second) in [(&bad, &warn), (&warn, &bad)] {
        let run = pkit(&["validate", s(first), s(second), "--format", "json"]);
        assert_eq!(run.code, Some(1), "{run:?}");
        let lines = json_lines(&run.stdout);
        assert_eq!(lines.len(), 2, "{}", run.stdout);
        for (line, file) in lines.iter().zip([first, second]) {
            assert_eq!(line["file"], s(file));
            let expected = if file == &bad {
                expected_error_triples()
            } else {
                warning.clone()
            };
            assert_eq!(json_issues(line), expected);
        }
    }

    // A file without issues still has its line, with no issue; warnings alone exit 0.
    let run = pkit(&["validate", "--format", "json", s(&ok), s(&warn)]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let lines = json_lines(&run.stdout);
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert_eq!(lines[0]["file"], s(&ok));
    assert_eq!(lines[0]["issues"], json!([]));
    assert_eq!(json_issues(&lines[1]), warning);
}

// 6. Exit codes.

#[test]
fn validate_exits_0_for_a_valid_file_and_for_warnings_only() {
    let dir = TempDir::new("exit-0");
    let ok = dir.write_json("ok.json", &valid_doc());
    let run = pkit(&["validate", s(&ok)]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, "", "nothing to say about a clean file");
    assert_eq!(run.stderr, "");

    let warn = dir.write_json("warn.json", &warning_doc());
    let run = pkit(&["validate", s(&warn)]);
    assert_eq!(run.code, Some(0), "warnings alone are not failure: {run:?}");
    assert_eq!(run.stderr, "");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    let (path, severity, code, message) = parse_line(lines[0], s(&warn)).expect("issue line");
    assert_eq!(
        (path, severity, code),
        (
            "/companies/0/certifications/0/expires_on",
            "warning",
            "beyond_transition"
        )
    );
    assert!(message.contains("2025-10-31"), "{message}");

    let run = pkit(&["validate", s(&ok), s(&warn)]);
    assert_eq!(run.code, Some(0), "{run:?}");
}

#[test]
fn validate_exits_1_when_any_file_has_an_error() {
    let dir = TempDir::new("exit-1");
    let ok = dir.write_json("ok.json", &valid_doc());
    let bad = dir.write_json("bad.json", &errors_doc().0);
    for args in [
        vec!["validate", s(&bad)],
        vec!["validate", s(&ok), s(&bad)],
        vec!["validate", s(&bad), s(&ok)],
    ] {
        let run = pkit(&args);
        assert_eq!(run.code, Some(1), "{run:?}");
        assert_eq!(run.stderr, "");
    }
}

#[test]
fn validate_exits_2_for_a_missing_file() {
    let dir = TempDir::new("exit-2");
    let ok = dir.write_json("ok.json", &valid_doc());
    let bad = dir.write_json("bad.json", &errors_doc().0);
    let missing = dir.path().join("missing.json");

    let run = pkit(&["validate", s(&missing)]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains(s(&missing)), "{}", run.stderr);

    let run = pkit(&["validate", s(&ok), s(&missing)]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains(s(&missing)), "{}", run.stderr);

    // An I/O error outranks errors in another file, whose issues are still reported.
    let run = pkit(&["validate", s(&missing), s(&bad)]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains(s(&missing)), "{}", run.stderr);
    assert_error_lines(&run.stdout, s(&bad));

    let run = pkit(&["validate", "--format", "json", s(&bad), s(&missing)]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains(s(&missing)), "{}", run.stderr);
    let lines = json_lines(&run.stdout);
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert_eq!(json_issues(&lines[0]), expected_error_triples());

    // A directory cannot be read as a document either.
    let run = pkit(&["validate", s(dir.path())]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains(s(dir.path())), "{}", run.stderr);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["validate"],
        vec!["frobnicate"],
        vec![],
        vec!["validate", "--format", "xml", "x.json"],
        vec!["report", "--format", "yaml"],
        vec!["generate"],
        vec!["generate", "--companies", "many"],
        vec!["schema", "extra"],
    ] {
        let run = pkit(&args);
        assert_eq!(run.code, Some(2), "`pkit {}`: {run:?}", args.join(" "));
        assert_eq!(run.stdout, "", "`pkit {}`", args.join(" "));
        assert!(
            !run.stderr.trim().is_empty(),
            "`pkit {}` says why on stderr",
            args.join(" ")
        );
    }
}

// 7. Not JSON.

#[test]
fn a_file_that_is_not_json_gives_one_invalid_json_line() {
    let dir = TempDir::new("not-json");
    dir.write("notes.json", "{\n  \"schema_version\": 1,\n  oops\n}\n");
    dir.write("empty.json", "");
    dir.write("prose.json", "This is not a registry.\n");

    let run = pkit_in(Some(dir.path()), &["validate", "notes.json"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stderr, "");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert!(
        lines[0].starts_with("notes.json:3:3: error invalid_json: "),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains("line 3"),
        "the message gives the line: {}",
        lines[0]
    );
    assert!(lines[0].contains("column"), "and the column: {}", lines[0]);

    for name in ["empty.json", "prose.json"] {
        let run = pkit_in(Some(dir.path()), &["validate", name]);
        assert_eq!(run.code, Some(1), "{run:?}");
        let lines: Vec<&str> = run.stdout.lines().collect();
        assert_eq!(lines.len(), 1, "{}", run.stdout);
        assert!(
            lines[0].starts_with(&format!("{name}:1:1: error invalid_json: ")),
            "{}",
            lines[0]
        );
    }

    let run = pkit_in(
        Some(dir.path()),
        &["validate", "--format", "json", "notes.json"],
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    let lines = json_lines(&run.stdout);
    assert_eq!(
        json_issues(&lines[0]),
        [(String::new(), "invalid_json".to_owned(), "error".to_owned())]
    );
}

// 8. `pkit schema`.

#[test]
fn schema_is_draft_2020_12_and_matches_the_committed_file() {
    let run = pkit(&["schema"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stderr, "");
    let printed: Value = serde_json::from_str(&run.stdout).expect("the schema is JSON");
    assert_eq!(
        printed["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let committed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas/registry.schema.json");
    let committed: Value =
        serde_json::from_str(&std::fs::read_to_string(committed).expect("the committed schema"))
            .expect("the committed schema is JSON");
    assert!(
        printed == committed,
        "`pkit schema` differs from schemas/registry.schema.json"
    );
}

// 9. `pkit generate`.

#[test]
fn generated_documents_validate_and_depend_only_on_the_seed() {
    let dir = TempDir::new("generate");
    let run = pkit(&["generate", "--companies", "50", "--seed", "3"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stderr, "");
    let doc: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc["companies"].as_array().map(Vec::len), Some(50));
    let file = dir.write("generated.json", &run.stdout);
    let check = pkit(&["validate", s(&file)]);
    assert_eq!(check.code, Some(0), "{check:?}");
    assert_eq!(check.stdout, "", "a generated document has no issue");
    assert_eq!(check.stderr, "");

    let again = pkit(&["generate", "--companies", "50", "--seed", "3"]);
    assert!(again.stdout == run.stdout, "the same seed, the same bytes");
    let other = pkit(&["generate", "--companies", "50", "--seed", "4"]);
    assert_eq!(other.code, Some(0), "{other:?}");
    assert!(other.stdout != run.stdout, "another seed, another document");

    let pretty = pkit(&["generate", "--companies", "50", "--seed", "3", "--pretty"]);
    assert_eq!(pretty.code, Some(0), "{pretty:?}");
    let pretty_doc: Value = serde_json::from_str(&pretty.stdout).expect("JSON");
    assert_eq!(pretty_doc, doc, "--pretty changes only the layout");
    let file = dir.write("pretty.json", &pretty.stdout);
    let check = pkit(&["validate", s(&file)]);
    assert_eq!(check.code, Some(0), "{check:?}");
    assert_eq!(check.stdout, "");
}

// 10. What users see on failure.

#[test]
fn failures_show_no_panic_and_no_debug_output() {
    let dir = TempDir::new("no-debug");
    dir.write_json("bad.json", &errors_doc().0);
    dir.write("notes.json", "not json {");
    let cases: [&[&str]; 11] = [
        &["validate", "missing.json"],
        &["validate", "--format", "json", "missing.json"],
        &["validate", "missing.json", "bad.json"],
        &["validate", "."],
        &["validate", "notes.json"],
        &["report", "missing.json"],
        &["report", "."],
        &["report", "bad.json"],
        &["report", "notes.json"],
        &["validate"],
        &["frobnicate"],
    ];
    for args in cases {
        let run = pkit_in(Some(dir.path()), args);
        assert_ne!(
            run.code,
            Some(0),
            "`pkit {}` fails: {run:?}",
            args.join(" ")
        );
        assert!(
            run.code == Some(1) || run.code == Some(2),
            "`pkit {}` exits 1 or 2, not by a signal or a panic: {run:?}",
            args.join(" ")
        );
        // `pkit_in` has already rejected panics and Debug output; a person still needs a word.
        if run.stdout.is_empty() {
            assert!(
                !run.stderr.trim().is_empty(),
                "`pkit {}` fails silently",
                args.join(" ")
            );
        }
    }
}

// Analytics in the report, the chart, CSV conversion.

#[test]
fn report_json_carries_the_analytics() {
    let run = pkit(&["report", "--format", "json"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let report: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let ten = report["targets"]
        .as_array()
        .expect("targets")
        .iter()
        .find(|t| t["id"] == "it-exports-10bn-2025")
        .expect("the 10bn target");
    assert_eq!(ten["status"], "missed");
    assert_eq!(ten["latest"]["value"], 3_810_000_000u64);
    let fy24 = report["ict_exports"]
        .as_array()
        .expect("ict_exports")
        .iter()
        .find(|y| y["fiscal_year"] == 2023)
        .expect("FY2023-24");
    let growth = fy24["growth_percent"].as_f64().expect("growth");
    assert!((growth - 24.3).abs() < 0.05, "{growth}");
    assert_eq!(
        report["certification_coverage"].as_array().map(Vec::len),
        Some(9)
    );
    assert!(report["top_exporters"]["companies"]
        .as_array()
        .is_some_and(|c| !c.is_empty()));
}

#[test]
fn report_text_has_the_analytics_sections() {
    let run = pkit(&["report"]);
    for section in [
        "ICT exports of Pakistan by fiscal year",
        "Targets",
        "Certification coverage on 2026-01-31",
        "Top exporters, FY2024-25",
        "Most awarded companies",
    ] {
        assert!(
            run.stdout.contains(section),
            "no {section:?} in\n{}",
            run.stdout
        );
    }
    assert!(run.stdout.contains("+24.3%"), "{}", run.stdout);
    let ten = run
        .stdout
        .lines()
        .find(|l| l.contains("it-exports-10bn-2025"))
        .expect("10bn line");
    assert!(ten.ends_with("missed"), "{ten}");
}

/// The chart is well-formed SVG with one bar per fiscal year of the sample's ICT exports.
#[test]
fn chart_has_one_bar_per_fiscal_year() {
    let tmp = TempDir::new("chart");
    let chart = tmp.path().join("exports.svg");
    let run = pkit(&["report", "--chart", s(&chart)]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let svg = std::fs::read_to_string(&chart).expect("the chart was written");
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let bars = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect"))
        .filter(|n| matches!(n.attribute("fill"), Some("#1F77B4" | "#9ECAE1")))
        .count();
    // FY2015-16 .. FY2024-25 complete, FY2025-26 partial; the legend adds one swatch.
    let fiscal_years = 11;
    assert_eq!(bars, fiscal_years + 1, "{svg}");
    let text: String = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(text.contains("USD billions"), "axis label");
    assert!(
        text.contains("FY2024-25") && text.contains("FY2029-30"),
        "fiscal-year labels up to the 2030 target"
    );
}

#[test]
fn report_has_the_promotion_section_with_claims_beside_the_records() {
    let run = pkit(&["report"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let line = |start: &str| {
        run.stdout
            .lines()
            .find(|l| l.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("no line {start:?} in\n{}", run.stdout))
            .split_whitespace()
            .collect::<Vec<_>>()
    };
    // initiative, FY, participants, leads, won/lost, binding, USD m, per $.
    assert_eq!(
        line("gitex-global-2023"),
        [
            "gitex-global-2023",
            "FY2023-24",
            "8",
            "8",
            "4/3",
            "4",
            "1.3",
            "2.16"
        ]
    );
    assert_eq!(
        line("SA "),
        ["SA", "3", "11", "75.0%", "10.3", "116667", "16.17"]
    );
    assert!(run
        .stdout
        .contains("9 MoUs and letters of intent: 4 followed, 4 not followed, 1 pending"));
    assert!(run
        .stdout
        .contains("leap-2022: 25 companies (Pakistan trade mission"));
    let claims = run
        .stdout
        .split("Claims beside the records")
        .nth(1)
        .expect("claims section");
    assert!(claims.contains("100,000,000 lead_value_usd"), "{claims}");
    assert!(
        claims.contains("the records: 3,900,000; claimed ÷ recorded 25.64"),
        "{claims}"
    );
}

#[test]
fn report_json_carries_the_promotion_analytics() {
    let run = pkit(&["report", "--format", "json"]);
    let report: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let p = &report["promotion"];
    assert_eq!(p["initiatives"].as_array().map(Vec::len), Some(10));
    assert_eq!(p["initiatives"][3]["initiative_id"], "gitex-global-2023");
    assert_eq!(
        p["initiatives"][3]["outcome"]["contracted_value_usd"],
        1_295_000
    );
    assert_eq!(p["by_host_country"][0]["label"], "SA");
    assert_eq!(p["by_counterparty_country"][0]["country"], "SA");
    assert_eq!(p["follow_through"]["followed"], 4);
    assert_eq!(p["participation_growth"].as_array().map(Vec::len), Some(9));
    assert_eq!(p["claims"][1]["recorded"], 3_900_000.0);
    // Headcounts are listed as reported, three for gitex-global-2024, never summed.
    let gitex = p["headcounts"]
        .as_array()
        .expect("headcounts")
        .iter()
        .find(|h| h["initiative_id"] == "gitex-global-2024")
        .expect("gitex-global-2024");
    let values: Vec<u64> = gitex["headcounts"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|h| h["value"].as_u64())
        .collect();
    assert_eq!(values, [24, 26, 80]);
}

/// The promotion chart names every initiative and draws its leads by stage and its
/// contracted value.
#[test]
fn promotion_chart_has_every_initiative() {
    let tmp = TempDir::new("promotion-chart");
    let chart = tmp.path().join("promotion.svg");
    let run = pkit(&["report", "--promotion-chart", s(&chart)]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let svg = std::fs::read_to_string(&chart).expect("the chart was written");
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let text: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.text())
        .map(str::trim)
        .collect();
    for initiative in pkit::Registry::sample().initiatives() {
        assert!(text.contains(&initiative.id.as_str()), "{}", initiative.id);
    }
    let count = |fill: &str| {
        doc.descendants()
            .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some(fill))
            .count()
    };
    // One bar per initiative for contracted value, and one per stage, plus a legend swatch.
    assert_eq!(count("#1F77B4"), 10);
    assert_eq!(count("#2CA02C"), 11);
    let empty = TempDir::new("promotion-chart-empty");
    let doc = empty.write_json("r.json", &valid_doc());
    let run = pkit(&[
        "report",
        s(&doc),
        "--promotion-chart",
        s(&empty.path().join("p.svg")),
    ]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("no initiatives"), "{run:?}");
}

#[test]
fn convert_json_to_csv_and_back_is_lossless() {
    let tmp = TempDir::new("convert");
    let json = tmp.path().join("sample.json");
    let csv = tmp.path().join("sample-csv");
    let back = tmp.path().join("back.json");
    let sample = pkit(&[
        "convert",
        "--to",
        "json",
        "--out",
        s(&json),
        "does-not-exist",
    ]);
    assert_eq!(sample.code, Some(2), "{sample:?}");
    // The sample as JSON, via the generator of a known document.
    std::fs::write(&json, pkit::Registry::sample().to_json_pretty()).expect("write");
    let run = pkit(&["convert", s(&json), "--to", "csv", "--out", s(&csv)]);
    assert_eq!(run.code, Some(0), "{run:?}");
    for file in [
        "registry.csv",
        "exports.csv",
        "leads.csv",
        "agreements.csv",
        "initiatives.csv",
        "participants.csv",
        "headcounts.csv",
        "claims.csv",
    ] {
        assert!(csv.join(file).exists(), "{file}");
    }
    let run = pkit(&["validate", s(&csv)]);
    assert_eq!(run.code, Some(0), "warnings only: {run:?}");
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    let run = pkit(&["convert", s(&csv), "--to", "json", "--out", s(&back)]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let original = pkit::Registry::from_path(&json).expect("loads");
    assert_eq!(pkit::Registry::from_path(&back).expect("loads"), original);
}

#[test]
fn validate_a_csv_directory_locates_issues() {
    let tmp = TempDir::new("csvdir");
    let dir = tmp.path().join("r");
    pkit::generate::synthetic(2, 1)
        .to_csv_dir(&dir)
        .expect("write");
    let companies = dir.join("companies.csv");
    let text = std::fs::read_to_string(&companies).expect("read");
    let founded = pkit::generate::synthetic(2, 1).companies()[0]
        .founded_on
        .expect("founded")
        .to_string();
    std::fs::write(&companies, text.replacen(&founded, "1/7/2015", 1)).expect("write");
    let run = pkit(&["validate", s(&dir)]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let line = run.stdout.lines().next().expect("an issue line");
    let want = format!(
        "{}/companies.csv:2:founded_on: error invalid_date: ",
        s(&dir)
    );
    assert!(line.starts_with(&want), "{line}");
    assert!(line.ends_with("(/companies/0/founded_on)"), "{line}");
    let run = pkit(&["validate", "--format", "json", s(&dir)]);
    let issue = &json_lines(&run.stdout)[0]["issues"][0];
    assert_eq!(issue["location"]["file"], "companies.csv");
    assert_eq!(issue["location"]["line"], 2);
    assert_eq!(issue["location"]["column"], "founded_on");
}

// ------------------------------------------------------------------------------ atomic writes

/// Every file under `dir` (recursively) with its bytes, by path relative to `dir`; hidden
/// leftovers of killed writers are left out.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            for (k, v) in snapshot(&path) {
                out.insert(format!("{name}/{k}"), v);
            }
        } else {
            out.insert(name, std::fs::read(&path).unwrap());
        }
    }
    out
}

/// The names in `dir` that are leftovers of a killed writer (`.NAME.pkit-tmp-…`).
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n.contains(".pkit-"))
        .collect()
}

/// How a test run is stopped.
#[derive(Debug, Clone, Copy)]
enum Kill {
    /// SIGKILL as soon as a temporary sibling of the target appears: mid-write.
    WhenWriting,
    /// SIGKILL after this long.
    After(std::time::Duration),
}

/// Runs `args` and kills the process as `kill` says (unless it ends first); true when it was
/// killed while a temporary sibling of the output existed.
fn run_and_kill(args: &[&str], out_dir: &Path, kill: Kill) -> bool {
    let mut child = Command::new(PKIT)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        let fire = match kill {
            Kill::WhenWriting => !leftovers(out_dir).is_empty(),
            Kill::After(t) => started.elapsed() >= t,
        };
        if fire {
            child.kill().unwrap();
            child.wait().unwrap();
            return !leftovers(out_dir).is_empty();
        }
        if matches!(kill, Kill::After(_)) {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert!(started.elapsed().as_secs() < 120, "pkit ran too long");
    }
}

/// The kills a test makes: several mid-write, then at moments spread over a whole run.
fn kills(full_run: std::time::Duration) -> Vec<Kill> {
    let mut kills = vec![Kill::WhenWriting; 4];
    kills.extend((0..8).map(|k| Kill::After(full_run * k / 8)));
    kills
}

/// A writer killed at any moment leaves the old JSON file whole or the new one whole, never a
/// truncated file; a finished write leaves no temporary file behind.
#[test]
fn a_killed_json_conversion_leaves_the_old_file_or_the_new_one() {
    let tmp = TempDir::new("kill-json");
    let dir = tmp.path();
    let input = dir.join("in.json");
    let run = pkit(&["generate", "--companies", "3000", "--seed", "5"]);
    std::fs::write(&input, &run.stdout).unwrap();
    let out_dir = dir.join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let target = out_dir.join("registry.json");
    // The old file: another registry's JSON.
    let old = pkit(&["generate", "--companies", "20", "--seed", "9", "--pretty"]).stdout;
    // The complete new file, and how long a whole run takes.
    let started = std::time::Instant::now();
    let args = ["convert", s(&input), "--to", "json", "--out", s(&target)];
    assert_eq!(pkit(&args).code, Some(0));
    let full_run = started.elapsed();
    let new = std::fs::read(&target).unwrap();
    assert_eq!(leftovers(&out_dir), Vec::<String>::new());
    let mut caught_mid_write = 0;
    for kill in kills(full_run) {
        std::fs::write(&target, &old).unwrap();
        let mid_write = run_and_kill(&args, &out_dir, kill);
        let now = std::fs::read(&target).unwrap();
        assert!(
            now == old.as_bytes() || now == new,
            "{kill:?}: the target is neither the old file nor the new one ({} bytes)",
            now.len()
        );
        for name in leftovers(&out_dir) {
            assert!(name.starts_with(".registry.json.pkit-tmp-"), "{name}");
            std::fs::remove_file(out_dir.join(name)).unwrap();
        }
        caught_mid_write += usize::from(mid_write);
    }
    // The test saw the window it is about.
    assert!(
        caught_mid_write > 0,
        "no kill landed while the file was written"
    );
}

/// The same for a CSV directory: killed at any moment, the target directory holds exactly
/// the old files or exactly the new ones.
#[test]
fn a_killed_csv_conversion_leaves_the_old_directory_or_the_new_one() {
    let tmp = TempDir::new("kill-csv");
    let dir = tmp.path();
    let input = dir.join("in.json");
    let run = pkit(&["generate", "--companies", "3000", "--seed", "6"]);
    std::fs::write(&input, &run.stdout).unwrap();
    let out_dir = dir.join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let target = out_dir.join("registry-csv");
    // The old directory: the CSV form of another registry.
    let other = tmp.write(
        "other.json",
        &pkit(&["generate", "--companies", "20", "--seed", "9"]).stdout,
    );
    let old_dir = dir.join("old-csv");
    assert_eq!(
        pkit(&["convert", s(&other), "--to", "csv", "--out", s(&old_dir)]).code,
        Some(0)
    );
    let old = snapshot(&old_dir);
    let started = std::time::Instant::now();
    let args = ["convert", s(&input), "--to", "csv", "--out", s(&target)];
    assert_eq!(pkit(&args).code, Some(0));
    let full_run = started.elapsed();
    let new = snapshot(&target);
    assert_ne!(old, new);
    assert_eq!(leftovers(&out_dir), Vec::<String>::new());
    let mut caught_mid_write = 0;
    for kill in kills(full_run) {
        let _ = std::fs::remove_dir_all(&target);
        std::fs::create_dir(&target).unwrap();
        for (name, bytes) in &old {
            std::fs::write(target.join(name), bytes).unwrap();
        }
        let mid_write = run_and_kill(&args, &out_dir, kill);
        let now = snapshot(&target);
        assert!(
            now == old || now == new,
            "{kill:?}: the directory is neither the old one nor the new one: {:?}",
            now.keys().collect::<Vec<_>>()
        );
        for name in leftovers(&out_dir) {
            assert!(name.starts_with(".registry-csv.pkit-"), "{name}");
            let path = out_dir.join(name);
            let _ = std::fs::remove_dir_all(&path);
            let _ = std::fs::remove_file(&path);
        }
        caught_mid_write += usize::from(mid_write);
    }
    assert!(
        caught_mid_write > 0,
        "no kill landed while the files were written"
    );
}

/// `--out` never deletes what pkit did not write: a file, or a directory with other files.
#[test]
fn convert_refuses_to_replace_what_is_not_a_csv_registry() {
    let tmp = TempDir::new("refuse");
    let dir = tmp.path();
    let precious = tmp.write("notes.txt", "keep me");
    let input = tmp.write("in.json", &pkit(&["generate", "--companies", "2"]).stdout);
    let run = pkit(&["convert", s(&input), "--to", "csv", "--out", s(&precious)]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("not a directory"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "keep me");
    let run = pkit(&["convert", s(&input), "--to", "csv", "--out", s(dir)]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("no registry.csv"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "keep me");
    // An empty directory and an existing CSV registry are replaced.
    let empty = dir.join("empty");
    std::fs::create_dir(&empty).unwrap();
    for _ in 0..2 {
        let run = pkit(&["convert", s(&input), "--to", "csv", "--out", s(&empty)]);
        assert_eq!(run.code, Some(0), "{run:?}");
    }
    assert!(empty.join("registry.csv").is_file());
    assert_eq!(leftovers(dir), Vec::<String>::new());
}
