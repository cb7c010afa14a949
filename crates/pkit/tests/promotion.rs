//! The promotion analytics (SPEC §1.10) on the built-in sample, against values worked out by
//! hand from `data/sample.json` (the same figures as `data/README.md` and `docs/promotion.md`,
//! there rounded). Amounts are exact; ratios are compared to 1e-9 of their value.

use pkit::analytics::{FollowUpState, Outcome};

/// An [`Outcome`] from its integers and ratios, in the order of the docs' table.
fn outcome(
    participants: usize,
    subsidy_usd: u64,
    public_cost_usd: Option<u64>,
    [leads, lead_value_usd, leads_open, leads_won, leads_lost]: [u64; 5],
    [binding, contracted_value_usd, non_binding, offices]: [u64; 4],
    [conversion, cost_per_lead, cost_per_binding_agreement, return_per_usd]: [Option<f64>; 4],
) -> Outcome {
    let n = |v: u64| usize::try_from(v).unwrap();
    Outcome {
        participants,
        subsidy_usd,
        public_cost_usd,
        leads: n(leads),
        lead_value_usd,
        leads_open: n(leads_open),
        leads_won: n(leads_won),
        leads_lost: n(leads_lost),
        binding_agreements: n(binding),
        contracted_value_usd,
        non_binding_agreements: n(non_binding),
        offices: n(offices),
        conversion,
        cost_per_lead,
        cost_per_binding_agreement,
        return_per_usd,
    }
}

/// True when two ratios agree to 1e-9 of their size (both `None`, or both close).
fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        _ => false,
    }
}

fn assert_outcome(actual: &Outcome, expected: &Outcome, what: &str) {
    let ints = |o: &Outcome| {
        (
            o.participants,
            o.subsidy_usd,
            o.public_cost_usd,
            [o.leads, o.leads_open, o.leads_won, o.leads_lost],
            o.lead_value_usd,
            [o.binding_agreements, o.non_binding_agreements, o.offices],
            o.contracted_value_usd,
        )
    };
    assert_eq!(ints(actual), ints(expected), "{what}");
    for (name, a, e) in [
        ("conversion", actual.conversion, expected.conversion),
        (
            "cost_per_lead",
            actual.cost_per_lead,
            expected.cost_per_lead,
        ),
        (
            "cost_per_binding_agreement",
            actual.cost_per_binding_agreement,
            expected.cost_per_binding_agreement,
        ),
        (
            "return_per_usd",
            actual.return_per_usd,
            expected.return_per_usd,
        ),
    ] {
        assert!(close(a, e), "{what} {name}: {a:?}, expected {e:?}");
    }
}

#[test]
#[rustfmt::skip]
fn per_initiative() {
    let expected = [
        ("leap-2022", "FY2021-22", "SA", outcome(4, 13500, None, [3, 5400000, 0, 2, 1], [2, 3450000, 0, 0], [Some(0.6666666666666666), None, None, None])),
        ("gitex-global-2022", "FY2022-23", "AE", outcome(5, 32000, Some(400000), [4, 1865000, 0, 3, 1], [2, 1300000, 0, 1], [Some(0.75), Some(100000.0), Some(200000.0), Some(3.25)])),
        ("leap-2023", "FY2022-23", "SA", outcome(4, 17000, Some(350000), [3, 3900000, 1, 2, 0], [2, 5660000, 1, 0], [Some(1.0), Some(116666.66666666667), Some(175000.0), Some(16.17142857142857)])),
        ("gitex-global-2023", "FY2023-24", "AE", outcome(8, 55000, Some(600000), [8, 4840000, 1, 4, 3], [4, 1295000, 2, 2], [Some(0.5714285714285714), Some(75000.0), Some(150000.0), Some(2.158333333333333)])),
        ("leap-2024", "FY2023-24", "SA", outcome(4, 18500, None, [5, 5020000, 2, 2, 1], [1, 1200000, 1, 1], [Some(0.6666666666666666), None, None, None])),
        ("london-tech-week-2024", "FY2023-24", "GB", outcome(6, 28000, Some(250000), [3, 1770000, 0, 1, 2], [1, 1150000, 1, 0], [Some(0.3333333333333333), Some(83333.33333333333), Some(250000.0), Some(4.6)])),
        ("gitex-global-2024", "FY2024-25", "AE", outcome(6, 39500, Some(650000), [4, 1960000, 2, 2, 0], [2, 930000, 2, 0], [Some(1.0), Some(162500.0), Some(325000.0), Some(1.4307692307692308)])),
        ("pak-us-tech-investment-2024", "FY2024-25", "US", outcome(3, 0, None, [3, 675000, 1, 1, 1], [1, 480000, 0, 0], [Some(0.5), None, None, None])),
        ("gitex-europe-2025", "FY2024-25", "DE", outcome(0, 0, None, [0, 0, 0, 0, 0], [0, 0, 0, 0], [None, None, None, None])),
        ("gitex-global-2025", "FY2025-26", "AE", outcome(4, 36000, None, [3, 600000, 3, 0, 0], [0, 0, 1, 0], [None, None, None, None])),
    ];
    let actual = pkit::Registry::sample().initiative_outcomes();
    assert_eq!(actual.len(), expected.len());
    for (a, (id, fy, country, outcome)) in actual.iter().zip(&expected) {
        assert_eq!(a.initiative_id, *id);
        assert_eq!(pkit::value::FiscalYear::new(a.fiscal_year).to_string(), *fy, "{id}");
        assert_eq!(a.country.as_str(), *country, "{id}");
        assert_outcome(&a.outcome, outcome, id);
    }
}

