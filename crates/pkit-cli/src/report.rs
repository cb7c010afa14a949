//! `pkit report`: a readable summary of a registry, or its JSON form.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use pkit::analytics::{Count, Summary};
use pkit::model::DerivedStatus;

pub(crate) fn run(file: Option<&Path>, json: bool) -> Result<ExitCode, String> {
    let registry = match file {
        None => pkit::Registry::sample(),
        Some(path) => match super::load(path) {
            Ok(registry) => registry,
            Err(pkit::Error::Io { path, source }) => {
                return Err(format!("{}: {source}", path.display()))
            }
            Err(e) => {
                let name = path.to_string_lossy();
                for issue in e.issues() {
                    eprintln!("{}", super::issue_line(&name, &issue));
                }
                eprintln!("pkit: {name} has errors; no report");
                return Ok(ExitCode::from(1));
            }
        },
    };
    let summary = registry.summary();
    let mut text = if json {
        serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?
    } else {
        render(&summary, file)
    };
    text.push('\n');
    super::print(&text)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Splits `text` into lines of at most `width` characters at spaces (a longer word stands
/// alone on its line).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

fn heading(out: &mut String, title: &str) {
    let _ = write!(out, "\n{title}\n{}\n", "-".repeat(title.chars().count()));
}

fn counts(out: &mut String, counts: &[Count]) {
    let width = counts.iter().map(|c| c.label.len()).max().unwrap_or(0);
    for c in counts {
        let _ = writeln!(out, "  {:<width$}  {:>6}", c.label, c.count);
    }
}

fn render(s: &Summary, file: Option<&Path>) -> String {
    let mut out = String::new();
    let source = file.map_or_else(
        || "the built-in sample (fictional companies, public national figures)".to_owned(),
        |f| f.display().to_string(),
    );
    let _ = writeln!(out, "pkit report: {source}");
    let _ = writeln!(
        out,
        "as of {}: {}, {}, {}, {}",
        s.as_of,
        plural(s.companies, "company", "companies"),
        plural(s.targets, "target", "targets"),
        plural(s.rankings, "ranking", "rankings"),
        plural(s.warnings.len(), "warning", "warnings"),
    );
    heading(&mut out, "Companies by region");
    counts(&mut out, &s.companies_by_region);
    heading(&mut out, "Companies by legal form");
    counts(&mut out, &s.companies_by_legal_form);

    heading(
        &mut out,
        &format!("Certifications by scheme and status on {}", s.as_of),
    );
    let statuses = DerivedStatus::ALL;
    let short = |d: DerivedStatus| match d {
        DerivedStatus::NotYetValid => "not yet",
        other => other.as_str(),
    };
    let _ = write!(out, "  {:<12}", "scheme");
    for &d in statuses {
        let _ = write!(out, " {:>9}", short(d));
    }
    out.push('\n');
    for b in &s.certifications {
        let _ = write!(out, "  {:<12}", b.label);
        for &d in statuses {
            let n = b
                .counts
                .iter()
                .find(|c| c.label == d.as_str())
                .map_or(0, |c| c.count);
            let _ = write!(out, " {n:>9}");
        }
        out.push('\n');
    }

    heading(&mut out, "Awards by program and result");
    for b in &s.awards {
        let parts: Vec<String> = b
            .counts
            .iter()
            .map(|c| format!("{} {}", c.count, c.label))
            .collect();
        let _ = writeln!(
            out,
            "  {:<10} {:>4}  ({})",
            b.label,
            b.total,
            parts.join(", ")
        );
    }
    heading(&mut out, "Observations by indicator");
    counts(&mut out, &s.observations_by_indicator);
    heading(&mut out, "Warnings");
    if s.warnings.is_empty() {
        out.push_str("  none\n");
    }
    for w in &s.warnings {
        let _ = writeln!(out, "  {} {}", w.code, w.path);
        for line in wrap(&w.message, 80 - 4) {
            let _ = writeln!(out, "    {line}");
        }
    }
    out.pop();
    out
}
