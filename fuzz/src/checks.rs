//! The invariants the fuzz targets check, one function per target.
//!
//! Each function takes the fuzzer's bytes and panics (with `assert!`) when an invariant of pkit
//! breaks; it returns quietly for any input that keeps them. The fuzz targets
//! (`fuzz/fuzz_targets/*.rs`) and the core's stable test `tests/fuzz_regressions.rs` include
//! this one file with `#[path]`, so the committed corpus replays through exactly these checks
//! in every `cargo test`, without cargo-fuzz. It may use only `std`, `pkit` and `serde_json`
//! (a dependency of pkit, so the core's tests have it too).
//!
//! Independent oracles (the calendar rule, the period list, the MOD 97-10 arithmetic, the
//! slug grammar, ...) are written here from SPEC.md, not taken from the core.

use std::collections::HashSet;
use std::sync::OnceLock;

use pkit::value::{Date, Period, PeriodForm};
use pkit::{Code, Issue, Registry, Report, Severity};

// ------------------------------------------------------------------------------------ issues

/// Checks what every report must satisfy, whatever the input (SPEC §2).
fn check_report(report: &Report) {
    for issue in report.issues() {
        check_issue(issue);
    }
    // Some issues stand alone (SPEC §2.1, "which issue stands alone").
    for issue in report.issues() {
        let alone = matches!(
            issue.code,
            Code::LimitExceeded | Code::InvalidJson | Code::UnsupportedVersion
        ) || (issue.code == Code::InvalidType && issue.path.is_empty());
        if alone {
            assert_eq!(report.len(), 1, "{} must stand alone: {report}", issue.code);
        }
        if matches!(issue.code, Code::LimitExceeded | Code::InvalidJson) {
            assert_eq!(issue.path, "", "{issue}");
        }
    }
}

fn check_issue(issue: &Issue) {
    assert_eq!(issue.severity, issue.code.severity(), "{issue}");
    let warning = matches!(
        issue.code,
        Code::BeyondTransition
            | Code::EditionWithdrawn
            | Code::UnknownCategory
            | Code::InconsistentTotal
            | Code::OutsideAttributionWindow
            | Code::DomesticCounterparty
            | Code::ValueOnNonBinding
    );
    assert_eq!(issue.severity == Severity::Warning, warning, "{issue}");
    assert_eq!(issue.code.as_str().parse::<Code>().ok(), Some(issue.code));
    check_pointer(&issue.path);
    assert!(!issue.message.is_empty(), "{issue:?}");
    assert!(
        !issue.message.chars().any(char::is_control),
        "a message is one line: {:?}",
        issue.message
    );
}

/// An RFC 6901 JSON Pointer: empty, or `/`-separated tokens where `~` is always `~0` or `~1`;
/// and [`Issue::segments`] gives it back when re-escaped.
fn check_pointer(path: &str) {
    if path.is_empty() {
        return;
    }
    assert!(path.starts_with('/'), "not a JSON Pointer: {path:?}");
    let bytes = path.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'~' {
            assert!(
                matches!(bytes.get(i + 1), Some(b'0' | b'1')),
                "a bad ~ escape in {path:?}"
            );
        }
    }
    let issue = Issue::new(Code::InvalidType, path, "x");
    let rebuilt: String = issue
        .segments()
        .iter()
        .map(|s| format!("/{}", s.to_string().replace('~', "~0").replace('/', "~1")))
        .collect();
    assert_eq!(rebuilt, path, "segments() does not give the path back");
}

/// Every issue's path names a value of the document, or (for a missing field) an object
/// that lacks it. `doc` is the document as serde_json reads it (the last of repeated keys
/// wins there, but every key is present).
fn check_paths_resolve(report: &Report, doc: &serde_json::Value) {
    if report.issues().iter().any(|i| i.code == Code::DuplicateKey) {
        // pkit reads the first of repeated keys, serde_json keeps the last: the two
        // documents differ.
        return;
    }
    for issue in report.issues() {
        let found = doc.pointer(&issue.path);
        if issue.code == Code::MissingField {
            let (parent, key) = issue.path.rsplit_once('/').unwrap_or(("", ""));
            let parent = doc.pointer(parent);
            assert!(
                parent.is_some_and(serde_json::Value::is_object),
                "the parent of a missing field is no object: {issue}"
            );
            let key = key.replace("~1", "/").replace("~0", "~");
            let present = parent.and_then(|p| p.get(&key));
            assert!(
                present.is_none_or(serde_json::Value::is_null),
                "a missing field is there: {issue}"
            );
        } else {
            assert!(found.is_some(), "the path names no value: {issue}");
        }
    }
}

