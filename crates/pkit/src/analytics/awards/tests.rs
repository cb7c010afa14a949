//! Tests of award tallies.

use super::*;

// Expected values computed by a throwaway Python script, an independent Python count over
// the awards of sample.json (collections.Counter, sorted as documented).

fn pairs(counts: &[Count]) -> Vec<(&str, usize)> {
    counts.iter().map(|c| (c.label.as_str(), c.count)).collect()
}

#[test]
fn sample_tally_by_program_and_result() {
    let s = Registry::sample();
    assert_eq!(
        pairs(&s.award_tally(AwardDimension::Program)),
        [("apicta", 30), ("pasha_ict", 23), ("other", 3)]
    );
    assert_eq!(
        pairs(&s.award_tally(AwardDimension::Result)),
        [
            ("merit", 24),
            ("winner", 21),
            ("finalist", 6),
            ("special_mention", 5)
        ]
    );
}

#[test]
fn sample_tally_by_year_is_chronological() {
    let years = Registry::sample().award_tally(AwardDimension::Year);
    assert_eq!(years.len(), 21);
    assert_eq!(pairs(&years[..3]), [("2003", 1), ("2004", 1), ("2007", 1)]);
    assert_eq!(pairs(&years[18..]), [("2023", 6), ("2024", 6), ("2025", 3)]);
    assert_eq!(years.iter().map(|c| c.count).sum::<usize>(), 56);
}

#[test]
fn sample_tally_by_category_breaks_ties_by_label() {
    let categories = Registry::sample().award_tally(AwardDimension::Category);
    assert_eq!(categories.len(), 42);
    assert_eq!(
        pairs(&categories[..4]),
        [
            ("e_government", 3),
            ("e_inclusion", 3),
            ("financial_applications", 3),
            ("cybersecurity", 2)
        ]
    );
    assert_eq!(
        categories.last().map(|c| c.label.as_str()),
        Some("tourism_and_hospitality")
    );
}

#[test]
fn sample_companies_by_awards() {
    let ranked = Registry::sample().companies_by_awards();
    let top: Vec<(&str, usize, usize)> = ranked[..5]
        .iter()
        .map(|c| (c.company_id.as_str(), c.awards, c.winners))
        .collect();
    // Five awards each; three winners break the tie with indus-byteworks, then the id.
    assert_eq!(
        top,
        [
            ("chenab-data-systems", 5, 3),
            ("clifton-digital", 5, 3),
            ("margalla-secureware", 5, 3),
            ("indus-byteworks", 5, 2),
            ("mehran-pixel-games", 4, 2)
        ]
    );
    assert_eq!(ranked[0].legal_name, "Chenab Data Systems Limited");
    // 28 companies, 5 without awards.
    assert_eq!(ranked.len(), 23);
    assert_eq!(
        ranked.last().map(|c| c.company_id.as_str()),
        Some("swat-valley-labs")
    );
}

#[test]
fn an_empty_registry_tallies_nothing() {
    let r = Registry::from_json(r#"{"schema_version": 1, "as_of": "2026-01-31"}"#).unwrap();
    for &by in AwardDimension::ALL {
        assert!(r.award_tally(by).is_empty());
    }
    assert!(r.companies_by_awards().is_empty());
}

#[test]
fn dimensions_parse_and_serialize_as_their_names() {
    for &d in AwardDimension::ALL {
        assert_eq!(d.as_str().parse::<AwardDimension>(), Ok(d));
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            format!("\"{}\"", d.as_str())
        );
    }
    assert!("Program".parse::<AwardDimension>().is_err());
}

#[test]
fn dimensions_read_and_print_their_names() {
    for (dimension, name) in [
        (AwardDimension::Program, "program"),
        (AwardDimension::Year, "year"),
        (AwardDimension::Category, "category"),
        (AwardDimension::Result, "result"),
    ] {
        assert_eq!(dimension.to_string(), name);
        assert_eq!(name.parse::<AwardDimension>().unwrap(), dimension);
    }
}
