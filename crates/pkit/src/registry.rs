//! [`Registry`]: a validated registry document and its records.

use std::path::Path;

use rustc_hash::FxHashMap;

use crate::error::Error;
use crate::issue::Issue;
use crate::model::document::Document;
use crate::model::{Claim, Company, Initiative, Observation, Ranking, Target};
use crate::value::Date;

/// A validated registry: companies with their certifications, awards and exports, national
/// observations, targets and rankings, as of a date.
///
/// A `Registry` exists only for a document without errors; its warnings are kept.
///
/// # Example
/// ```
/// let text = r#"{"schema_version": 1, "as_of": "2024-06-30", "companies": [
///   {"id": "indus-byteworks", "legal_name": "Indus Byteworks (Pvt) Ltd",
///    "legal_form": "private_limited", "headquarters": {"city": "Lahore", "region": "PK-PB"}}]}"#;
/// let registry = pkit::Registry::from_json(text)?;
/// assert_eq!(registry.as_of().to_string(), "2024-06-30");
/// assert_eq!(registry.company("indus-byteworks").map(|c| c.legal_name.as_str()),
///            Some("Indus Byteworks (Pvt) Ltd"));
/// assert_eq!(pkit::Registry::from_json(&registry.to_json())?, registry);
/// # Ok::<(), pkit::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Registry {
    as_of: Date,
    companies: Vec<Company>,
    observations: Vec<Observation>,
    targets: Vec<Target>,
    rankings: Vec<Ranking>,
    initiatives: Vec<Initiative>,
    claims: Vec<Claim>,
    warnings: Vec<Issue>,
    by_id: FxHashMap<String, usize>,
    initiative_by_id: FxHashMap<String, usize>,
    /// For each observation, whether it is the current vintage of its figure.
    current: Vec<bool>,
}

/// Two registries are equal when their data is: `as_of` and every record, in order.
impl PartialEq for Registry {
    fn eq(&self, other: &Registry) -> bool {
        self.as_of == other.as_of
            && self.companies == other.companies
            && self.observations == other.observations
            && self.targets == other.targets
            && self.rankings == other.rankings
            && self.initiatives == other.initiatives
            && self.claims == other.claims
    }
}

impl Eq for Registry {}

/// The records of a registry, as the validator or the generator made them.
pub(crate) struct Records {
    pub(crate) as_of: Date,
    pub(crate) companies: Vec<Company>,
    pub(crate) observations: Vec<Observation>,
    pub(crate) targets: Vec<Target>,
    pub(crate) rankings: Vec<Ranking>,
    pub(crate) initiatives: Vec<Initiative>,
    pub(crate) claims: Vec<Claim>,
}

/// The position of each id (the first, should one repeat).
fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> FxHashMap<String, usize> {
    let mut by_id = FxHashMap::default();
    for (i, id) in ids.enumerate() {
        by_id.entry(id.to_owned()).or_insert(i);
    }
    by_id
}

impl Registry {
    pub(crate) fn from_parts(records: Records) -> Registry {
        let Records {
            as_of,
            companies,
            observations,
            targets,
            rankings,
            initiatives,
            claims,
        } = records;
        let by_id = positions(companies.iter().map(|c| c.id.as_str()));
        let initiative_by_id = positions(initiatives.iter().map(|i| i.id.as_str()));
        let mut current = vec![false; observations.len()];
        for i in crate::model::observation::current_vintages(&observations, |_| true).into_values()
        {
            if let Some(c) = current.get_mut(i) {
                *c = true;
            }
        }
        Registry {
            as_of,
            companies,
            observations,
            targets,
            rankings,
            initiatives,
            claims,
            warnings: Vec::new(),
            by_id,
            initiative_by_id,
            current,
        }
    }

    pub(crate) fn with_warnings(mut self, warnings: Vec<Issue>) -> Registry {
        self.warnings = warnings;
        self
    }

    /// The date the data describes.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::Registry::sample().as_of().to_string(), "2026-01-31");
    /// ```
    pub fn as_of(&self) -> Date {
        self.as_of
    }

    /// The companies, in document order.
    ///
    /// # Example
    /// ```
    /// assert!(!pkit::Registry::sample().companies().is_empty());
    /// ```
    pub fn companies(&self) -> &[Company] {
        &self.companies
    }

    /// The company with this id.
    ///
    /// # Example
    /// ```
    /// let sample = pkit::Registry::sample();
    /// assert!(sample.company("indus-byteworks").is_some());
    /// assert!(sample.company("no-such-company").is_none());
    /// ```
    pub fn company(&self, id: &str) -> Option<&Company> {
        self.by_id.get(id).and_then(|&i| self.companies.get(i))
    }