/// A valid registry's round trips: JSON is lossless and a fixed point; CSV is lossless.
fn check_round_trips(registry: &Registry) {
    let json = registry.to_json();
    let back = match Registry::from_json(&json) {
        Ok(back) => back,
        Err(e) => panic!("to_json of a valid registry does not load: {e}\n{json}"),
    };
    assert_eq!(&back, registry, "JSON round trip");
    assert_eq!(back.to_json(), json, "to_json is not a fixed point");
    // The same (path, code) pairs: CSV sorts its issues by file and line (decisions.md), JSON
    // by position in the document, so the order may differ.
    let same_issues = |a: &[Issue], b: &[Issue]| {
        let keys = |issues: &[Issue]| {
            let mut keys: Vec<(String, Code)> =
                issues.iter().map(|i| (i.path.clone(), i.code)).collect();
            keys.sort();
            keys
        };
        keys(a) == keys(b)
    };
    assert!(
        same_issues(back.warnings(), registry.warnings()),
        "the warnings changed in the JSON round trip: {:?} vs {:?}",
        back.warnings(),
        registry.warnings()
    );
    let files = registry.to_csv_files();
    match Registry::from_csv_files(&files) {
        Ok(from_csv) => {
            assert_eq!(&from_csv, registry, "CSV round trip");
            assert!(
                same_issues(from_csv.warnings(), registry.warnings()),
                "the warnings changed in the CSV round trip"
            );
        }
        Err(e) => panic!("to_csv_files of a valid registry does not load: {e}\n{files:?}"),
    }
}

// -------------------------------------------------------------------------------------- json

/// Every located issue of a JSON text is inside it: its line exists, its column is at most one
/// past the line's last character, and its input (if any) is the text from there.
fn check_places(text: &str, report: &Report) {
    let lines: Vec<&str> = text.split('\n').collect();
    for issue in report.issues() {
        let Some(at) = &issue.location else {
            assert!(
                issue.code == Code::LimitExceeded || issue.input.is_none(),
                "{issue} has an input but no place"
            );
            continue;
        };
        assert!(at.file.is_none(), "{issue}: a JSON issue placed in a file");
        let line = usize::try_from(at.line).unwrap_or(usize::MAX);
        assert!(
            (1..=lines.len()).contains(&line),
            "{issue}: line {line} of {}",
            lines.len()
        );
        let Some(pkit::issue::LocationColumn::Char(column)) = at.column else {
            panic!("{issue}: a JSON issue without a character column");
        };
        let column = usize::try_from(column).unwrap_or(usize::MAX);
        let chars = lines[line - 1].chars().count();
        assert!(
            (1..=chars + 1).contains(&column),
            "{issue}: column {column} of {chars}"
        );
        if let Some(input) = &issue.input {
            let start: usize = lines[..line - 1].iter().map(|l| l.len() + 1).sum::<usize>()
                + lines[line - 1]
                    .char_indices()
                    .nth(column - 1)
                    .map_or(lines[line - 1].len(), |(i, _)| i);
            assert!(
                text[start..].starts_with(input.as_str()),
                "{issue}: input {input}"
            );
        }
    }
}

