//! Validating the rebuilt document and placing each of its issues in the CSV.

use rustc_hash::FxHashMap;

use super::rebuild::Rebuilt;
use crate::issue::Location;
use crate::issue::{Issue, Report};
use crate::limits::Limits;
use crate::registry::Registry;

impl Rebuilt {
    /// Validates the rebuilt document and locates every issue in the CSV.
    pub(super) fn load(self, limits: &Limits) -> Result<Registry, Report> {
        let Rebuilt {
            json,
            locations,
            mut issues,
            file_rank,
        } = self;
        if json.is_empty() {
            return Err(Report::new(issues));
        }
        // The CSV's size was checked; the rebuilt text may be a little larger.
        let text_limits = Limits {
            max_bytes: u64::MAX,
            ..*limits
        };
        let (registry, found) = match crate::validate::load(&json, &text_limits) {
            Ok(registry) => {
                let warnings = registry.warnings().to_vec();
                (Some(registry), warnings)
            }
            Err(report) => (None, report.into_issues()),
        };
        for mut issue in found {
            issue.location = locate(&locations, &issue.path);
            issues.push(issue);
        }
        let rank = |i: &Issue| match &i.location {
            Some(l) => (
                file_rank
                    .iter()
                    .position(|f| Some(f) == l.file.as_ref())
                    .unwrap_or(usize::MAX),
                l.line,
            ),
            None => (0, 0),
        };
        issues.sort_by_key(|i| rank(i));
        match registry {
            Some(registry) if !issues.iter().any(Issue::is_error) => {
                Ok(registry.with_warnings(issues))
            }
            _ => Err(Report::new(issues)),
        }
    }
}

/// The location of the longest prefix of `path` that was read from the CSV.
fn locate(locations: &FxHashMap<String, Location>, path: &str) -> Option<Location> {
    let mut prefix = path;
    loop {
        if let Some(l) = locations.get(prefix) {
            return Some(l.clone());
        }
        let (parent, _) = prefix.rsplit_once('/')?;
        prefix = parent;
    }
}
