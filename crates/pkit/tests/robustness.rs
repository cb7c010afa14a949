//! Whatever the input, validation never panics, gives well-formed paths and the same answer
//! twice. Deterministic mutations of every shared vector (the fuzz targets go further).

use proptest::prelude::RngCore;
use proptest::test_runner::{RngAlgorithm, TestRng};

/// A deterministic generator: the same seed gives the same mutations.
struct Rng(TestRng);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        Rng(TestRng::from_seed(RngAlgorithm::ChaCha, &bytes))
    }

    fn below(&mut self, n: usize) -> usize {
        (self.0.next_u64() % n.max(1) as u64) as usize
    }
}

const INTERESTING: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b":",
    b",",
    b"\\",
    b"\\u",
    b"\\ud800",
    b"0",
    b"-",
    b"1.5",
    b"1e999",
    b"null",
    b"true",
    b" ",
    b"\n",
    b"\x00",
    b"\x1f",
    b"\xff",
    b"\xc3",
    b"\xe2\x80\xa8",
    b"99999999999999999999999",
    b"FY2023-24",
    b"2024-02-29",
    b"PK",
    b"cmmi",
    b"1.3",
    b"$schema",
];

fn mutate(rng: &mut Rng, doc: &[u8]) -> Vec<u8> {
    let mut out = doc.to_vec();
    for _ in 0..=rng.below(3) {
        let at = rng.below(out.len() + 1);
        match rng.below(5) {
            0 => out.truncate(at),
            1 if at < out.len() => {
                out.remove(at);
            }
            2 => {
                let piece = INTERESTING[rng.below(INTERESTING.len())];
                out.splice(at..at, piece.iter().copied());
            }
            3 if at < out.len() => {
                let piece = INTERESTING[rng.below(INTERESTING.len())];
                let end = (at + piece.len()).min(out.len());
                out.splice(at..end, piece.iter().copied());
            }
            _ => {
                // Repeat a slice (duplicate keys, records, nesting).
                let from = rng.below(out.len() + 1);
                let to = (from + rng.below(64)).min(out.len());
                let slice = out[from..to].to_vec();
                out.splice(at..at, slice);
            }
        }
    }
    out
}

#[test]
fn mutated_vectors_never_panic_and_paths_are_pointers() {
    let dir = crate::repo_root().join("tests/vectors");
    let mut docs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.to_string_lossy().ends_with(".json") && !p.to_string_lossy().ends_with(".issues.json")
        })
        .collect();
    docs.sort();
    // PKIT_MUTATIONS=5000 (and PKIT_SEED) explore further locally.
    let rounds: usize = std::env::var("PKIT_MUTATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(150);
    let seed: u64 = std::env::var("PKIT_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2026);
    let mut rng = Rng::new(seed);
    let mut checked = 0;
    for path in docs {
        let original = std::fs::read(&path).unwrap();
        for _ in 0..rounds {
            let doc = mutate(&mut rng, &original);
            let report = pkit::validate_bytes(&doc);
            assert_eq!(
                report,
                pkit::validate_bytes(&doc),
                "not deterministic: {}",
                String::from_utf8_lossy(&doc)
            );
            for issue in report.issues() {
                assert!(
                    issue.path.is_empty() || issue.path.starts_with('/'),
                    "{issue}"
                );
                assert_eq!(issue.severity, issue.code.severity());
                assert!(
                    !issue.message.is_empty() && !issue.message.contains('\n'),
                    "{issue:?}"
                );
            }
            if let Ok(text) = std::str::from_utf8(&doc) {
                // Loading agrees with validation.
                assert_eq!(pkit::Registry::from_json(text).is_ok(), report.is_valid());
            }
            checked += 1;
        }
    }
    assert!(checked > 10_000, "{checked}");
}

/// A spreadsheet can do anything to a CSV directory: reading it never panics, and every issue
/// that names a place in the document is located in the CSV.
#[test]
fn mutated_csv_directories_never_panic() {
    let dir = std::env::temp_dir().join(format!("pkit-csv-mutations-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    pkit::generate::synthetic(5, 3).to_csv_dir(&dir).unwrap();
    let files: Vec<_> = {
        let mut f: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        f.sort();
        f
    };
    let originals: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let mut rng = Rng::new(99);
    let extra: &[&[u8]] = &[
        b",",
        b"\r\n",
        b"\"",
        b";",
        b" ",
        b"x",
        b"-1",
        b"1.5",
        b"2024-13-01",
        b"\xff",
    ];
    for _ in 0..400 {
        let k = rng.below(files.len());
        let mut doc = mutate(&mut rng, &originals[k]);
        if rng.below(3) == 0 {
            let at = rng.below(doc.len() + 1);
            let piece = extra[rng.below(extra.len())];
            doc.splice(at..at, piece.iter().copied());
        }
        std::fs::write(&files[k], &doc).unwrap();
        match pkit::csv::validate_dir(&dir) {
            Ok(report) => {
                for issue in report.issues() {
                    assert!(issue.location.is_some(), "unlocated: {issue}");
                    assert!(
                        issue.path.is_empty() || issue.path.starts_with('/'),
                        "{issue}"
                    );
                }
            }
            Err(pkit::Error::Io { .. }) => {}
            Err(e) => panic!("validate_dir gives reports or I/O errors only: {e}"),
        }
        std::fs::write(&files[k], &originals[k]).unwrap();
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
