//! `Registry::from_json(r.to_json())` gives `r` back.

#[test]
fn sample_round_trips() {
    let sample = pkit::Registry::sample();
    for text in [sample.to_json(), sample.to_json_pretty()] {
        let again = pkit::Registry::from_json(&text).expect("the sample's JSON loads");
        assert_eq!(again, sample);
        // The same warnings, each located in its own text.
        assert_eq!(unplaced(again.warnings()), unplaced(sample.warnings()));
        assert!(again.warnings().iter().all(|w| w.location.is_some()));
    }
}

/// The issues without their locations, to compare issues of two texts of one registry.
pub(crate) fn unplaced(issues: &[pkit::Issue]) -> Vec<pkit::Issue> {
    issues
        .iter()
        .map(|issue| {
            let mut issue = issue.clone();
            issue.location = None;
            issue
        })
        .collect()
}

#[test]
fn generated_registries_round_trip_and_are_valid() {
    for (companies, seed) in [(0, 1), (1, 2), (50, 3), (500, 4)] {
        let generated = pkit::generate::synthetic(companies, seed);
        let text = generated.to_json();
        let report = pkit::validate(&text);
        assert!(report.is_empty(), "seed {seed}: {report}");
        assert_eq!(pkit::Registry::from_json(&text).expect("loads"), generated);
    }
}

#[test]
fn generation_is_deterministic_and_seeded() {
    let a = pkit::generate::synthetic(20, 9).to_json();
    assert_eq!(a, pkit::generate::synthetic(20, 9).to_json());
    assert_ne!(a, pkit::generate::synthetic(20, 10).to_json());
}

#[test]
fn null_optional_fields_load_as_absent() {
    let with_nulls = r#"{"schema_version": 1, "as_of": "2024-06-30", "companies": null,
        "targets": [{"id": "t", "indicator": "ict_exports", "region": null, "value": 5, "deadline": "2030",
                     "stated_by": "MoITT", "stated_on": null, "source": null, "note": null}]}"#;
    let registry = pkit::Registry::from_json(with_nulls).expect("nulls are absent");
    assert_eq!(registry.targets()[0].region, pkit::value::Region::PAKISTAN);
    let again = pkit::Registry::from_json(&registry.to_json()).expect("loads");
    assert_eq!(again, registry);
}
