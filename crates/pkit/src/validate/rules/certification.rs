//! Certifications (SPEC §1.4): editions of the scheme, the CMMI-only fields, certificate
//! numbers listed once, dates against `as_of` and the founding, validity and transitions.

use super::{indexed, FirstSeen, Rules};
use crate::issue::{shorten, Code};
use crate::model::Scheme;
use crate::validate::records::DraftCertification;
use crate::value::Date;

pub(super) fn certifications(
    rules: &mut Rules<'_>,
    base: &str,
    founded: Option<Date>,
    certs: &[DraftCertification],
) {
    let mut numbers = FirstSeen::new();
    for (j, c) in indexed(certs) {
        let place = c.place;
        let cpath = |field: &str| format!("{base}/certifications/{j}{field}");
        let scheme = c.scheme.value().copied();
        let edition = match (scheme, c.edition.valid()) {
            (Some(scheme), Some(e)) if scheme.editions().contains(&e.v.as_str()) => {
                Some(e.v.as_str())
            }
            (Some(scheme), Some(e)) => {
                rules.push(
                    e.at,
                    Code::UnknownEdition,
                    cpath("/edition"),
                    format!(
                        "`{}` is not an edition of {scheme}: expected one of {}",
                        shorten(&e.v),
                        scheme.editions().join(", ")
                    ),
                );
                None
            }
            _ => None,
        };
        if scheme == Some(Scheme::Cmmi) && c.level.is_absent() {
            rules.push(
                place.end,
                Code::MissingField,
                cpath("/level"),
                "a CMMI appraisal needs its maturity `level` (2..=5)".into(),
            );
        }
        if let (Some(scheme), Some(level)) = (scheme, c.level.valid()) {
            if scheme != Scheme::Cmmi {
                rules.push(
                    level.at,
                    Code::LevelNotApplicable,
                    cpath("/level"),
                    format!("{scheme} has no maturity level; `level` is for cmmi only"),
                );
            }
        }
        if let (Some(scheme), Some(appraisal)) = (scheme, c.appraisal.valid()) {
            if scheme != Scheme::Cmmi {
                rules.push(
                    appraisal.at,
                    Code::NotApplicable,
                    cpath("/appraisal"),
                    format!("{scheme} has no appraisal; `appraisal` is for cmmi only"),
                );
            }
        }
        if let (Some(scheme), Some(number)) = (scheme, c.certificate_number.value()) {
            let key = (scheme, number.trim().to_ascii_lowercase());
            if let Some(first) = numbers.repeat(key, j) {
                rules.push(place.at, Code::DuplicateRecord, cpath(""), format!("{scheme} certificate {} is already listed at {base}/certifications/{first}", number.trim()));
            }
        }
        let issued_at = c.issued_on.valid();
        let issued = issued_at.and_then(|d| {
            let path = || cpath("/issued_on");
            let ok = rules.not_future(d, path)?;
            rules.before_founding(founded, d, path);
            Some(ok)
        });
        if let (Some(scheme), Some(edition), Some(issued), Some(d)) =
            (scheme, edition, issued, issued_at)
        {
            if let Some(last) = scheme.last_appraisal_day(edition) {
                if issued > last {
                    rules.push(d.at, Code::EditionWithdrawn, cpath("/issued_on"), format!("{scheme} {edition} could be appraised until {last}; this one is dated {issued}"));
                }
            }
        }
        let Some(expires) = c.expires_on.valid() else {
            continue;
        };
        let epath = || cpath("/expires_on");
        if let Some(issued) = issued {
            if expires.v <= issued {
                rules.push(
                    expires.at,
                    Code::DateOrder,
                    epath(),
                    format!(
                        "expires_on ({}) must be after issued_on ({issued})",
                        expires.v
                    ),
                );
            } else if let Some(scheme) = scheme {
                let (years, latest) = (
                    scheme.max_validity_years(),
                    issued.add_years(scheme.max_validity_years()),
                );
                if expires.v > latest {
                    rules.push(expires.at, Code::ValidityTooLong, epath(), format!("{scheme} certificates are valid for at most {years} year(s): issued {issued}, so expiring by {latest} at the latest, not {}", expires.v));
                }
            }
        }
        if let (Some(scheme), Some(edition)) = (scheme, edition) {
            if let Some(end) = scheme.transition_end(edition) {
                if expires.v > end {
                    rules.push(expires.at, Code::BeyondTransition, epath(), format!("certificates to {scheme}:{edition} are valid only until {end}, the end of the transition; this one claims {}", expires.v));
                }
            }
        }
    }
}