    /// The observations (national and regional statistics), in document order.
    ///
    /// # Example
    /// ```
    /// assert!(pkit::Registry::sample().observations().len() >= 38);
    /// ```
    pub fn observations(&self) -> &[Observation] {
        &self.observations
    }

    /// The policy targets, in document order.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::Registry::sample().targets().len(), 5);
    /// ```
    pub fn targets(&self) -> &[Target] {
        &self.targets
    }

    /// The international rankings, in document order.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::Registry::sample().rankings().len(), 3);
    /// ```
    pub fn rankings(&self) -> &[Ranking] {
        &self.rankings
    }

    /// The promotion initiatives (pavilions, delegations, ...), in document order.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::Registry::sample().initiatives().len(), 10);
    /// ```
    pub fn initiatives(&self) -> &[Initiative] {
        &self.initiatives
    }

    /// The initiative with this id.
    ///
    /// # Example
    /// ```
    /// let sample = pkit::Registry::sample();
    /// assert_eq!(sample.initiative("leap-2023").map(|i| i.country.as_str()), Some("SA"));
    /// assert!(sample.initiative("no-such-initiative").is_none());
    /// ```
    pub fn initiative(&self, id: &str) -> Option<&Initiative> {
        self.initiative_by_id
            .get(id)
            .and_then(|&i| self.initiatives.get(i))
    }

    /// The position of the company with this id in [`Registry::companies`].
    pub(crate) fn company_index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The position of the initiative with this id in [`Registry::initiatives`].
    pub(crate) fn initiative_index(&self, id: &str) -> Option<usize> {
        self.initiative_by_id.get(id).copied()
    }

    /// The published claims about promotion, in document order.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::Registry::sample().claims().len(), 2);
    /// ```
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    /// The warnings found when the document was loaded, in document order.
    ///
    /// # Example
    /// ```
    /// let codes: Vec<_> = pkit::Registry::sample().warnings().iter().map(|w| w.code.as_str()).collect();
    /// assert_eq!(codes, ["beyond_transition", "edition_withdrawn"]);
    /// ```
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }

    /// True when observation `index` is the current vintage of its figure (see
    /// [`crate::model::observation::supersedes`]); false past the end.
    pub(crate) fn is_current(&self, index: usize) -> bool {
        self.current.get(index).copied().unwrap_or(false)
    }

    fn document(&self) -> Document<'_> {
        Document {
            schema: None,
            schema_version: 1,
            as_of: self.as_of,
            companies: &self.companies,
            observations: &self.observations,
            targets: &self.targets,
            rankings: &self.rankings,
            initiatives: &self.initiatives,
            claims: &self.claims,
        }
    }

    /// The registry as a compact JSON document; `Registry::from_json` gives it back equal.
    ///
    /// # Example
    /// ```
    /// let sample = pkit::Registry::sample();
    /// assert_eq!(pkit::Registry::from_json(&sample.to_json()).unwrap(), sample);
    /// ```
    #[allow(clippy::expect_used)]
    pub fn to_json(&self) -> String {
        // Plain structs with string keys: serializing to a String cannot fail.
        serde_json::to_string(&self.document()).expect("a registry serializes to JSON")
    }

    /// The registry as an indented JSON document.
    ///
    /// # Example
    /// ```
    /// assert!(pkit::Registry::sample().to_json_pretty().starts_with("{\n  \"schema_version\": 1,"));
    /// ```
    #[allow(clippy::expect_used)]
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.document()).expect("a registry serializes to JSON")
    }
}

impl Registry {
    /// Writes the registry as an indented JSON file, atomically: the text goes to a temporary
    /// file beside `path`, which then replaces `path`, so a crash never leaves half a file.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be written.
    ///
    /// # Example
    /// ```
    /// let path = std::env::temp_dir().join(format!("pkit-doc-{}.json", std::process::id()));
    /// let sample = pkit::Registry::sample();
    /// sample.to_json_file(&path)?;
    /// assert_eq!(pkit::Registry::from_path(&path)?, sample);
    /// # std::fs::remove_file(&path).ok();
    /// # Ok::<(), pkit::Error>(())
    /// ```
    pub fn to_json_file(&self, path: impl AsRef<Path>) -> Result<(), Error> {
        let mut text = self.to_json_pretty();
        text.push('\n');
        crate::fs::write_atomic(path.as_ref(), text.as_bytes())
    }
}
