//! Tests of certificate status, coverage and transitions.

use super::*;

// The sample's expected values were computed by a throwaway Python script, an independent
// Python reading of sample.json (derived status per SPEC §1.4, transition ends from the
// spec's table); they agree with the status table of data/README.md.

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn sample_statuses_match_the_readme() {
    let s = Registry::sample();
    let statuses = s.certificate_statuses(s.as_of());
    let count = |d: DerivedStatus| statuses.iter().filter(|c| c.status == d).count();
    assert_eq!(statuses.len(), 51);
    assert_eq!(
        [
            DerivedStatus::Valid,
            DerivedStatus::Expiring,
            DerivedStatus::Expired,
            DerivedStatus::Suspended,
            DerivedStatus::Withdrawn
        ]
        .map(count),
        [26, 6, 16, 2, 1]
    );
    // ravi-code-labs' 27001:2013 expires 2026-02-28 but its transition ended 2025-10-31.
    let ravi = statuses
        .iter()
        .find(|c| c.company_id == "ravi-code-labs" && c.index == 0)
        .unwrap();
    assert_eq!(ravi.effective_expiry, day("2025-10-31"));
    assert_eq!(ravi.days_to_expiry, -92);
    assert_eq!(
        (ravi.status, ravi.edition),
        (DerivedStatus::Expired, "2013")
    );
}

#[test]
fn sample_coverage_on_as_of() {
    // Companies with a valid or expiring certificate of the scheme, over 28 companies.
    let s = Registry::sample();
    let coverage = s.certification_coverage(day("2026-01-31"));
    let counts: Vec<(Scheme, usize)> = coverage.iter().map(|c| (c.scheme, c.companies)).collect();
    assert_eq!(
        counts,
        [
            (Scheme::Cmmi, 5),
            (Scheme::Iso9001, 6),
            (Scheme::Iso14001, 2),
            (Scheme::Iso20000_1, 2),
            (Scheme::Iso22301, 1),
            (Scheme::Iso27001, 7),
            (Scheme::Iso27701, 3),
            (Scheme::PciDss, 2),
            (Scheme::Soc2, 4),
        ]
    );
    assert_eq!(coverage[5].share, 7.0 / 28.0);
    assert_eq!(coverage[0].share, 5.0 / 28.0);
}

#[test]
fn sample_expiring_within() {
    let s = Registry::sample();
    let on = s.as_of();
    let soon: Vec<(String, usize, i64)> = s
        .expiring_within(on, 90)
        .into_iter()
        .map(|c| (c.company_id, c.index, c.days_to_expiry))
        .collect();
    assert_eq!(
        soon,
        [
            ("chenab-data-systems".into(), 4, 19),
            ("margalla-secureware".into(), 1, 28),
            ("khyber-pass-technologies".into(), 1, 40),
            ("indus-byteworks".into(), 3, 61),
            ("seaview-fintech".into(), 0, 73),
            ("sindhu-analytics".into(), 0, 75),
        ]
    );
    assert_eq!(s.expiring_within(on, 30).len(), 2);
    assert_eq!(s.expiring_within(on, 28).len(), 2, "the last day counts");
    assert_eq!(s.expiring_within(on, 27).len(), 1);
    // Certificates in force beyond 90 days are included for a wider window.
    assert_eq!(s.expiring_within(on, 365).len(), 14);
}