#[test]
#[rustfmt::skip]
fn by_fiscal_year_and_host_country() {
    let by_year: Vec<(&str, &[&str], Outcome)> = vec![
        ("FY2021-22", &["leap-2022"], outcome(4, 13500, None, [3, 5400000, 0, 2, 1], [2, 3450000, 0, 0], [Some(0.6666666666666666), None, None, None])),
        ("FY2022-23", &["gitex-global-2022", "leap-2023"], outcome(9, 49000, Some(750000), [7, 5765000, 1, 5, 1], [4, 6960000, 1, 1], [Some(0.8333333333333334), Some(107142.85714285714), Some(187500.0), Some(9.28)])),
        ("FY2023-24", &["gitex-global-2023", "leap-2024", "london-tech-week-2024"], outcome(18, 101500, Some(850000), [16, 11630000, 3, 7, 6], [6, 3645000, 4, 3], [Some(0.5384615384615384), Some(77272.72727272728), Some(170000.0), Some(2.876470588235294)])),
        ("FY2024-25", &["gitex-global-2024", "pak-us-tech-investment-2024", "gitex-europe-2025"], outcome(9, 39500, Some(650000), [7, 2635000, 3, 3, 1], [3, 1410000, 2, 0], [Some(0.75), Some(162500.0), Some(325000.0), Some(1.4307692307692308)])),
        ("FY2025-26", &["gitex-global-2025"], outcome(4, 36000, None, [3, 600000, 3, 0, 0], [0, 0, 1, 0], [None, None, None, None])),
    ];
    let by_host: Vec<(&str, &[&str], Outcome)> = vec![
        ("SA", &["leap-2022", "leap-2023", "leap-2024"], outcome(12, 49000, Some(350000), [11, 14320000, 3, 6, 2], [5, 10310000, 2, 1], [Some(0.75), Some(116666.66666666667), Some(175000.0), Some(16.17142857142857)])),
        ("AE", &["gitex-global-2022", "gitex-global-2023", "gitex-global-2024", "gitex-global-2025"], outcome(23, 162500, Some(1650000), [19, 9265000, 6, 9, 4], [8, 3525000, 5, 3], [Some(0.6923076923076923), Some(103125.0), Some(206250.0), Some(2.1363636363636362)])),
        ("GB", &["london-tech-week-2024"], outcome(6, 28000, Some(250000), [3, 1770000, 0, 1, 2], [1, 1150000, 1, 0], [Some(0.3333333333333333), Some(83333.33333333333), Some(250000.0), Some(4.6)])),
        ("US", &["pak-us-tech-investment-2024"], outcome(3, 0, None, [3, 675000, 1, 1, 1], [1, 480000, 0, 0], [Some(0.5), None, None, None])),
        ("DE", &["gitex-europe-2025"], outcome(0, 0, None, [0, 0, 0, 0, 0], [0, 0, 0, 0], [None, None, None, None])),
    ];
    let sample = pkit::Registry::sample();
    for (actual, expected) in [
        (sample.outcomes_by_fiscal_year(), by_year),
        (sample.outcomes_by_host_country(), by_host),
    ] {
        assert_eq!(actual.len(), expected.len());
        for (a, (label, initiatives, outcome)) in actual.iter().zip(&expected) {
            assert_eq!(a.label, *label);
            assert_eq!(a.initiatives, *initiatives, "{label}");
            assert_outcome(&a.outcome, outcome, label);
        }
    }
}

