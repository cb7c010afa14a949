//! What fuzzing found, kept in the stable test suite.
//!
//! The fuzz targets (`fuzz/`, cargo-fuzz) check their invariants in `fuzz/src/checks.rs`; this
//! file includes that same file, so every `cargo test` replays the committed corpus of each
//! target through exactly the fuzzers' checks, without cargo-fuzz or a nightly feature. Each
//! crash a target found is a test of its own below, next to the fix in the core.

#[path = "../../../fuzz/src/checks.rs"]
mod checks;

use std::path::PathBuf;

/// Runs `check` on every file of `fuzz/corpus/<target>`.
fn replay(target: &str, check: fn(&[u8])) {
    let dir: PathBuf = crate::repo_root().join("fuzz/corpus").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus for {target}");
    for file in files {
        let data = std::fs::read(&file).unwrap();
        let caught = std::panic::catch_unwind(|| check(&data));
        assert!(
            caught.is_ok(),
            "{target}: {} breaks an invariant",
            file.display()
        );
    }
}

#[test]
fn json_corpus_keeps_the_invariants() {
    replay("json", checks::json);
}

#[test]
fn csv_corpus_keeps_the_invariants() {
    replay("csv", checks::csv);
}

#[test]
fn period_corpus_keeps_the_invariants() {
    replay("period", checks::period);
}

#[test]
fn date_corpus_keeps_the_invariants() {
    replay("date", checks::date);
}

#[test]
fn identifiers_corpus_keeps_the_invariants() {
    replay("identifiers", checks::identifiers);
}

/// Found by the `csv` target (a false alarm of the check, not a bug of the core): the sample
/// with one misspelt APICTA category has three warnings, which CSV lists by file and line
/// (certifications.csv before awards.csv) and JSON in document order. Same issues, another
/// order, as docs/decisions.md says; the check now compares them as sets.
#[test]
fn csv_and_json_order_the_same_warnings_differently() {
    let mut files = pkit::Registry::sample().to_csv_files();
    let awards = files
        .iter_mut()
        .find(|(name, _)| name == "awards.csv")
        .unwrap();
    awards.1 = awards
        .1
        .replacen(",financial_applications,", ",finansial_applications,", 1);
    let from_csv = pkit::Registry::from_csv_files(&files).unwrap();
    let from_json = pkit::Registry::from_json(&from_csv.to_json()).unwrap();
    let codes =
        |r: &pkit::Registry| -> Vec<pkit::Code> { r.warnings().iter().map(|w| w.code).collect() };
    use pkit::Code::{BeyondTransition, EditionWithdrawn, UnknownCategory};
    assert_eq!(
        codes(&from_csv),
        [BeyondTransition, EditionWithdrawn, UnknownCategory]
    );
    assert_eq!(
        codes(&from_json),
        [UnknownCategory, BeyondTransition, EditionWithdrawn]
    );
    // The fuzz check itself, on the framed files (not `datapackage.json`, which the reader
    // ignores and the fuzz target does not name).
    let mut framed = Vec::new();
    for (name, text) in files.iter().filter(|(name, _)| name != "datapackage.json") {
        let selector = checks::CSV_NAMES.iter().position(|n| n == name).unwrap();
        if !framed.is_empty() {
            framed.push(0xFF);
        }
        framed.push(b'0' + u8::try_from(selector).unwrap());
        framed.extend_from_slice(text.as_bytes());
    }
    checks::csv(&framed);
}
