//! The CSV form: lossless round trips, and spreadsheet mistakes located by file, line, column.

use std::path::{Path, PathBuf};

use pkit::{Code, Registry};

/// A fresh directory under the system's temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("pkit-csv-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn edit(path: &Path, f: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, f(text)).unwrap();
}

/// (location, path, code) of each issue of a CSV directory.
fn issues(dir: &Path) -> Vec<(String, String, Code)> {
    pkit::csv::validate_dir(dir)
        .unwrap()
        .issues()
        .iter()
        .map(|i| {
            (
                i.location
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                i.path.clone(),
                i.code,
            )
        })
        .collect()
}

#[test]
fn sample_round_trips_losslessly() {
    let tmp = TempDir::new("sample");
    let dir = tmp.path("sample");
    let sample = Registry::sample();
    sample.to_csv_dir(&dir).unwrap();
    let back = Registry::from_csv_dir(&dir).unwrap();
    assert_eq!(back, sample);
    assert_eq!(back.to_json(), sample.to_json());
    assert_eq!(back.warnings().len(), 2);
    assert!(back.warnings().iter().all(|w| w.location.is_some()));
}

#[test]
fn generated_registries_round_trip_losslessly() {
    let tmp = TempDir::new("generated");
    for seed in [1, 2, 3] {
        let dir = tmp.path(&format!("g{seed}"));
        let registry = pkit::generate::synthetic(200, seed);
        registry.to_csv_dir(&dir).unwrap();
        assert_eq!(
            Registry::from_csv_dir(&dir).unwrap(),
            registry,
            "seed {seed}"
        );
    }
}

#[test]
fn awkward_text_survives_csv() {
    let text = r#"{"schema_version": 1, "as_of": "2024-06-30",
      "observations": [{"indicator": "ict_exports", "period": "FY2023-24", "value": 5,
        "source": {"publisher": " SBP, \"quoted\"; with comma "}, "note": "two\nlines\n\nand \u2028 é, \"quoted\""}]}"#;
    let registry = Registry::from_json(text).unwrap();
    let tmp = TempDir::new("awkward");
    let dir = tmp.path("r");
    registry.to_csv_dir(&dir).unwrap();
    assert_eq!(Registry::from_csv_dir(&dir).unwrap(), registry);
}

#[test]
fn writing_replaces_a_directory_whole() {
    let tmp = TempDir::new("replace");
    let dir = tmp.path("r");
    Registry::sample().to_csv_dir(&dir).unwrap();
    let small = pkit::generate::synthetic(3, 1);
    small.to_csv_dir(&dir).unwrap();
    assert_eq!(Registry::from_csv_dir(&dir).unwrap(), small);
    // Nothing temporary is left beside it.
    let leftovers: Vec<_> = std::fs::read_dir(&tmp.0)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, vec![std::ffi::OsString::from("r")]);
}

fn sample_dir(tmp: &TempDir) -> PathBuf {
    let dir = tmp.path("r");
    Registry::sample().to_csv_dir(&dir).unwrap();
    dir
}

#[test]
fn a_us_date_is_located_by_file_line_and_column() {
    let tmp = TempDir::new("date");
    let dir = sample_dir(&tmp);
    // ravi-code-labs' first certificate (/companies/1/certifications/0) was issued 2023-03-01.
    let path = dir.join("certifications.csv");
    let line = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .position(|l| l.contains("2023-03-01"))
        .unwrap()
        + 1;
    assert!(line > 2);
    edit(&path, |t| t.replacen("2023-03-01", "3/1/2023", 1));
    let found = issues(&dir);
    assert!(
        found.contains(&(
            format!("certifications.csv:{line}:issued_on"),
            "/companies/1/certifications/0/issued_on".into(),
            Code::InvalidDate
        )),
        "{found:?}"
    );
    let err = Registry::from_csv_dir(&dir).unwrap_err();
    let first = &err.issues()[0];
    assert!(first.message.contains("3/1/2023"), "{}", first.message);
}

