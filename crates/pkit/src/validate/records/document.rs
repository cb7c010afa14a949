//! The fields of the registry document itself (SPEC §1).

use super::{DraftCompany, DraftObservation, DraftRanking, DraftTarget};
use crate::validate::draft::{Checked, Field, Finish};
use crate::validate::reader::Integer;
use crate::value::Date;
use crate::Registry;

/// The document as read. `schema_version` is checked by the walker once the document is read
/// (an unsupported version is the only issue reported).
#[derive(Debug, Default)]
pub(crate) struct DraftRegistry {
    pub(crate) schema_version: Checked<Integer>,
    pub(crate) as_of: Checked<Date>,
    pub(crate) companies: Vec<Checked<DraftCompany>>,
    pub(crate) observations: Vec<Checked<DraftObservation>>,
    pub(crate) targets: Vec<Checked<DraftTarget>>,
    pub(crate) rankings: Vec<Checked<DraftRanking>>,
}

impl DraftRegistry {
    /// The document's fields. `$schema` is a string and is otherwise ignored.
    pub(crate) const FIELDS: &'static [Field<DraftRegistry>] = &[
        Field {
            name: "$schema",
            required: false,
            read: |w, _| w.any_string().map(drop),
        },
        Field {
            name: "schema_version",
            required: true,
            read: |w, d| {
                d.schema_version = w.number()?;
                Ok(())
            },
        },
        Field {
            name: "as_of",
            required: true,
            read: |w, d| {
                d.as_of = w.parsed()?;
                Ok(())
            },
        },
        Field {
            name: "companies",
            required: false,
            read: |w, d| {
                d.companies = w.list(|w| w.record())?;
                Ok(())
            },
        },
        Field {
            name: "observations",
            required: false,
            read: |w, d| {
                d.observations = w.list(|w| w.record())?;
                Ok(())
            },
        },
        Field {
            name: "targets",
            required: false,
            read: |w, d| {
                d.targets = w.list(|w| w.record())?;
                Ok(())
            },
        },
        Field {
            name: "rankings",
            required: false,
            read: |w, d| {
                d.rankings = w.list(|w| w.record())?;
                Ok(())
            },
        },
    ];

    /// The registry of a document without errors; `None` would be a bug in the rules.
    pub(crate) fn finish(self) -> Option<Registry> {
        Some(Registry::from_parts(
            self.as_of.required()?,
            self.companies.finish()?,
            self.observations.finish()?,
            self.targets.finish()?,
            self.rankings.finish()?,
        ))
    }
}