/// A counterparty country: code, leads (count, value, open, won, lost), agreements (binding,
/// contracted value, non-binding), conversion.
type Market = (&'static str, [u64; 5], [u64; 3], Option<f64>);

/// A non-binding agreement: company, id, kind, country, signed on, credited, state, followed by.
type Follow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static [&'static str],
);

#[test]
#[rustfmt::skip]
fn by_counterparty_country() {
    let expected: [Market; 11] = [
        ("SA", [11, 14320000, 3, 6, 2], [5, 10310000, 2], Some(0.75)),
        ("AE", [12, 6125000, 5, 5, 2], [3, 2060000, 2], Some(0.7142857142857143)),
        ("GB", [3, 1770000, 0, 1, 2], [1, 1150000, 1], Some(0.3333333333333333)),
        ("QA", [1, 700000, 0, 1, 0], [1, 690000, 1], Some(1.0)),
        ("US", [3, 675000, 1, 1, 1], [1, 480000, 0], Some(0.5)),
        ("NL", [1, 220000, 0, 1, 0], [2, 360000, 0], Some(1.0)),
        ("SE", [1, 260000, 0, 1, 0], [1, 240000, 0], Some(1.0)),
        ("CA", [1, 180000, 0, 1, 0], [1, 175000, 1], Some(1.0)),
        ("BH", [1, 1400000, 0, 0, 1], [0, 0, 1], Some(0.0)),
        ("JO", [1, 0, 1, 0, 0], [0, 0, 0], None),
        ("KW", [1, 380000, 0, 0, 1], [0, 0, 0], Some(0.0)),
    ];
    let actual = pkit::Registry::sample().outcomes_by_counterparty_country();
    assert_eq!(actual.len(), expected.len());
    for (a, (country, leads, agreements, conversion)) in actual.iter().zip(&expected) {
        assert_eq!(a.country.as_str(), *country);
        let n = |v: usize| v as u64;
        assert_eq!([n(a.leads), a.lead_value_usd, n(a.leads_open), n(a.leads_won), n(a.leads_lost)], *leads, "{country}");
        assert_eq!([n(a.binding_agreements), a.contracted_value_usd, n(a.non_binding_agreements)], *agreements, "{country}");
        assert!(close(a.conversion, *conversion), "{country}");
    }
}

#[test]
#[rustfmt::skip]
fn follow_through() {
    let expected: [Follow; 9] = [
        ("chenab-data-systems", "gulf-meridian-mou", "mou", "BH", "2023-10-19", Some("gitex-global-2023"), "not_followed", &[]),
        ("chenab-data-systems", "hejaz-health-loi", "letter_of_intent", "SA", "2024-03-06", Some("leap-2024"), "not_followed", &[]),
        ("clifton-digital", "doha-crescent-loi", "letter_of_intent", "QA", "2024-10-17", Some("gitex-global-2024"), "followed", &["doha-crescent-contract"]),
        ("seaview-fintech", "riyadh-payments-mou", "mou", "SA", "2023-02-08", Some("leap-2023"), "followed", &["riyadh-payments-contract"]),
        ("seaview-fintech", "abu-dhabi-remit-mou", "mou", "AE", "2024-10-17", Some("gitex-global-2024"), "not_followed", &[]),
        ("mehran-pixel-games", "gulf-arcade-loi", "letter_of_intent", "AE", "2025-10-17", Some("gitex-global-2025"), "pending", &[]),
        ("margalla-secureware", "camden-secure-loi", "letter_of_intent", "GB", "2024-06-13", Some("london-tech-week-2024"), "not_followed", &[]),
        ("margalla-secureware", "bergen-offshore-mou", "mou", "NO", "2025-02-20", None, "followed", &["bergen-offshore-framework"]),
        ("karakoram-remote-works", "maple-leaf-mou", "mou", "CA", "2023-10-20", Some("gitex-global-2023"), "followed", &["maple-leaf-contract"]),
    ];
    let follow = pkit::Registry::sample().follow_through();
    assert_eq!((follow.total, follow.followed, follow.pending), (9, 4, 1));
    assert_eq!(follow.share, Some(0.5));
    assert_eq!(follow.agreements.len(), expected.len());
    for (a, (company, id, kind, country, signed, credited, state, by)) in follow.agreements.iter().zip(&expected) {
        assert_eq!((a.company_id.as_str(), a.agreement_id.as_str()), (*company, *id));
        assert_eq!((a.kind.as_str(), a.counterparty_country.as_str()), (*kind, *country), "{id}");
        assert_eq!(a.signed_on.to_string(), *signed, "{id}");
        assert_eq!(a.initiative.as_deref(), *credited, "{id}");
        assert_eq!(a.state, state.parse::<FollowUpState>().unwrap(), "{id}");
        assert_eq!(a.followed_by, *by, "{id}");
    }
}

#[test]
#[rustfmt::skip]
fn participants_against_non_participants() {
    let expected = [
        ("leap-2022", "FY2021-22", [4, 65232000, 72370000], Some(0.10942482217316662), [20, 91071000, 105405000], Some(0.15739368185262048)),
        ("gitex-global-2022", "FY2022-23", [5, 57922000, 62119000], Some(0.07245951451952637), [20, 119891000, 125115000], Some(0.04357291206178937)),
        ("leap-2023", "FY2022-23", [4, 74385000, 74352000], Some(-0.0004436378302077326), [21, 103428000, 112882000], Some(0.09140658235680865)),
        ("gitex-global-2023", "FY2023-24", [8, 147055000, 169815000], Some(0.1547720240726258), [18, 40200000, 47415000], Some(0.17947761194029854)),
        ("leap-2024", "FY2023-24", [4, 70248000, 81934000], Some(0.1663534904908326), [22, 117007000, 135296000], Some(0.1563068876221081)),
        ("london-tech-week-2024", "FY2023-24", [6, 60090000, 69570000], Some(0.15776335496754879), [20, 127165000, 147660000], Some(0.1611685605315929)),
        ("gitex-global-2024", "FY2024-25", [0, 0, 0], None, [0, 0, 0], None),
        ("pak-us-tech-investment-2024", "FY2024-25", [0, 0, 0], None, [0, 0, 0], None),
        ("gitex-global-2025", "FY2025-26", [0, 0, 0], None, [0, 0, 0], None),
    ];
    let sample = pkit::Registry::sample();
    let actual = sample.participation_growth();
    assert_eq!(actual.len(), expected.len());
    let companies = sample.companies().len();
    for (a, (id, fy, part, part_growth, rest, rest_growth)) in actual.iter().zip(&expected) {
        assert_eq!(a.initiative_id, *id);
        assert_eq!(pkit::value::FiscalYear::new(a.fiscal_year).to_string(), *fy, "{id}");
        let members = sample.initiative(id).unwrap().participants.len();
        assert_eq!((a.participants.members, a.non_participants.members), (members, companies - members), "{id}");
        let cohort = |c: &pkit::analytics::CohortGrowth| [c.measured as u64, c.from_usd, c.to_usd];
        assert_eq!(cohort(&a.participants), *part, "{id}");
        assert_eq!(cohort(&a.non_participants), *rest, "{id}");
        assert!(close(a.participants.growth, *part_growth), "{id}");
        assert!(close(a.non_participants.growth, *rest_growth), "{id}");
    }
}

#[test]
fn claims_beside_the_records() {
    let checks = pkit::Registry::sample().claims_reconciled();
    let rows: Vec<(&str, &str, Option<&str>, u64)> = checks
        .iter()
        .map(|c| {
            (
                c.claim_id.as_str(),
                c.metric.as_str(),
                c.initiative.as_deref(),
                c.claimed,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "gitex-2023-return",
                "return_per_usd",
                Some("gitex-global-2023"),
                40
            ),
            (
                "leap-2023-lead-value",
                "lead_value_usd",
                Some("leap-2023"),
                100_000_000
            ),
        ]
    );
    assert!(close(checks[0].recorded, Some(2.158333333333333)));
    assert!(close(checks[0].ratio, Some(18.532818532818535)));
    assert!(close(checks[1].recorded, Some(3_900_000.0)));
    assert!(close(checks[1].ratio, Some(25.641025641025642)));
}
