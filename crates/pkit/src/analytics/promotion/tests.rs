// Test helpers may fail loudly: a broken fixture is a failed test.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use serde_json::{json, Value};

use super::FollowUpState;
use crate::registry::Registry;

/// A company with these leads, agreements, offices and exports.
fn company(id: &str, extra: Value) -> Value {
    let mut c = json!({
        "id": id, "legal_name": format!("{id} Ltd"), "legal_form": "private_limited",
        "founded_on": "2010-01-01", "headquarters": {"city": "Lahore", "region": "PK-PB"}
    });
    if let (Some(c), Some(extra)) = (c.as_object_mut(), extra.as_object()) {
        c.extend(extra.clone());
    }
    c
}

/// An initiative held in the UAE from `starts_on` for five days.
fn initiative(id: &str, starts_on: &str, extra: Value) -> Value {
    let start = starts_on.parse::<crate::value::Date>().unwrap();
    let mut i = json!({
        "id": id, "name": id, "kind": "roadshow", "organised_by": "PSEB", "country": "AE",
        "starts_on": starts_on, "ends_on": start.add_days(4).to_string()
    });
    if let (Some(i), Some(extra)) = (i.as_object_mut(), extra.as_object()) {
        i.extend(extra.clone());
    }
    i
}

fn registry(document: Value) -> Registry {
    let mut d = json!({"schema_version": 1, "as_of": "2025-06-30"});
    if let (Some(d), Some(extra)) = (d.as_object_mut(), document.as_object()) {
        d.extend(extra.clone());
    }
    Registry::from_json(&d.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

fn agreement(id: &str, kind: &str, country: &str, signed_on: &str, extra: Value) -> Value {
    let mut a = json!({"id": id, "kind": kind, "counterparty": "X", "counterparty_country": country, "signed_on": signed_on});
    if let (Some(a), Some(extra)) = (a.as_object_mut(), extra.as_object()) {
        a.extend(extra.clone());
    }
    a
}

#[test]
fn a_group_costs_only_its_costed_initiatives_and_non_binding_values_count_nowhere() {
    let r = registry(json!({
        "companies": [company("a", json!({
            "leads": [
                {"id": "l1", "counterparty_country": "AE", "identified_on": "2024-10-15", "initiative": "costed", "stage": "won", "closed_on": "2024-11-01", "estimated_value_usd": 100},
                {"id": "l2", "counterparty_country": "AE", "identified_on": "2024-11-15", "initiative": "free"},
                {"id": "l3", "counterparty_country": "SA", "identified_on": "2024-11-16"}
            ],
            "agreements": [
                agreement("c1", "contract", "AE", "2024-11-01", json!({"initiative": "costed", "value_usd": 5000})),
                agreement("c2", "contract", "AE", "2024-11-20", json!({"initiative": "free", "value_usd": 7000})),
                agreement("m1", "mou", "AE", "2024-11-20", json!({"initiative": "free", "value_usd": 9999})),
                agreement("u1", "contract", "SA", "2024-12-01", json!({"value_usd": 1}))
            ],
            "offices": [{"country": "AE", "city": "Dubai", "opened_on": "2024-12-01", "initiative": "costed"}]
        }))],
        "initiatives": [
            initiative("costed", "2024-10-14", json!({"public_cost_usd": 1000})),
            initiative("free", "2024-11-10", json!({}))
        ]
    }));
    let hosts = r.outcomes_by_host_country();
    assert_eq!(hosts.len(), 1);
    let ae = &hosts[0].outcome;
    assert_eq!(
        (ae.leads, ae.binding_agreements, ae.non_binding_agreements),
        (2, 2, 1)
    );
    assert_eq!(
        ae.contracted_value_usd, 12_000,
        "the MoU's value counts in no total"
    );
    assert_eq!(ae.public_cost_usd, Some(1000));
    // Over the costed initiative only: 1 lead, 1 contract of 5,000 for 1,000.
    assert_eq!(ae.cost_per_lead, Some(1000.0));
    assert_eq!(ae.cost_per_binding_agreement, Some(1000.0));
    assert_eq!(ae.return_per_usd, Some(5.0));
    assert_eq!((ae.offices, ae.conversion), (1, Some(1.0)));
    let per = r.initiative_outcomes();
    assert_eq!(per[1].outcome.cost_per_lead, None, "no public cost");
    assert_eq!(per[1].outcome.conversion, None, "nothing won or lost");
    // Counterparty countries: credited records only (l3 and u1 are not).
    let markets = r.outcomes_by_counterparty_country();
    assert_eq!(markets.len(), 1);
    assert_eq!((markets[0].country.as_str(), markets[0].leads), ("AE", 2));
}

#[test]
fn a_zero_public_cost_gives_no_ratio() {
    let r = registry(json!({
        "companies": [company("a", json!({"leads": [
            {"id": "l1", "counterparty_country": "AE", "identified_on": "2024-10-15", "initiative": "zero"}]}))],
        "initiatives": [initiative("zero", "2024-10-14", json!({"public_cost_usd": 0}))]
    }));
    let o = &r.initiative_outcomes()[0].outcome;
    assert_eq!(
        (o.public_cost_usd, o.cost_per_lead, o.return_per_usd),
        (Some(0), Some(0.0), None)
    );
}

#[test]
fn follow_up_window_is_365_days_inclusive_and_pending_until_it_closes() {
    let r = registry(json!({
        "as_of": "2025-06-30",
        "companies": [
            company("a", json!({"agreements": [
                agreement("m1", "mou", "AE", "2023-01-01", json!({})),
                agreement("c1", "contract", "AE", "2024-01-01", json!({})),
                agreement("m2", "letter_of_intent", "GB", "2023-01-01", json!({})),
                agreement("c2", "contract", "GB", "2024-01-02", json!({})),
                agreement("m3", "mou", "SA", "2023-03-01", json!({})),
                agreement("n3", "mou", "SA", "2023-03-01", json!({})),
                agreement("m4", "mou", "QA", "2024-07-01", json!({})),
                agreement("m5", "mou", "US", "2024-06-30", json!({}))
            ]})),
            company("b", json!({"agreements": [agreement("c9", "contract", "SA", "2023-03-02", json!({}))]}))
        ]
    }));
    let f = r.follow_through();
    let states: Vec<(&str, FollowUpState)> = f
        .agreements
        .iter()
        .map(|a| (a.agreement_id.as_str(), a.state))
        .collect();
    use FollowUpState::{Followed, NotFollowed, Pending};
    assert_eq!(
        states,
        [
            ("m1", Followed),    // 365 days later: inside
            ("m2", NotFollowed), // 366 days later: outside
            ("m3", NotFollowed), // another company's contract does not count, nor an MoU
            ("n3", NotFollowed),
            ("m4", Pending),     // its year runs past as_of
            ("m5", NotFollowed), // 2024-06-30 + 365 days = 2025-06-30 = as_of: the year is over
        ]
    );
    assert_eq!((f.total, f.followed, f.pending), (6, 1, 1));
    assert_eq!(f.share, Some(0.2));
    assert_eq!(registry(json!({})).follow_through().share, None);
}

/// Fiscal-year exports of `amounts` from FY2022-23 on.
fn exports(amounts: &[u64]) -> Value {
    Value::Array(
        amounts
            .iter()
            .zip(2022..)
            .map(|(a, y)| json!({"period": format!("FY{y}-{:02}", (y + 1) % 100), "amount_usd": a}))
            .collect(),
    )
}

#[test]
fn growth_measures_companies_with_two_complete_years_and_a_first_above_zero() {
    let r = registry(json!({
        "companies": [
            company("p1", json!({"exports": exports(&[100, 150])})),
            company("p2", json!({"exports": exports(&[0, 50])})),     // first year zero: not measured
            company("p3", json!({"exports": exports(&[100])})),       // no next year
            company("n1", json!({"exports": exports(&[200, 100])})),
            company("n2", json!({"exports": [{"period": "2022-07", "amount_usd": 5}]}))  // partial
        ],
        "initiatives": [
            initiative("fy22", "2022-10-01", json!({"participants": [{"company": "p1"}, {"company": "p2"}, {"company": "p3"}]})),
            initiative("none", "2022-10-01", json!({}))
        ]
    }));
    let rows = r.participation_growth();
    assert_eq!(
        rows.len(),
        1,
        "initiatives without participants are left out"
    );
    let g = &rows[0];
    assert_eq!(g.fiscal_year, 2022);
    assert_eq!((g.participants.members, g.participants.measured), (3, 1));
    assert_eq!((g.participants.from_usd, g.participants.to_usd), (100, 150));
    assert_eq!(g.participants.growth, Some(0.5));
    assert_eq!(
        (g.non_participants.members, g.non_participants.measured),
        (2, 1)
    );
    assert_eq!(g.non_participants.growth, Some(-0.5));
}

#[test]
fn claims_about_a_period_use_the_initiatives_that_start_in_it() {
    let source = json!({"publisher": "X"});
    let r = registry(json!({
        "companies": [company("a", json!({"leads": [
            {"id": "l1", "counterparty_country": "AE", "identified_on": "2023-10-15", "initiative": "i2023"},
            {"id": "l2", "counterparty_country": "AE", "identified_on": "2024-10-15", "initiative": "i2024"},
            {"id": "l3", "counterparty_country": "AE", "identified_on": "2024-10-16", "initiative": "i2024"}]}))],
        "initiatives": [
            initiative("i2023", "2023-10-14", json!({"public_cost_usd": 10})),
            initiative("i2024", "2024-10-14", json!({}))
        ],
        "claims": [
            {"id": "c1", "metric": "leads", "value": 30, "period": "FY2024-25", "claimed_by": "X", "source": source},
            {"id": "c2", "metric": "leads", "value": 30, "period": "2024", "claimed_by": "X", "source": source},
            {"id": "c3", "metric": "leads", "value": 30, "period": "FY2019-20", "claimed_by": "X", "source": source},
            {"id": "c4", "metric": "return_per_usd", "value": 5, "initiative": "i2024", "claimed_by": "X", "source": source},
            {"id": "c5", "metric": "agreements", "value": 3, "initiative": "i2023", "period": "FY2024-25", "claimed_by": "X", "source": source}
        ]
    }));
    let checks = r.claims_reconciled();
    let got: Vec<(Option<f64>, Option<f64>)> =
        checks.iter().map(|c| (c.recorded, c.ratio)).collect();
    assert_eq!(
        got,
        [
            (Some(2.0), Some(15.0)),
            (Some(2.0), Some(15.0)),
            (None, None),      // no initiative starts in FY2019-20
            (None, None),      // no public cost: no return
            (Some(0.0), None), // the initiative wins over the period; recorded 0: no ratio
        ]
    );
}
