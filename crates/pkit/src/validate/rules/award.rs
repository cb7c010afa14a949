//! Awards (SPEC §1.5): the programme's name and first year, the year against `as_of` and the
//! founding, APICTA categories, and awards listed once.

use super::{indexed, FirstSeen, Rules};
use crate::issue::{shorten, Code};
use crate::model::{Program, APICTA_CATEGORIES};
use crate::validate::records::DraftAward;
use crate::value::Date;

pub(super) fn awards(
    rules: &mut Rules<'_>,
    base: &str,
    founded: Option<Date>,
    awards: &[DraftAward],
) {
    let mut seen = FirstSeen::new();
    for (k, a) in indexed(awards) {
        let place = a.place;
        let apath = |field: &str| format!("{base}/awards/{k}{field}");
        let program = a.program.value().copied();
        if program == Some(Program::Other) && a.program_name.is_absent() {
            rules.push(
                place.end,
                Code::MissingField,
                apath("/program_name"),
                "an award of program `other` needs its `program_name`".into(),
            );
        }
        let year = a.year.valid().and_then(|y| {
            let path = || apath("/year");
            if let Some(p) = program {
                if y.v < p.first_year() {
                    rules.push(
                        y.at,
                        Code::OutOfRange,
                        path(),
                        format!(
                            "{p} awards start in {}; {} is too early",
                            p.first_year(),
                            y.v
                        ),
                    );
                    return None;
                }
            }
            if let Some(as_of) = rules.as_of {
                if i32::from(y.v) > as_of.year() {
                    rules.push(
                        y.at,
                        Code::DateInFuture,
                        path(),
                        format!("{} is after the year of as_of ({as_of})", y.v),
                    );
                    return None;
                }
            }
            if let Some(f) = founded {
                if i32::from(y.v) < f.year() {
                    rules.push(
                        y.at,
                        Code::BeforeFounding,
                        path(),
                        format!("{} is before the company was founded ({f})", y.v),
                    );
                }
            }
            Some(y.v)
        });
        if let (Some(Program::Apicta), Some(category)) = (program, a.category.valid()) {
            if !APICTA_CATEGORIES.contains(&category.v.as_str()) {
                rules.push(
                    category.at,
                    Code::UnknownCategory,
                    apath("/category"),
                    format!("`{}` is not a known APICTA category", category.v),
                );
            }
        }
        if let (Some(program), Some(year), Some(category), Some(entry)) =
            (program, year, a.category.value(), a.entry.value())
        {
            if let Some(first) = seen.repeat((program, year, category.as_str(), entry.as_str()), k)
            {
                rules.push(place.at, Code::DuplicateRecord, apath(""), format!("the same {program} {year} award in `{category}` for \"{}\" is already listed at {base}/awards/{first}", shorten(entry)));
            }
        }
    }
}
