//! Threads: what several threads do at once to the same files ends as one of them meant,
//! whole. (`Registry`, `Report`, `Issue`, `Error` and `Table` being `Send + Sync` is checked at
//! compile time in the crate itself; validation and the analytics share no mutable state.)

use std::path::Path;

use pkit::Registry;

/// A fresh folder for one test.
fn folder(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pkit-threads-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The names in `dir`.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Four threads write the same file 50 times each while a fifth reads it: every write
/// succeeds (no two temporary files collide), every read sees one whole version, and no
/// temporary file is left.
#[test]
fn atomic_writes_of_one_file_from_several_threads_leave_one_whole_version() {
    let dir = folder("file");
    let file = dir.join("registry.json");
    let version = |t: usize, i: usize| format!("thread {t} write {i} ").repeat(2000);
    pkit::fs::write_atomic(&file, version(9, 0).as_bytes()).unwrap();
    let done = std::sync::atomic::AtomicBool::new(false);
    let (failed, torn) = std::thread::scope(|s| {
        let reader = s.spawn(|| {
            let mut torn = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                if let Ok(text) = std::fs::read_to_string(&file) {
                    let first = text.split(' ').take(4).collect::<Vec<_>>().join(" ") + " ";
                    if text != first.repeat(2000) {
                        torn += 1;
                    }
                }
            }
            torn
        });
        let writers: Vec<_> = (0..4)
            .map(|t| {
                let file = &file;
                s.spawn(move || {
                    (0..50)
                        .filter(|&i| {
                            pkit::fs::write_atomic(file, version(t, i).as_bytes()).is_err()
                        })
                        .count()
                })
            })
            .collect();
        let failed: usize = writers.into_iter().map(|w| w.join().unwrap()).sum();
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        (failed, reader.join().unwrap())
    });
    let last = std::fs::read_to_string(&file).unwrap();
    let whole = (0..4).any(|t| (0..50).any(|i| last == version(t, i)));
    let left = names(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(failed, 0, "writes failed");
    assert_eq!(torn, 0, "reads saw a torn file");
    assert!(whole, "the file is none of the versions written");
    assert_eq!(left, ["registry.json"]);
}

/// Three threads write different registries to the same CSV directory at once: each write
/// succeeds, and the directory ends as one of the three, whole, with nothing left beside it.
#[test]
fn csv_directories_written_from_several_threads_end_as_one_of_them() {
    let dir = folder("csv");
    let target = dir.join("registry-csv");
    let registries: Vec<Registry> = (0..3)
        .map(|seed| pkit::generate::synthetic(30, seed))
        .collect();
    let results: Vec<Result<(), pkit::Error>> = std::thread::scope(|s| {
        let handles: Vec<_> = registries
            .iter()
            .map(|r| {
                let target = &target;
                s.spawn(move || {
                    (0..5)
                        .map(|_| r.to_csv_dir(target))
                        .find(Result::is_err)
                        .unwrap_or(Ok(()))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let back = Registry::from_csv_dir(&target);
    let left = names(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    for result in &results {
        assert!(result.is_ok(), "{result:?}");
    }
    let back = back.unwrap();
    assert!(
        registries.contains(&back),
        "the directory is none of the registries"
    );
    assert_eq!(left, ["registry-csv"]);
}
