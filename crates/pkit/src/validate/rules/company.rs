//! Companies (SPEC §1.3): unique ids and identifiers, the founding date, services listed once,
//! offices abroad and the initiatives credited with them; then each company's certifications,
//! awards, exports, leads and agreements.

use std::collections::HashSet;

use super::promotion::{Founding, Initiatives};
use super::{indexed, unique_id, valid, FirstSeen, Rules};
use crate::issue::Code;
use crate::validate::records::DraftCompany;
use crate::value::{ntn_taxpayer, Country};

/// Checks the companies; returns each id's founding day, for the participants of initiatives.
pub(super) fn companies<'d>(
    rules: &mut Rules<'_>,
    companies: &'d [DraftCompany],
    initiatives: &Initiatives<'_>,
) -> Founding<'d> {
    let mut founding = Founding::default();
    let mut ids = FirstSeen::new();
    let mut ntns = FirstSeen::new();
    let mut cuins = FirstSeen::new();
    let mut leis = FirstSeen::new();
    for (i, c) in indexed(companies) {
        let base = format!("/companies/{i}");
        unique_id(rules, &mut ids, c.id.valid(), "/companies", i);
        if let Some(identifiers) = c.identifiers.value() {
            for (field, value, seen) in [
                ("ntn", &identifiers.ntn, &mut ntns),
                ("cuin", &identifiers.cuin, &mut cuins),
                ("lei", &identifiers.lei, &mut leis),
            ] {
                let Some(v) = value.valid() else { continue };
                let key = if field == "ntn" {
                    ntn_taxpayer(&v.v)
                } else {
                    v.v.as_str()
                };
                if let Some(first) = seen.repeat(key, i) {
                    rules.push(
                        v.at,
                        Code::DuplicateIdentifier,
                        format!("{base}/identifiers/{field}"),
                        format!(
                            "the {} {} is already given for /companies/{first}",
                            field.to_uppercase(),
                            v.v
                        ),
                    );
                }
            }
        }
        let founded = c
            .founded_on
            .valid()
            .and_then(|f| rules.not_future(f, || format!("{base}/founded_on")));
        if let Some(id) = c.id.value() {
            founding.entry(id.as_str()).or_insert(founded);
        }
        let mut services = HashSet::new();
        for (j, s) in valid(&c.services) {
            if !services.insert(s.v) {
                rules.push(
                    s.at,
                    Code::DuplicateValue,
                    format!("{base}/services/{j}"),
                    format!("the service `{}` is listed twice", s.v),
                );
            }
        }
        for (j, o) in indexed(&c.offices) {
            let opath = |field: &str| format!("{base}/offices/{j}{field}");
            if let Some(country) = o.country.valid() {
                if country.v == Country::PAKISTAN {
                    rules.push(country.at, Code::DomesticOffice, opath("/country"), "an office abroad cannot be in Pakistan (PK); the head office is `headquarters`".into());
                }
            }
            let opened = o.opened_on.valid().and_then(|opened| {
                let path = || opath("/opened_on");
                let ok = rules.not_future(opened, path)?;
                rules.before_founding(founded, opened, path);
                Some(ok)
            });
            super::promotion::office(rules, opath, o, opened, initiatives);
        }
        super::certification::certifications(rules, &base, founded, &c.certifications);
        super::award::awards(rules, &base, founded, &c.awards);
        super::export::exports(rules, &base, founded, &c.exports);
        super::promotion::leads(rules, &base, founded, &c.leads, initiatives);
        super::promotion::agreements(rules, &base, founded, &c.agreements, &c.leads, initiatives);
    }
    founding
}
