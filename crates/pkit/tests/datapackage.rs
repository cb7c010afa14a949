//! The data package beside a CSV directory (`datapackage.json`): it describes exactly the
//! files written, with their sizes and hashes, the same bytes every time, and reading the
//! directory back ignores it. (What the schemas say is tested next to the generator, in
//! `table/package.rs`; `tests/datapackage/` checks the package with Frictionless itself.)

use std::path::{Path, PathBuf};

use pkit::Registry;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// A fresh directory under the system's temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("pkit-datapackage-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn package(dir: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("datapackage.json")).unwrap()).unwrap()
}

#[test]
fn the_package_describes_exactly_the_files_written() {
    let tmp = TempDir::new("files");
    let dir = tmp.0.join("r");
    Registry::sample().to_csv_dir(&dir).unwrap();
    let package = package(&dir);
    let mut described: Vec<String> = Vec::new();
    for resource in package["resources"].as_array().unwrap() {
        let path = resource["path"].as_str().unwrap();
        let bytes = std::fs::read(dir.join(path)).unwrap();
        assert_eq!(resource["bytes"], bytes.len(), "{path}");
        let hash: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(resource["hash"], format!("sha256:{hash}"), "{path}");
        described.push(path.to_owned());
    }
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "datapackage.json")
        .collect();
    files.sort();
    described.sort();
    assert_eq!(described, files);
}

#[test]
fn reading_a_directory_ignores_its_package() {
    let tmp = TempDir::new("read");
    let dir = tmp.0.join("r");
    let sample = Registry::sample();
    sample.to_csv_dir(&dir).unwrap();
    let report = pkit::csv::validate_dir(&dir).unwrap();
    assert!(report.is_valid());
    assert_eq!(report.warnings().count(), 2);
    assert_eq!(Registry::from_csv_dir(&dir).unwrap(), sample);
    // Even a package that is not JSON: it is not the reader's.
    std::fs::write(dir.join("datapackage.json"), "not json").unwrap();
    assert_eq!(Registry::from_csv_dir(&dir).unwrap(), sample);
    assert_eq!(pkit::csv::validate_dir(&dir).unwrap(), report);
    // The same in memory.
    let files = sample.to_csv_files();
    assert_eq!(
        files.last().map(|(n, _)| n.as_str()),
        Some("datapackage.json")
    );
    assert_eq!(pkit::csv::validate_files(&files).unwrap(), report);
}

#[test]
fn the_same_registry_gives_the_same_package_bytes() {
    let tmp = TempDir::new("same");
    let registry = pkit::generate::synthetic(40, 5);
    let (a, b) = (tmp.0.join("a"), tmp.0.join("b"));
    registry.to_csv_dir(&a).unwrap();
    // Written again over a directory that has a package already.
    registry.to_csv_dir(&b).unwrap();
    registry.to_csv_dir(&b).unwrap();
    let read = |d: &Path| std::fs::read(d.join("datapackage.json")).unwrap();
    assert_eq!(read(&a), read(&b));
    // A registry read back from CSV writes the same package again.
    let back = Registry::from_csv_dir(&a).unwrap();
    back.to_csv_dir(&b).unwrap();
    assert_eq!(read(&a), read(&b));
    assert_eq!(
        package(&a)["created"],
        format!("{}T00:00:00Z", registry.as_of())
    );
}
