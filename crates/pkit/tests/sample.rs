//! The built-in sample: valid, with exactly the intended warnings and the coverage it promises.

use pkit::model::{DerivedStatus, Program, Scheme};
use pkit::value::Subdivision;

#[test]
fn sample_loads_with_zero_errors_and_the_intended_warnings() {
    let report = pkit::validate(include_str!("../data/sample.json"));
    assert!(report.is_valid(), "{report}");
    let warnings: Vec<_> = report
        .issues()
        .iter()
        .map(|i| (i.code.as_str(), i.path.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [
            (
                "beyond_transition",
                "/companies/1/certifications/0/expires_on"
            ),
            (
                "edition_withdrawn",
                "/companies/13/certifications/0/issued_on"
            ),
        ]
    );
}

#[test]
fn sample_covers_what_it_promises() {
    let sample = pkit::Registry::sample();
    assert!(sample.companies().len() >= 25);
    for region in Subdivision::ALL {
        assert!(
            sample
                .companies()
                .iter()
                .any(|c| c.headquarters.region == region),
            "{region}"
        );
    }
    let certs: Vec<_> = sample
        .companies()
        .iter()
        .flat_map(|c| &c.certifications)
        .collect();
    for scheme in Scheme::ALL {
        assert!(certs.iter().any(|c| c.scheme == *scheme), "{scheme}");
    }
    for status in [
        DerivedStatus::Valid,
        DerivedStatus::Expiring,
        DerivedStatus::Expired,
        DerivedStatus::Suspended,
        DerivedStatus::Withdrawn,
    ] {
        assert!(
            certs.iter().any(|c| c.status_on(sample.as_of()) == status),
            "{status}"
        );
    }
    let awards: Vec<_> = sample.companies().iter().flat_map(|c| &c.awards).collect();
    assert!(awards.iter().any(|a| a.program == Program::Apicta));
    assert!(awards.iter().any(|a| a.program == Program::PashaIct));
    assert!(sample.companies().iter().any(|c| !c.offices.is_empty()));
    assert!(sample.companies().iter().any(|c| !c.exports.is_empty()));
}

/// Every row of the shared public data is in the sample, value and source.
#[test]
fn sample_holds_every_public_figure() {
    let sample = pkit::Registry::sample();
    let csv = include_str!("../data/public/national_observations.csv");
    let rows: Vec<&str> = csv.lines().skip(1).filter(|l| !l.is_empty()).collect();
    assert_eq!(sample.observations().len(), rows.len());
    for (row, obs) in rows.iter().zip(sample.observations()) {
        let fields: Vec<&str> = row.split(',').collect();
        assert_eq!(obs.indicator.as_str(), fields[0]);
        assert_eq!(obs.region.code(), fields[1]);
        assert_eq!(obs.period.to_string(), fields[2]);
        assert_eq!(obs.value.to_string(), fields[3]);
        assert_eq!(obs.source.url.as_deref(), Some(fields[5]));
    }
    assert_eq!(sample.targets().len(), 5);
    assert_eq!(sample.rankings().len(), 3);
}