/// The JSON loader: `validate_bytes` on any bytes.
///
/// - the report is well formed ([`check_report`]);
/// - `Registry::from_json` agrees with it (valid exactly when the report has no error, the
///   same issues otherwise, the same warnings when valid): as both run the same validation,
///   this also checks that validation is deterministic;
/// - a valid document round-trips through JSON and CSV;
/// - when serde_json can read the text, every path resolves in it;
/// - every issue's line and column are in the text, and its input is the text there.
pub fn json(data: &[u8]) {
    let report = pkit::validate_bytes(data);
    check_report(&report);
    let Ok(text) = std::str::from_utf8(data) else {
        assert_eq!(report.issues()[0].code, Code::InvalidJson);
        return;
    };
    check_places(text, &report);
    match Registry::from_json(text) {
        Ok(registry) => {
            assert!(
                report.is_valid(),
                "loaded, but the report has errors: {report}"
            );
            assert_eq!(registry.warnings(), report.issues());
            check_round_trips(&registry);
        }
        Err(pkit::Error::Invalid(invalid)) => {
            assert!(!invalid.is_valid());
            assert_eq!(invalid, report);
        }
        Err(pkit::Error::LimitExceeded(_)) => {
            assert_eq!(report.len(), 1);
            assert_eq!(report.issues()[0].code, Code::LimitExceeded);
        }
        Err(e) => panic!("from_json gave an I/O error: {e}"),
    }
    if let Ok(doc) = serde_json::from_str::<serde_json::Value>(text) {
        check_paths_resolve(&report, &doc);
    }
}

// --------------------------------------------------------------------------------------- csv

/// The files the `csv` target's input is split into. The input is cut at every `0xFF` byte
/// (never part of UTF-8 text); each piece's first byte picks the name (`(byte - b'0') % 18`,
/// so `0`..`9` and then `:`, `;`, `<`, ... pick them in order), the rest is the file's
/// contents.
pub const CSV_NAMES: [&str; 18] = [
    "registry.csv",
    "companies.csv",
    "offices.csv",
    "certifications.csv",
    "awards.csv",
    "exports.csv",
    "leads.csv",
    "agreements.csv",
    "observations.csv",
    "targets.csv",
    "rankings.csv",
    "initiatives.csv",
    "participants.csv",
    "headcounts.csv",
    "claims.csv",
    "notes.csv",     // an unknown file
    "README.txt",    // not a CSV file: ignored
    "Companies.CSV", // names match exactly: an unknown file
];

/// The files of a `csv` input.
pub fn csv_files(data: &[u8]) -> Vec<(&'static str, &[u8])> {
    data.split(|&b| b == 0xFF)
        .filter_map(|piece| {
            let (&selector, contents) = piece.split_first()?;
            let k = usize::from(selector.wrapping_sub(b'0')) % CSV_NAMES.len();
            Some((CSV_NAMES[k], contents))
        })
        .collect()
}

/// The CSV loader: `Registry::from_csv_files` on a few named files.
///
/// - `csv::validate_files` agrees with it (which also shows reading is deterministic);
/// - without `registry.csv` both fail with an I/O error, and only then;
/// - every issue is well formed, and its CSV location (when it has one) names a given file
///   and a line that file has (or the one after its last);
/// - a valid registry round-trips through JSON and CSV.
pub fn csv(data: &[u8]) {
    let files = csv_files(data);
    let has_registry = files.iter().any(|(n, _)| *n == pkit::csv::REGISTRY_FILE);
    let report = pkit::csv::validate_files(&files);
    let loaded = Registry::from_csv_files(&files);
    let report = match report {
        Ok(report) => report,
        Err(pkit::Error::Io { .. }) => {
            assert!(!has_registry, "an I/O error from memory");
            assert!(matches!(loaded, Err(pkit::Error::Io { .. })));
            return;
        }
        Err(e) => panic!("validate_files failed: {e}"),
    };
    assert!(has_registry, "no registry.csv, yet no error");
    for issue in report.issues() {
        check_issue(issue);
        if let Some(at) = &issue.location {
            let Some((_, contents)) = files.iter().find(|(n, _)| Some(*n) == at.file.as_deref())
            else {
                panic!("located in a file that was not given: {issue}");
            };
            let lines = contents.iter().filter(|&&b| b == b'\n').count() as u64;
            assert!(
                (1..=lines + 2).contains(&at.line),
                "line {} of a file of {lines} line feeds: {issue}",
                at.line
            );
        }
    }
    match loaded {
        Ok(registry) => {
            assert!(
                report.is_valid(),
                "loaded, but the report has errors: {report}"
            );
            assert_eq!(registry.warnings(), report.issues());
            check_round_trips(&registry);
        }
        Err(pkit::Error::Invalid(invalid)) => {
            assert!(!invalid.is_valid());
            assert_eq!(invalid, report);
        }
        Err(pkit::Error::LimitExceeded(_)) => {
            assert_eq!(report.len(), 1);
            assert_eq!(report.issues()[0].code, Code::LimitExceeded);
        }
        Err(e) => panic!("from_csv_files gave an I/O error with registry.csv given: {e}"),
    }
}

