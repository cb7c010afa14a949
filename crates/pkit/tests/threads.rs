//! Threads: documents validated and loaded on several threads at once give exactly what they
//! give one after another, and one registry can be read from many threads.
//! (`Registry`, `Report`, `Issue` and `Error` being `Send + Sync` is checked at compile time
//! in the crate itself.)

use pkit::{Registry, Report};

/// The shared vectors and a few generated registries: valid, invalid, with warnings.
fn documents() -> Vec<String> {
    let dir = crate::repo_root().join("tests/vectors");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.to_string_lossy();
            name.ends_with(".json") && !name.ends_with(".issues.json")
        })
        .collect();
    paths.sort();
    let mut docs: Vec<String> = paths
        .iter()
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned())
        .collect();
    for seed in 0..4 {
        docs.push(pkit::generate::synthetic(40, seed).to_json());
    }
    docs.push(Registry::sample().to_json());
    docs
}

/// What a document gives: its report, and the loaded registry's JSON (or the error's issues).
type Outcome = (Report, Result<String, Vec<pkit::Issue>>);

fn outcome(text: &str) -> Outcome {
    let report = pkit::validate(text);
    let loaded = Registry::from_json(text)
        .map(|r| r.to_json())
        .map_err(|e| e.issues());
    (report, loaded)
}

#[test]
fn validating_on_several_threads_gives_the_sequential_results() {
    let docs = documents();
    assert!(docs.len() > 150, "{}", docs.len());
    let sequential: Vec<_> = docs.iter().map(|d| outcome(d)).collect();
    let threads = 4;
    let results: Vec<Vec<(usize, Outcome)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let docs = &docs;
                s.spawn(move || {
                    // Every thread checks every document, each starting at another place,
                    // so different documents are in flight at the same moment.
                    let start = t * docs.len() / threads;
                    (0..docs.len())
                        .map(|k| {
                            let i = (start + k) % docs.len();
                            (i, outcome(&docs[i]))
                        })
                        .collect()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for per_thread in results {
        assert_eq!(per_thread.len(), docs.len());
        for (i, got) in per_thread {
            assert_eq!(got, sequential[i], "document {i}");
        }
    }
}

#[test]
fn one_registry_is_read_from_several_threads() {
    let registry = pkit::generate::synthetic(300, 11);
    let alone = (
        registry.to_json(),
        registry.summary(),
        registry.certification_coverage(registry.as_of()),
        registry.tables(),
    );
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    (
                        registry.to_json(),
                        registry.summary(),
                        registry.certification_coverage(registry.as_of()),
                        registry.tables(),
                    )
                })
            })
            .collect();
        for h in handles {
            assert_eq!(h.join().unwrap(), alone);
        }
    });
    // A registry (or a rejected document's error) can move to another thread.
    let moved = std::thread::spawn(move || registry.companies().len())
        .join()
        .unwrap();
    assert_eq!(moved, 300);
    let err = Registry::from_json("{}").unwrap_err();
    let issues = std::thread::spawn(move || err.issues().len())
        .join()
        .unwrap();
    assert_eq!(issues, 2);
}