#[test]
fn sample_past_transition() {
    let s = Registry::sample();
    let gaps = |on: &str| -> Vec<(String, Scheme, &'static str, String)> {
        s.past_transition(day(on))
            .into_iter()
            .map(|g| {
                (
                    g.company_id,
                    g.scheme,
                    g.edition,
                    g.transition_end.to_string(),
                )
            })
            .collect()
    };
    // On as_of every superseded certificate sits next to one to the current edition.
    assert!(gaps("2026-01-31").is_empty());
    // On 2022-01-01 the current-edition certificates were not issued yet.
    assert_eq!(
        gaps("2022-01-01"),
        [
            (
                "indus-byteworks".into(),
                Scheme::Iso9001,
                "2008",
                "2018-09-15".into()
            ),
            (
                "chenab-data-systems".into(),
                Scheme::Iso14001,
                "2004",
                "2018-09-15".into()
            ),
            (
                "chenab-data-systems".into(),
                Scheme::Iso20000_1,
                "2011",
                "2021-09-30".into()
            ),
        ]
    );
    // ravi-code-labs between the end of 27001:2013 and its 27001:2022 certificate.
    assert_eq!(
        gaps("2025-11-01"),
        [(
            "ravi-code-labs".into(),
            Scheme::Iso27001,
            "2013",
            "2025-10-31".into()
        )]
    );
    // The transition end itself is still inside the transition.
    assert!(gaps("2025-10-31").is_empty());
}

#[test]
fn a_current_certificate_of_any_status_closes_the_gap() {
    let cert = |edition: &str, issued: &str, expires: &str, status: &str| {
        format!(
            r#"{{"scheme": "iso_27001", "edition": "{edition}", "issuer": "X", "issued_on": "{issued}",
                "expires_on": "{expires}", "status": "{status}"}}"#
        )
    };
    let company = |id: &str, certs: &[String]| {
        format!(
            r#"{{"id": "{id}", "legal_name": "X", "legal_form": "private_limited",
                "headquarters": {{"city": "Lahore", "region": "PK-PB"}}, "certifications": [{}]}}"#,
            certs.join(",")
        )
    };
    let old = cert("2013", "2022-01-10", "2025-01-09", "active");
    let text = format!(
        r#"{{"schema_version": 1, "as_of": "2026-01-31", "companies": [{}, {}, {}]}}"#,
        company("only-old", std::slice::from_ref(&old)),
        company(
            "old-and-withdrawn-new",
            &[
                old.clone(),
                cert("2022", "2025-01-10", "2028-01-09", "withdrawn")
            ]
        ),
        company("none", &[]),
    );
    let r = Registry::from_json(&text).unwrap();
    let gaps = r.past_transition(r.as_of());
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0].company_id, "only-old");
    // Coverage counts companies, not certificates: three companies, none in force.
    let coverage = r.certification_coverage(r.as_of());
    assert!(coverage.iter().all(|c| c.companies == 0 && c.share == 0.0));
    // On 2024-06-01 the 2013 certificates are in force: two companies out of three.
    let iso = r.certification_coverage(day("2024-06-01"))[5];
    assert_eq!((iso.companies, iso.share), (2, 2.0 / 3.0));
}

#[test]
fn a_company_with_two_certificates_of_a_scheme_counts_once() {
    let cert = |number: &str| {
        format!(
            r#"{{"scheme": "iso_9001", "edition": "2015", "issuer": "SGS",
                "certificate_number": "{number}", "issued_on": "2024-01-01",
                "expires_on": "2027-01-01"}}"#
        )
    };
    let text = format!(
        r#"{{"schema_version": 1, "as_of": "2025-06-30", "companies": [
            {{"id": "a", "legal_name": "A Ltd", "legal_form": "private_limited",
              "headquarters": {{"city": "Lahore", "region": "PK-PB"}},
              "certifications": [{}, {}]}},
            {{"id": "b", "legal_name": "B Ltd", "legal_form": "private_limited",
              "headquarters": {{"city": "Lahore", "region": "PK-PB"}}}}]}}"#,
        cert("Q-1"),
        cert("Q-2")
    );
    let r = Registry::from_json(&text).unwrap();
    let iso = r
        .certification_coverage(day("2025-06-30"))
        .into_iter()
        .find(|c| c.scheme == Scheme::Iso9001)
        .unwrap();
    assert_eq!((iso.companies, iso.share), (1, 0.5));
}
