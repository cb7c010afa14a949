//! The rules that relate values to each other (SPEC §1.3–§1.10): dates against `as_of` and the
//! founding date, duplicates, editions and validity of certificates, award years, overlapping
//! export periods, observation vintages and the consistency of totals, the references of
//! promotion records. One module per record family, in the order of the spec.
//!
//! Every rule takes only values that passed their own checks (no cascade, SPEC §2.1): the
//! drafts hold them as [`Checked`](super::checked::Checked), and a rule reads `valid()` values
//! only.

mod award;
mod certification;
mod company;
mod export;
mod national;
mod promotion;
#[cfg(test)]
mod tests;

use rustc_hash::FxHashMap as HashMap;

use super::checked::At;
use super::reader::Integer;
use super::records::DraftRegistry;
use super::walk::Located;
use super::walk::{check_integer, check_usd};
use super::{Code, Issue};
use crate::model::Unit;
use crate::value::{Date, Period, Slug};

/// Collects the rules' issues.
pub(super) struct Rules<'d> {
    as_of: Option<Date>,
    out: &'d mut Vec<Located>,
}

impl Rules<'_> {
    fn push(&mut self, at: u32, code: Code, path: String, message: String) {
        self.out.push(Located {
            at,
            issue: Issue::new(code, path, message),
        });
    }

    /// `date_in_future` when `date` is after `as_of`; returns the date when it may take part
    /// in comparisons.
    fn not_future(&mut self, date: &At<Date>, path: impl FnOnce() -> String) -> Option<Date> {
        match self.as_of {
            Some(as_of) if date.v > as_of => {
                self.push(
                    date.at,
                    Code::DateInFuture,
                    path(),
                    format!("{} is after as_of ({as_of})", date.v),
                );
                None
            }
            _ => Some(date.v),
        }
    }

    /// `period_in_future` when the period starts after `as_of`.
    fn period_not_future(
        &mut self,
        period: &At<Period>,
        path: impl FnOnce() -> String,
    ) -> Option<Period> {
        let p = period.v;
        match self.as_of {
            Some(as_of) if p.first_day() > as_of => {
                self.push(
                    period.at,
                    Code::PeriodInFuture,
                    path(),
                    format!("{p} starts on {}, after as_of ({as_of})", p.first_day()),
                );
                None
            }
            _ => Some(p),
        }
    }

    /// Checks a value whose unit depends on another field (an indicator, a claim's metric): a
    /// count or whole US dollars, or, when that field is invalid (`None`), any non-negative
    /// integer up to the usd cap. Returns the value when valid.
    fn unit_value(&mut self, unit: Option<Unit>, n: &At<Integer>, path: String) -> Option<u64> {
        let checked = match unit {
            Some(Unit::Usd) => check_usd(n.v),
            Some(Unit::Count) => check_integer(n.v, 0..=Unit::Count.max()),
            None => check_integer(n.v, 0..=Unit::Usd.max()),
        };
        match checked {
            Ok(v) => Some(v),
            Err((code, message)) => {
                self.push(n.at, code, path, message);
                None
            }
        }
    }

    /// `before_founding` when `date` is before the company's founding day.
    fn before_founding(
        &mut self,
        founded: Option<Date>,
        date: &At<Date>,
        path: impl FnOnce() -> String,
    ) {
        if let Some(f) = founded {
            if date.v < f {
                self.push(
                    date.at,
                    Code::BeforeFounding,
                    path(),
                    format!("{} is before the company was founded ({f})", date.v),
                );
            }
        }
    }
}

/// Runs every rule on the draft, appending issues to `out`.
pub(crate) fn check(draft: &DraftRegistry, out: &mut Vec<Located>) {
    let mut rules = Rules {
        as_of: draft.as_of.value().copied(),
        out,
    };
    let initiatives = promotion::Initiatives::new(rules.as_of, &draft.initiatives);
    let founding = company::companies(&mut rules, &draft.companies, &initiatives);
    promotion::initiatives(&mut rules, &draft.initiatives, &founding);
    promotion::claims(&mut rules, &draft.claims, &initiatives);
    national::observations(&mut rules, &draft.observations);
    national::targets(&mut rules, &draft.targets);
    national::rankings(&mut rules, &draft.rankings);
}

/// Remembers the first element that had each key; tells where a repeated key was first seen.
struct FirstSeen<K> {
    seen: HashMap<K, usize>,
}

impl<K: std::hash::Hash + Eq> FirstSeen<K> {
    fn new() -> Self {
        FirstSeen {
            seen: HashMap::default(),
        }
    }

    /// `Some(first index)` when `key` was seen before; otherwise records it.
    fn repeat(&mut self, key: K, index: usize) -> Option<usize> {
        match self.seen.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(index);
                None
            }
        }
    }
}

/// `duplicate_id` when element `i` of `array` (a JSON Pointer) repeats an earlier id.
fn unique_id<'d>(
    rules: &mut Rules<'_>,
    ids: &mut FirstSeen<&'d str>,
    id: Option<&'d At<Slug>>,
    array: &str,
    i: usize,
) {
    if let Some(id) = id {
        if let Some(first) = ids.repeat(id.v.as_str(), i) {
            rules.push(
                id.at,
                Code::DuplicateId,
                format!("{array}/{i}/id"),
                format!("the id `{}` is already used by {array}/{first}", id.v),
            );
        }
    }
}

/// The valid items of a list of values, with their index.
fn valid<T>(list: &[super::checked::Checked<T>]) -> impl Iterator<Item = (usize, &At<T>)> + '_ {
    list.iter()
        .enumerate()
        .filter_map(|(i, c)| c.valid().map(|a| (i, a)))
}

/// The records of a list (those that are objects), with their index in the array.
fn indexed<D: super::walk::Draft>(records: &[D]) -> impl Iterator<Item = (usize, &D)> + '_ {
    records.iter().map(|d| (d.place().index as usize, d))
}