#[test]
fn a_stray_space_in_an_id_is_reported_at_its_cell() {
    let tmp = TempDir::new("space");
    let dir = sample_dir(&tmp);
    let id = Registry::sample().companies()[0].id.to_string();
    edit(&dir.join("companies.csv"), |t| {
        t.replacen(&format!("\r\n{id},"), &format!("\r\n{id} ,"), 1)
    });
    let found = issues(&dir);
    assert!(
        found.contains(&(
            "companies.csv:2:id".into(),
            "/companies/0/id".into(),
            Code::InvalidId
        )),
        "{found:?}"
    );
}

#[test]
fn a_missing_column_gives_one_issue_per_row_at_the_row() {
    let tmp = TempDir::new("missing");
    let dir = tmp.path("r");
    pkit::generate::synthetic(3, 1).to_csv_dir(&dir).unwrap();
    // Drop the legal_name column (the second) from companies.csv.
    edit(&dir.join("companies.csv"), |t| {
        t.split("\r\n")
            .map(|line| {
                let mut cells: Vec<&str> = line.split(',').collect();
                if cells.len() > 1 {
                    cells.remove(1);
                }
                cells.join(",")
            })
            .collect::<Vec<_>>()
            .join("\r\n")
    });
    let found = issues(&dir);
    for (i, line) in [(0, 2), (1, 3), (2, 4)] {
        assert!(
            found.contains(&(
                format!("companies.csv:{line}"),
                format!("/companies/{i}/legal_name"),
                Code::MissingField
            )),
            "{found:?}"
        );
    }
}

#[test]
fn an_extra_column_and_an_unknown_file_are_reported() {
    let tmp = TempDir::new("extra");
    let dir = sample_dir(&tmp);
    edit(&dir.join("offices.csv"), |t| {
        t.replacen("\r\n", ",remarks\r\n", 1)
    });
    std::fs::write(dir.join("compnies.csv"), "id\r\n").unwrap();
    let found = issues(&dir);
    assert!(
        found.contains(&(
            "offices.csv:1:remarks".into(),
            String::new(),
            Code::UnknownField
        )),
        "{found:?}"
    );
    assert!(
        found.contains(&("compnies.csv:1".into(), String::new(), Code::UnknownField)),
        "{found:?}"
    );
    // pkit's own derived columns are accepted.
    let tmp2 = TempDir::new("derived");
    let dir2 = sample_dir(&tmp2);
    edit(&dir2.join("exports.csv"), |t| {
        t.split("\r\n")
            .enumerate()
            .map(|(i, l)| {
                if l.is_empty() {
                    String::new()
                } else if i == 0 {
                    format!("{l},fiscal_year")
                } else {
                    format!("{l},FY2023-24")
                }
            })
            .collect::<Vec<_>>()
            .join("\r\n")
    });
    assert!(pkit::csv::validate_dir(&dir2).unwrap().is_valid());
}

#[test]
fn a_row_of_an_unknown_company_is_reported() {
    let tmp = TempDir::new("orphan");
    let dir = sample_dir(&tmp);
    edit(&dir.join("awards.csv"), |t| {
        format!("{t}no-such-company,apicta,,2020,startup,winner,Thing,\r\n")
    });
    let found = issues(&dir);
    let lines = std::fs::read_to_string(dir.join("awards.csv"))
        .unwrap()
        .lines()
        .count();
    assert!(
        found.contains(&(
            format!("awards.csv:{lines}:company_id"),
            String::new(),
            Code::InvalidId
        )),
        "{found:?}"
    );
}