// ------------------------------------------------------------------------------------ period

/// Every valid period's text, listed from SPEC §1.2 and the day range 1900..=2100.
fn all_periods() -> &'static HashSet<String> {
    static ALL: OnceLock<HashSet<String>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all = HashSet::new();
        for y in 1900..=2100 {
            all.insert(format!("{y}"));
            for m in 1..=12 {
                all.insert(format!("{y}-{m:02}"));
            }
            for q in 1..=4 {
                all.insert(format!("{y}-Q{q}"));
            }
        }
        for start in 1899..=2100 {
            let name = format!("FY{start}-{:02}", (start + 1) % 100);
            // Q1 and Q2 lie in `start`, Q3 and Q4 in the year after.
            let in_range = |year: i32| (1900..=2100).contains(&year);
            if in_range(start) && in_range(start + 1) {
                all.insert(name.clone());
            }
            for q in 1..=4 {
                if in_range(if q <= 2 { start } else { start + 1 }) {
                    all.insert(format!("{name}-Q{q}"));
                }
            }
        }
        all
    })
}

fn check_period(s: &str) -> Option<Period> {
    let parsed = s.parse::<Period>();
    assert_eq!(
        parsed.is_ok(),
        all_periods().contains(s),
        "{s:?}: {parsed:?}"
    );
    let p = match parsed {
        Ok(p) => p,
        Err(e) => {
            assert_eq!(e.code(), Code::InvalidPeriod);
            return None;
        }
    };
    // The text form is canonical: printing gives the input back, and it parses again.
    assert_eq!(p.to_string(), s);
    assert_eq!(p.to_string().parse::<Period>().ok(), Some(p));
    let (first, last) = (p.first_day(), p.last_day());
    assert!(
        Date::MIN <= first && first <= last && last <= Date::MAX,
        "{s}"
    );
    let days = first.days_until(last) + 1;
    let expected = match p.form() {
        PeriodForm::FiscalYear | PeriodForm::CalendarYear => 365..=366,
        PeriodForm::FiscalQuarter | PeriodForm::CalendarQuarter => 90..=92,
        PeriodForm::Month => 28..=31,
    };
    assert!(expected.contains(&days), "{s} covers {days} days");
    assert!(p.contains(p) && p.overlaps(p));
    assert_eq!(Period::parse_form(s, &[p.form()]).ok(), Some(p));
    let others: Vec<PeriodForm> = PeriodForm::ALL
        .into_iter()
        .filter(|f| *f != p.form())
        .collect();
    let wrong_form = Period::parse_form(s, &others);
    assert_eq!(wrong_form.map_err(|e| e.code()), Err(Code::InvalidPeriod));
    // Every period but a calendar year lies within one fiscal year (1 July – 30 June).
    match p.fiscal_year() {
        Some(fy) => {
            assert!(Period::FiscalYear(fy).contains(p), "{s} not in FY {fy}");
            let fy_first = Date::new(fy, 7, 1);
            assert!(fy_first.is_none_or(|d| d <= first), "{s}");
        }
        None => assert_eq!(p.form(), PeriodForm::CalendarYear, "{s}"),
    }
    Some(p)
}

/// The period parser: any text (`|` separates two periods).
///
/// - a text parses exactly when it is in the list of valid periods built from the spec;
/// - a period prints back to its text, its days lie in 1900..=2100 and number what its form
///   says, `parse_form` accepts its form only, it lies in its fiscal year;
/// - for two periods, `contains` and `overlaps` agree with their first and last days.
pub fn period(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    check_period(s);
    let mut parts = s.splitn(2, '|');
    let (Some(a), Some(b)) = (parts.next(), parts.next()) else {
        return;
    };
    let (Some(a), Some(b)) = (check_period(a), check_period(b)) else {
        return;
    };
    let (a0, a1, b0, b1) = (a.first_day(), a.last_day(), b.first_day(), b.last_day());
    assert_eq!(a.contains(b), a0 <= b0 && b1 <= a1, "{a} contains {b}");
    assert_eq!(a.overlaps(b), a0 <= b1 && b0 <= a1, "{a} overlaps {b}");
    assert_eq!(a.overlaps(b), b.overlaps(a));
    assert_eq!(a == b, a0 == b0 && a1 == b1 && a.form() == b.form());
}

