//! The fields of the registry document itself (SPEC §1).

use super::{
    DraftClaim, DraftCompany, DraftInitiative, DraftObservation, DraftRanking, DraftTarget,
};
use crate::issue::{Code, Issue, Location};
use crate::limits::Limits;
use crate::registry::{Records, Registry};
use crate::validate::checked::{finish_all, position, Checked};
use crate::validate::reader::Integer;
use crate::validate::walk::{stop_issue, Field, Located, Walker};
use crate::value::Date;

/// The outcome of reading: a draft with its issues, or one issue that stands alone.
pub(crate) enum Walked {
    Draft {
        draft: DraftRegistry,
        issues: Vec<Located>,
    },
    Alone(Issue),
}

/// Reads `text` into a draft of the document.
pub(crate) fn read(text: &str, limits: Limits) -> Walked {
    let mut w = Walker::new(text, limits);
    let mut draft = DraftRegistry::default();
    match w.document(DraftRegistry::FIELDS, &mut draft) {
        Ok(true) => match version(&mut w, &draft) {
            Ok(()) => Walked::Draft {
                draft,
                issues: w.into_issues(),
            },
            Err(alone) => Walked::Alone(*alone),
        },
        Ok(false) => Walked::Alone(w.into_issues().pop().map_or_else(
            || Issue::new(Code::InvalidType, "", "the document must be a JSON object"),
            |l| located(text, l.at, l.issue),
        )),
        Err(stop) => Walked::Alone(stop_issue(text, stop, limits)),
    }
}

/// `issue` placed at the offset `at` of `text` (an offset as drafts keep it).
fn located(text: &str, at: u32, mut issue: Issue) -> Issue {
    if let Some(at) = position(at) {
        issue.location = Some(Location::in_text(text, at));
        issue.input = Issue::input_at(text, at);
    }
    issue
}

/// Checks `schema_version` once the document is read: a version other than 1 is the only issue
/// (`Err`); a number that is not an integer is `invalid_type`, and the rest is read as version 1.
fn version(w: &mut Walker<'_>, draft: &DraftRegistry) -> Result<(), Box<Issue>> {
    let Some(n) = draft.schema_version.valid() else {
        return Ok(());
    };
    match n.v {
        Integer::Value(1) => Ok(()),
        Integer::Fractional => {
            w.issue_at_key(
                "schema_version",
                n.at as usize,
                Code::InvalidType,
                "expected the integer 1",
            );
            Ok(())
        }
        _ => {
            let shown: String = w
                .text_from(n.at as usize)
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '-')
                .take(24)
                .collect();
            let issue = Issue::new(
                Code::UnsupportedVersion,
                "/schema_version",
                format!(
                    "schema_version {shown} is not supported; this version of pkit reads version 1"
                ),
            );
            Err(Box::new(located(w.text_from(0), n.at, issue)))
        }
    }
}

/// The document as read. `schema_version` is checked once the document is read (an
/// unsupported version is the only issue reported).
#[derive(Debug, Default)]
pub(crate) struct DraftRegistry {
    pub(crate) schema_version: Checked<Integer>,
    pub(crate) as_of: Checked<Date>,
    pub(crate) companies: Vec<DraftCompany>,
    pub(crate) observations: Vec<DraftObservation>,
    pub(crate) targets: Vec<DraftTarget>,
    pub(crate) rankings: Vec<DraftRanking>,
    pub(crate) initiatives: Vec<DraftInitiative>,
    pub(crate) claims: Vec<DraftClaim>,
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
                d.companies = w.records()?;
                Ok(())
            },
        },
        Field {
            name: "observations",
            required: false,
            read: |w, d| {
                d.observations = w.records()?;
                Ok(())
            },
        },
        Field {
            name: "targets",
            required: false,
            read: |w, d| {
                d.targets = w.records()?;
                Ok(())
            },
        },
        Field {
            name: "rankings",
            required: false,
            read: |w, d| {
                d.rankings = w.records()?;
                Ok(())
            },
        },
        Field {
            name: "initiatives",
            required: false,
            read: |w, d| {
                d.initiatives = w.records()?;
                Ok(())
            },
        },
        Field {
            name: "claims",
            required: false,
            read: |w, d| {
                d.claims = w.records()?;
                Ok(())
            },
        },
    ];

    /// The registry of a document without errors; `None` would be a bug in the rules.
    pub(crate) fn finish(self) -> Option<Registry> {
        Some(Registry::from_parts(Records {
            as_of: self.as_of.required()?,
            companies: finish_all(self.companies)?,
            observations: finish_all(self.observations)?,
            targets: finish_all(self.targets)?,
            rankings: finish_all(self.rankings)?,
            initiatives: finish_all(self.initiatives)?,
            claims: finish_all(self.claims)?,
        }))
    }
}
