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

// ------------------------------------------------------------------------------ timing

/// Runs `f`, fails if it takes longer than `seconds` (a bound far above the measured time, to
/// catch a quadratic path, not to benchmark), and returns its result.
/// How many issues of `code` the report has.
fn count(report: &pkit::Report, code: Code) -> usize {
    report.issues().iter().filter(|i| i.code == code).count()
}

fn quickly<T>(what: &str, seconds: u64, f: impl FnOnce() -> T) -> T {
    let started = std::time::Instant::now();
    let out = f();
    let took = started.elapsed();
    // Shown with `--nocapture`.
    eprintln!("{what}: {took:?}");
    assert!(
        took.as_secs() < seconds,
        "{what} took {took:?}, more than {seconds} s"
    );
    out
}

/// The pathological inputs of issue 6, each refused quickly with the spec's code.
#[test]
fn pathological_json_is_refused_quickly_with_the_specs_codes() {
    let brackets = "[".repeat(100_000);
    let report = quickly("100,000 [", 2, || pkit::validate(&brackets));
    assert!(only_limit(&report), "{report}");
    let long = format!(
        r#"{{"schema_version": 1, "as_of": "2024-06-30", "$schema": "{}"}}"#,
        "a".repeat(Limits::SPEC.max_string_bytes + 1)
    );
    let report = quickly("a string past the limit", 2, || pkit::validate(&long));
    assert!(only_limit(&report), "{report}");
    // An unterminated string past the limit: limit_exceeded, not invalid_json.
    let open = format!(
        r#"{{"as_of": "{}"#,
        "a".repeat(Limits::SPEC.max_string_bytes + 1)
    );
    let report = quickly("an unterminated long string", 2, || pkit::validate(&open));
    assert!(only_limit(&report), "{report}");
    let mut dupes = String::from(r#"{"schema_version": 1, "as_of": "2024-06-30", "targets": []"#);
    for _ in 0..100_000 {
        dupes.push_str(r#", "targets": [{"id": "x"}]"#);
    }
    dupes.push('}');
    let report = quickly("100,000 duplicate keys", 5, || pkit::validate(&dupes));
    assert_eq!(report.len(), 100_000);
    assert!(report
        .issues()
        .iter()
        .all(|i| i.code == Code::DuplicateKey && i.path == "/targets"));
    // Unknown keys by the hundred thousand, repeated: one issue each, no quadratic search.
    let mut unknown = String::from(r#"{"schema_version": 1, "as_of": "2024-06-30""#);
    for i in 0..100_000 {
        unknown.push_str(&format!(r#", "k{}": 1"#, i % 50_000));
    }
    unknown.push('}');
    let report = quickly("100,000 unknown keys", 5, || pkit::validate(&unknown));
    assert_eq!(report.len(), 100_000);
    assert_eq!(count(&report, Code::DuplicateKey), 50_000);
}

// ------------------------------------------------------------------------------ CSV

/// A CSV directory of the sample in a fresh temporary directory.
fn csv_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pkit-limits-csv-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    Registry::sample().to_csv_dir(&dir).unwrap();
    dir
}

fn only_csv_limit(dir: &std::path::Path, file: &str) -> bool {
    let report = pkit::csv::validate_dir(dir).unwrap();
    let err = Registry::from_csv_dir(dir).unwrap_err();
    matches!(err, pkit::Error::LimitExceeded(_))
        && matches!(report.issues(), [only] if only.code == Code::LimitExceeded
            && only.path.is_empty()
            && only.location.as_ref().is_some_and(|l| l.file.as_deref() == Some(file)))
}

/// The size limit counts every file of the directory together; a file over it is refused
/// from its metadata (a sparse file: nothing is read).
#[test]
fn an_oversized_csv_directory_is_refused() {
    let dir = csv_dir("size");
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(dir.join("rankings.csv"))
        .unwrap();
    file.set_len(Limits::SPEC.max_bytes + 1).unwrap();
    drop(file);
    let refused = quickly("a 256 MiB CSV file", 2, || {
        only_csv_limit(&dir, "rankings.csv")
    });
    // Together: each file fits, the directory does not.
    let small = Limits {
        max_bytes: 2_000,
        ..Limits::default()
    };
    let dir2 = csv_dir("size-together");
    let together = Registry::from_csv_dir_with(&dir2, &small);
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&dir2).unwrap();
    assert!(refused);
    assert!(
        matches!(together, Err(pkit::Error::LimitExceeded(_))),
        "{together:?}"
    );
}

/// A cell (or a header cell) longer than the string limit is `limit_exceeded`, located at its
/// file; a cell at the limit is read.
#[test]
fn a_csv_cell_past_the_string_limit_is_refused() {
    let max = Limits::SPEC.max_string_bytes;
    let dir = csv_dir("cell");
    let notes = |n: usize| {
        format!(
            "indicator,period,value,source_publisher,note\r\nict_exports,FY2023-24,5,SBP,{}\r\n",
            "a".repeat(n)
        )
    };
    std::fs::write(dir.join("observations.csv"), notes(max + 1)).unwrap();
    let refused = only_csv_limit(&dir, "observations.csv");
    std::fs::write(dir.join("observations.csv"), notes(max)).unwrap();
    // At the limit the cell is read, and the note's own rule (≤ 2000 characters) reports it.
    let at_limit = pkit::csv::validate_dir(&dir).unwrap();
    // A header cell past the limit.
    std::fs::write(
        dir.join("rankings.csv"),
        format!("index,{}\r\n", "h".repeat(max + 1)),
    )
    .unwrap();
    let header = only_csv_limit(&dir, "rankings.csv");
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(refused);
    assert!(
        at_limit
            .issues()
            .iter()
            .any(|i| i.code == Code::TextTooLong),
        "{at_limit}"
    );
    assert!(at_limit
        .issues()
        .iter()
        .all(|i| i.code != Code::LimitExceeded));
    assert!(header);
}

/// Pathological CSV: 100,000 repeated columns, 100,000 cells in a row, 100,001 quotes.
#[test]
fn pathological_csv_is_refused_quickly() {
    let dir = csv_dir("patho");
    let path = dir.join("offices.csv");
    let validate = |what: &str, offices: String| {
        std::fs::write(&path, offices).unwrap();
        quickly(what, 5, || pkit::csv::validate_dir(&dir).unwrap())
    };
    let report = validate(
        "100,000 repeated columns",
        format!("company_id{}\r\n", ",country".repeat(100_000)),
    );
    assert_eq!(count(&report, Code::DuplicateKey), 99_999);
    let report = validate(
        "a row of 100,000 cells",
        format!("company_id,country,city\r\nx{}\r\n", ",PK".repeat(100_000)),
    );
    assert!(report.issues().iter().any(|i| i.code == Code::UnknownField));
    // An odd number of quotes leaves a quoted cell open to the end of the file: broken CSV,
    // `invalid_json` at the line where it opens (the csv crate alone would read one huge cell).
    let report = validate("100,001 quotes", "\"".repeat(100_001));
    std::fs::remove_dir_all(&dir).unwrap();
    let codes: Vec<_> = report.errors().map(|i| i.code).collect();
    assert_eq!(codes, [Code::InvalidJson]);
    let location = report.issues()[0]
        .location
        .as_ref()
        .map(ToString::to_string);
    assert_eq!(location.as_deref(), Some("offices.csv:1"));
}

#[test]
fn size_limits_are_inclusive() {
    let text = r#"{"schema_version": 1, "as_of": "2024-06-30"}"#;
    let exact = Limits {
        max_bytes: text.len() as u64,
        ..Limits::default()
    };
    assert!(pkit::validate_with(text, &exact).is_empty());
    let under = Limits {
        max_bytes: text.len() as u64 - 1,
        ..Limits::default()
    };
    assert_eq!(
        pkit::validate_with(text, &under).issues()[0].code,
        Code::LimitExceeded
    );
    // Exactly the spec's 256 MiB of bytes is read (and is not JSON); one more is too large.
    let mut bytes = vec![b' '; usize::try_from(Limits::SPEC.max_bytes).unwrap()];
    let codes = |r: pkit::Report| r.issues().iter().map(|i| i.code).collect::<Vec<_>>();
    assert_eq!(codes(pkit::validate_bytes(&bytes)), [Code::InvalidJson]);
    bytes.push(b' ');
    assert_eq!(codes(pkit::validate_bytes(&bytes)), [Code::LimitExceeded]);
}

#[test]
fn validate_path_reports_the_content_and_fails_only_on_io() {
    let dir = std::env::temp_dir().join(format!("pkit-validate-path-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.json");
    std::fs::write(&file, r#"{"schema_version": 1, "as_of": "2024-02-30"}"#).unwrap();
    let report = pkit::validate_path(&file).unwrap();
    assert_eq!(report.issues()[0].code, Code::InvalidDate);
    let sample = dir.join("sample.json");
    std::fs::write(&sample, Registry::sample().to_json()).unwrap();
    assert_eq!(
        crate::roundtrip::unplaced(pkit::validate_path(&sample).unwrap().issues()),
        crate::roundtrip::unplaced(Registry::sample().warnings())
    );
    let csv = dir.join("csv");
    Registry::sample().to_csv_dir(&csv).unwrap();
    assert_eq!(pkit::validate_path(&csv).unwrap().len(), 2);
    assert!(matches!(
        pkit::validate_path(dir.join("missing.json")),
        Err(pkit::Error::Io { .. })
    ));
    std::fs::remove_dir_all(&dir).unwrap();
}