// -------------------------------------------------------------------------------------- date

/// The calendar rule of SPEC §1.1, written out: `YYYY-MM-DD`, ASCII digits, a real Gregorian
/// date, year 1900..=2100.
fn date_oracle(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let mut n = 0;
        for &c in &b[range] {
            if !c.is_ascii_digit() {
                return None;
            }
            n = n * 10 + u32::from(c - b'0');
        }
        Some(n)
    };
    let (y, m, d) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days_in_month = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1900..=2100).contains(&y) && (1..=days_in_month).contains(&d))
        .then(|| (i32::try_from(y).unwrap_or(0), m, d))
}

fn check_date(s: &str) -> Option<Date> {
    let parsed = s.parse::<Date>();
    let oracle = date_oracle(s);
    assert_eq!(parsed.is_ok(), oracle.is_some(), "{s:?}: {parsed:?}");
    let date = match parsed {
        Ok(date) => date,
        Err(e) => {
            assert_eq!(e.code(), Code::InvalidDate);
            return None;
        }
    };
    assert_eq!(Some((date.year(), date.month(), date.day())), oracle);
    assert_eq!(date.to_string(), s);
    assert_eq!(Date::new(date.year(), date.month(), date.day()), Some(date));
    assert!(Date::MIN <= date && date <= Date::MAX);
    let next = date.add_days(1);
    assert_eq!(date.days_until(next), 1);
    assert_eq!(next.add_days(-1), date);
    let year_later = date.add_years(1);
    assert_eq!(year_later.year(), date.year() + 1);
    assert_eq!(year_later.month(), date.month());
    let feb29 = (date.month(), date.day()) == (2, 29);
    assert_eq!(year_later.day(), if feb29 { 28 } else { date.day() }, "{s}");
    Some(date)
}

/// The date parser: any text (`|` separates two dates).
///
/// - a text parses exactly when the calendar rule written here accepts it, with the same
///   year, month and day;
/// - a date prints back to its text; `Date::new` agrees; a day later and back is the same
///   date; a year later keeps the month and day (29 February becomes 28 February);
/// - for two dates, order agrees with the order of their texts, and `days_until` with
///   `add_days`.
pub fn date(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    check_date(s);
    let mut parts = s.splitn(2, '|');
    let (Some(sa), Some(sb)) = (parts.next(), parts.next()) else {
        return;
    };
    let (Some(a), Some(b)) = (check_date(sa), check_date(sb)) else {
        return;
    };
    assert_eq!(a.cmp(&b), sa.cmp(sb), "{sa} vs {sb}");
    let days = a.days_until(b);
    assert_eq!(b.days_until(a), -days);
    assert_eq!(a.add_days(days), b);
    assert!(days.abs() <= 201 * 366);
}

// ------------------------------------------------------------------------------- identifiers

fn all_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// The remainder mod 97 of the number an LEI spells (A = 10, ..., Z = 35), computed on the
/// decimal expansion one digit at a time.
fn lei_remainder(s: &str) -> u32 {
    let digits: String = s
        .chars()
        .map(|c| match c.to_digit(36) {
            Some(v) => v.to_string(),
            None => String::new(),
        })
        .collect();
    digits
        .bytes()
        .fold(0, |acc, d| (acc * 10 + u32::from(d - b'0')) % 97)
}

fn lei_shape(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 20
        && b[..18]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && b[18..].iter().all(u8::is_ascii_digit)
}

fn check_lei(s: &str) {
    let ok = pkit::value::check_lei(s);
    assert_eq!(
        ok.is_ok(),
        lei_shape(s) && lei_remainder(s) == 1,
        "LEI {s:?}"
    );
    if let Err(e) = ok {
        assert_eq!(e.code(), Code::InvalidLei);
    }
    // Any 18-character base gets check digits 98 - (base·100 mod 97), and only those (or the
    // same plus 97) pass.
    let base: String = s.chars().take(18).collect();
    if base.len() == 18
        && base
            .bytes()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        let check = 98 - lei_remainder(&format!("{base}00"));
        for digits in 0..100 {
            let lei = format!("{base}{digits:02}");
            assert_eq!(
                pkit::value::check_lei(&lei).is_ok(),
                digits % 97 == check % 97,
                "{lei} (check digits {check:02})"
            );
        }
    }
}

