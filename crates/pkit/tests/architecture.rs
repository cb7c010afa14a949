//! The core's module graph is the DAG `docs/architecture.md` draws: every module imports only
//! modules of a lower layer, and inside `validate` every part only lower parts. The layers are
//! read from that file's tables, so the document and the code cannot disagree.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The rows `| N | \`a\`, \`b\` | ...` of the table whose header starts with `| {header} |`:
/// each module named in backticks in the second cell (up to a `:`), with its layer.
fn table(doc: &str, header: &str) -> BTreeMap<String, u32> {
    let mut layers = BTreeMap::new();
    let mut inside = false;
    for line in doc.lines() {
        if line.starts_with(&format!("| {header} |")) {
            inside = true;
            continue;
        }
        if !inside {
            continue;
        }
        if !line.starts_with('|') {
            break;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let Ok(layer) = cells[1].parse::<u32>() else {
            continue;
        };
        let named = cells[2].split(':').next().unwrap_or("");
        for module in named.split('`').skip(1).step_by(2) {
            layers.insert(module.to_owned(), layer);
        }
    }
    assert!(
        !layers.is_empty(),
        "no table `{header}` in docs/architecture.md"
    );
    layers
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file that is not a test: test modules (`tests.rs`, and what follows
/// `#[cfg(test)]`) may use any module.
fn production_code(file: &Path) -> String {
    if file.file_name().is_some_and(|n| n == "tests.rs") {
        return String::new();
    }
    let text = std::fs::read_to_string(file).unwrap();
    match text.find("#[cfg(test)]") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Every name that follows `prefix` in the code of `text` (comments left out).
fn names_after<'t>(text: &'t str, prefix: &str) -> Vec<&'t str> {
    let mut names = Vec::new();
    for line in text.lines() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let mut rest = code;
        while let Some(i) = rest.find(prefix) {
            let after = &rest[i + prefix.len()..];
            let end = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            // `crate::x` but not `$crate::x` written as part of a longer path like `foo_crate::`.
            let before = rest[..i].chars().last();
            if before.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_')) {
                names.push(&after[..end]);
            }
            rest = &after[end..];
        }
    }
    names
}

#[test]
fn modules_import_only_lower_layers() {
    let root = crate::repo_root();
    let doc = std::fs::read_to_string(root.join("docs/architecture.md")).unwrap();
    let layers = table(&doc, "layer");
    let src = root.join("crates/pkit/src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str();
        let module = first.to_string_lossy().trim_end_matches(".rs").to_owned();
        let Some(&layer) = layers.get(&module) else {
            wrong.push(format!(
                "{}: module `{module}` is in no layer",
                relative.display()
            ));
            continue;
        };
        let text = production_code(file);
        for used in names_after(&text, "crate::") {
            if module == "lib" || used == module {
                continue;
            }
            match layers.get(used) {
                Some(&l) if l < layer => {}
                Some(&l) => wrong.push(format!(
                    "{}: `{module}` (layer {layer}) uses `crate::{used}` (layer {l})",
                    relative.display()
                )),
                None => wrong.push(format!(
                    "{}: `crate::{used}` is no module of a layer (import from the module that \
                     defines it, not from the crate's root)",
                    relative.display()
                )),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // The issue's own check, spelled out: the model and the values know nothing of reading.
    for file in files.iter().filter(|f| {
        let s = f.to_string_lossy();
        s.contains("/src/value/") || s.contains("/src/model/")
    }) {
        let text = production_code(file);
        for forbidden in [
            "crate::validate",
            "crate::csv",
            "crate::schema",
            "crate::load",
        ] {
            assert!(
                names_after(&text, "crate::")
                    .iter()
                    .all(|n| *n != &forbidden[7..]),
                "{} uses {forbidden}",
                file.display()
            );
        }
    }
}

#[test]
fn the_parts_of_validate_import_only_lower_parts() {
    let root = crate::repo_root();
    let doc = std::fs::read_to_string(root.join("docs/architecture.md")).unwrap();
    let parts = table(&doc, "part of validate");
    let dir = root.join("crates/pkit/src/validate");
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&dir).unwrap();
        let components: Vec<String> = relative
            .components()
            .map(|c| {
                c.as_os_str()
                    .to_string_lossy()
                    .trim_end_matches(".rs")
                    .to_owned()
            })
            .collect();
        let part = &components[0];
        let Some(&order) = parts.get(part) else {
            wrong.push(format!(
                "validate/{}: part `{part}` is in no row",
                relative.display()
            ));
            continue;
        };
        let text = production_code(file);
        // `super::x` names a sibling part from `validate/x.rs`; deeper files reach the parts
        // through `crate::validate::`.
        let mut used = names_after(&text, "crate::validate::");
        if components.len() == 1 {
            used.extend(names_after(&text, "super::"));
        }
        for other in used {
            let Some(&o) = parts.get(other) else { continue };
            if other != part && o >= order {
                wrong.push(format!(
                    "validate/{}: `{part}` ({order}) uses `{other}` ({o})",
                    relative.display()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