/// Promotion rows: a participant of an unknown company, a headcount of an unknown initiative,
/// and a lead credited to an unknown initiative, each located at its cell.
#[test]
fn promotion_rows_are_located_and_given_to_their_initiative() {
    let tmp = TempDir::new("promotion");
    let dir = sample_dir(&tmp);
    edit(&dir.join("participants.csv"), |t| {
        t.replacen(
            "leap-2022,chenab-data-systems,",
            "leap-2022,no-such-company,",
            1,
        )
    });
    edit(&dir.join("headcounts.csv"), |t| {
        format!("{t}no-such-initiative,visitors,10,PSEB,,,\r\n")
    });
    edit(&dir.join("leads.csv"), |t| {
        t.replacen(
            ",2022-10-12,gitex-global-2022,",
            ",2022-10-12,gitex-global-2099,",
            1,
        )
    });
    let found = issues(&dir);
    let headcount_lines = std::fs::read_to_string(dir.join("headcounts.csv"))
        .unwrap()
        .lines()
        .count();
    for expected in [
        (
            "participants.csv:2:company".to_owned(),
            "/initiatives/0/participants/0/company".to_owned(),
            Code::UnknownCompany,
        ),
        (
            format!("headcounts.csv:{headcount_lines}:initiative_id"),
            String::new(),
            Code::InvalidId,
        ),
        (
            "leads.csv:2:initiative".to_owned(),
            "/companies/0/leads/0/initiative".to_owned(),
            Code::UnknownInitiative,
        ),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
}

#[test]
fn broken_csv_and_missing_registry_file_are_clear() {
    let tmp = TempDir::new("broken");
    let dir = sample_dir(&tmp);
    std::fs::write(
        dir.join("rankings.csv"),
        "index,publisher\r\n\"unterminated,x\r\n",
    )
    .unwrap();
    let report = pkit::csv::validate_dir(&dir).unwrap();
    assert!(!report.is_valid());
    std::fs::remove_file(dir.join("registry.csv")).unwrap();
    match Registry::from_csv_dir(&dir) {
        Err(pkit::Error::Io { path, .. }) => assert!(path.ends_with("registry.csv")),
        other => panic!("expected an I/O error naming registry.csv, got {other:?}"),
    }
}

#[test]
fn numbers_keep_their_json_meaning() {
    let tmp = TempDir::new("numbers");
    let dir = sample_dir(&tmp);
    // 1.0 in a usd column is invalid_amount, as in JSON; "1,000" is not a number at all.
    edit(&dir.join("exports.csv"), |t| {
        let mut lines: Vec<String> = t.split("\r\n").map(str::to_owned).collect();
        let header: Vec<&str> = lines[0].split(',').collect();
        let amount = header.iter().position(|h| *h == "amount_usd").unwrap();
        for (line, value) in [(1, "1.0"), (2, "\"1,000\"")] {
            let mut cells: Vec<String> = lines[line].split(',').map(str::to_owned).collect();
            cells[amount] = value.to_owned();
            lines[line] = cells.join(",");
        }
        lines.join("\r\n")
    });
    let found = issues(&dir);
    assert!(
        found
            .iter()
            .any(|(at, _, code)| at == "exports.csv:2:amount_usd" && *code == Code::InvalidAmount),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(at, _, code)| at == "exports.csv:3:amount_usd" && *code == Code::InvalidType),
        "{found:?}"
    );
}

#[test]
fn files_in_memory_read_as_the_directory_does() {
    let tmp = TempDir::new("memory");
    let dir = sample_dir(&tmp);
    let sample = Registry::sample();
    // The in-memory form is exactly what the directory holds.
    for (name, text) in sample.to_csv_files() {
        assert_eq!(
            std::fs::read_to_string(dir.join(&name)).unwrap(),
            text,
            "{name}"
        );
    }
    assert_eq!(
        Registry::from_csv_files(&sample.to_csv_files()).unwrap(),
        sample
    );
    // A broken directory gives the same issues, located the same way, from memory.
    edit(&dir.join("companies.csv"), |t| {
        t.replacen("private_limited", "llc", 1)
    });
    std::fs::write(dir.join("notes.csv"), "x\r\n").unwrap();
    std::fs::write(
        dir.join("offices.csv"),
        b"company_id,country\r\n\xff,PK\r\n",
    )
    .unwrap();
    let files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    let from_memory = pkit::csv::validate_files(&files).unwrap();
    assert_eq!(from_memory, pkit::csv::validate_dir(&dir).unwrap());
    assert!(!from_memory.is_valid());
    // Without registry.csv, memory fails as the directory does.
    let without: Vec<_> = files.iter().filter(|(n, _)| n != "registry.csv").collect();
    let without: Vec<(&str, &[u8])> = without
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_slice()))
        .collect();
    assert!(matches!(
        Registry::from_csv_files(&without),
        Err(pkit::Error::Io { .. })
    ));
}