/// SPEC §1.1: `^[a-z0-9]+(SEP[a-z0-9]+)*$`, 1..=64 characters.
fn joined(s: &str, sep: char) -> bool {
    (1..=64).contains(&s.len())
        && s.split(sep).all(|run| {
            !run.is_empty()
                && run
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

fn check_vocabulary<T>(s: &str, all: &[T], text: fn(&T) -> &'static str)
where
    T: std::str::FromStr<Err = pkit::value::ParseError> + PartialEq + std::fmt::Debug,
{
    let parsed = s.parse::<T>();
    let expected = all.iter().find(|v| text(v) == s);
    assert_eq!(parsed.as_ref().ok(), expected, "{s:?}");
    if let Err(e) = parsed {
        assert_eq!(e.code(), Code::InvalidEnum);
    }
}

/// SPEC §1.1 and decision 15: the e-mail rule, written out.
fn email_oracle(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    s.chars().count() <= 254
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

/// SPEC §1.1 and §2.1: the text rule, written out; the code of the first problem.
fn text_oracle(s: &str, max_chars: usize, line_feeds: bool) -> Option<Code> {
    if s.chars().all(char::is_whitespace) {
        return Some(Code::EmptyText);
    }
    let control = |c: char| (c < ' ' && !(line_feeds && c == '\n')) || c == '\u{7f}';
    if s.chars().any(control) {
        return Some(Code::InvalidText);
    }
    (s.chars().count() > max_chars).then_some(Code::TextTooLong)
}

/// Every identifier and format check of `pkit::value`, and the vocabularies of the model:
/// NTN, CUIN, LEI (MOD 97-10), slug, key, country, subdivision, region, text, URL, e-mail,
/// every enum, the issue codes, table names and award dimensions.
///
/// Each check agrees with a rule written here from the spec, gives its own code when it
/// fails, and a parsed value prints back to its text.
pub fn identifiers(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    use pkit::value::{
        check_cuin, check_email, check_ntn, check_text, check_url, ntn_taxpayer, Country, Key,
        Region, Slug, Subdivision, TextRule,
    };

    // NTN: seven digits, optionally `-` and a check digit.
    let ntn = check_ntn(s);
    let b = s.as_bytes();
    let ntn_ok = (b.len() == 7 && all_digits(s))
        || (b.len() == 9
            && b[..7].iter().all(u8::is_ascii_digit)
            && b[7] == b'-'
            && b[8].is_ascii_digit());
    assert_eq!(ntn.is_ok(), ntn_ok, "NTN {s:?}");
    match ntn {
        Ok(()) => assert_eq!(ntn_taxpayer(s), &s[..7]),
        Err(e) => assert_eq!(e.code(), Code::InvalidNtn),
    }

    // CUIN: 5 to 10 digits.
    let cuin = check_cuin(s);
    assert_eq!(
        cuin.is_ok(),
        (5..=10).contains(&s.len()) && all_digits(s),
        "CUIN {s:?}"
    );
    if let Err(e) = cuin {
        assert_eq!(e.code(), Code::InvalidCuin);
    }

    check_lei(s);

    // Slugs and keys.
    let slug = s.parse::<Slug>();
    assert_eq!(slug.is_ok(), joined(s, '-'), "slug {s:?}");
    match slug {
        Ok(v) => assert_eq!((v.as_str(), v.to_string().as_str()), (s, s)),
        Err(e) => assert_eq!(e.code(), Code::InvalidId),
    }
    let key = s.parse::<Key>();
    assert_eq!(key.is_ok(), joined(s, '_'), "key {s:?}");
    match key {
        Ok(v) => assert_eq!((v.as_str(), v.to_string().as_str()), (s, s)),
        Err(e) => assert_eq!(e.code(), Code::InvalidKey),
    }

    // Countries, subdivisions, regions.
    let country = s.parse::<Country>();
    match &country {
        Ok(c) => {
            assert_eq!(c.to_string(), s);
            assert!(s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()));
            assert!(!c.name().is_empty());
            assert!(!matches!(s, "UK" | "EU" | "XK" | "XX" | "AA" | "ZZ"), "{s}");
        }
        Err(e) => {
            assert_eq!(e.code(), Code::InvalidCountry);
            assert!(!matches!(s, "PK" | "US" | "AE" | "GB" | "CN"), "{s}");
        }
    }
    let codes = [
        "PK-PB", "PK-SD", "PK-KP", "PK-BA", "PK-IS", "PK-GB", "PK-JK",
    ];
    let subdivision = s.parse::<Subdivision>();
    assert_eq!(subdivision.is_ok(), codes.contains(&s), "{s:?}");
    match subdivision {
        Ok(d) => assert_eq!((d.to_string().as_str(), d.code()), (s, s)),
        Err(e) => assert_eq!(e.code(), Code::InvalidRegion),
    }
    let region = s.parse::<Region>();
    assert_eq!(
        region.is_ok(),
        country.is_ok() || codes.contains(&s),
        "{s:?}"
    );
    match region {
        Ok(r) => assert_eq!((r.to_string().as_str(), r.code()), (s, s)),
        Err(e) => assert_eq!(e.code(), Code::InvalidRegion),
    }

    // Text, one line and paragraph, at a few lengths.
    for (max, line_feeds) in [
        (1, false),
        (5, true),
        (40, false),
        (200, false),
        (2000, true),
    ] {
        let rule = TextRule {
            max_chars: max,
            line_feeds,
        };
        let got = check_text(s, rule).err().map(|e| e.code());
        assert_eq!(got, text_oracle(s, max, line_feeds), "{s:?} as {rule:?}");
    }

    // E-mail.
    let email = check_email(s);
    assert_eq!(email.is_ok(), email_oracle(s), "e-mail {s:?}");
    if let Err(e) = email {
        assert_eq!(e.code(), Code::InvalidEmail);
    }

    // URL: WHATWG parsing drops tabs and line feeds and trims C0 controls and spaces; what
    // is accepted is short enough and has an http(s) scheme and a host.
    match check_url(s) {
        Ok(()) => {
            assert!(s.chars().count() <= 2048);
            let cleaned: String = s
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect::<String>()
                .trim_matches(|c: char| c <= ' ')
                .to_ascii_lowercase();
            assert!(
                cleaned.starts_with("http:") || cleaned.starts_with("https:"),
                "URL {s:?}"
            );
        }
        Err(e) => assert_eq!(e.code(), Code::InvalidUrl),
    }

    // The closed vocabularies of the model.
    use pkit::model::{
        Appraisal, AwardResult, CertificationStatus, DerivedStatus, ExportService, Indicator,
        LegalForm, Program, Scheme, Service,
    };
    check_vocabulary(s, Scheme::ALL, |v| v.as_str());
    check_vocabulary(s, Appraisal::ALL, |v| v.as_str());
    check_vocabulary(s, CertificationStatus::ALL, |v| v.as_str());
    check_vocabulary(s, DerivedStatus::ALL, |v| v.as_str());
    check_vocabulary(s, LegalForm::ALL, |v| v.as_str());
    check_vocabulary(s, Service::ALL, |v| v.as_str());
    check_vocabulary(s, Program::ALL, |v| v.as_str());
    check_vocabulary(s, AwardResult::ALL, |v| v.as_str());
    check_vocabulary(s, ExportService::ALL, |v| v.as_str());
    check_vocabulary(s, Indicator::ALL, |v| v.as_str());

    // Issue codes, table names and award dimensions parse from their names only.
    let code = s.parse::<Code>();
    assert_eq!(
        code.as_ref().ok(),
        Code::ALL.iter().find(|c| c.as_str() == s),
        "{s:?}"
    );
    let table = s.parse::<pkit::table::TableName>();
    assert_eq!(
        table.as_ref().ok(),
        pkit::table::TableName::ALL.iter().find(|t| t.as_str() == s)
    );
    let dimension = s.parse::<pkit::analytics::AwardDimension>();
    assert_eq!(
        dimension.as_ref().ok(),
        pkit::analytics::AwardDimension::ALL
            .iter()
            .find(|d| d.as_str() == s)
    );
}
