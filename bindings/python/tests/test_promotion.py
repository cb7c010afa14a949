"""Promotion (SPEC §1.10) through Python: the records of initiatives, participants, headcounts,
leads, agreements and claims, and the promotion analytics, against the sample's values worked
out by hand (docs/promotion.md; the same figures as crates/pkit/tests/promotion.rs)."""

from __future__ import annotations

import datetime
import json
import pickle

import pytest

import pkit


def close(actual: float | None, expected: float | None) -> bool:
    """Both ``None``, or both numbers within 1e-9 of their size."""
    if actual is None or expected is None:
        return actual is None and expected is None
    return actual == pytest.approx(expected, rel=1e-9, abs=1e-9)


# Records ----------------------------------------------------------------------------------


def test_the_sample_holds_the_promotion_records(sample: pkit.Registry) -> None:
    initiatives = sample.initiatives
    companies = sample.companies
    assert len(initiatives) == 10
    assert sum(len(i.participants) for i in initiatives) == 44
    assert sum(len(i.headcounts) for i in initiatives) == 17
    assert sum(len(c.leads) for c in companies) == 39
    assert sum(len(c.agreements) for c in companies) == 25
    assert len(sample.claims) == 2
    offices = [o for c in companies for o in c.offices]
    assert len(offices) == 35
    assert sum(o.initiative is not None for o in offices) == 4
    assert sum(c.leads != [] for c in companies) == 12
    assert sum(c.agreements != [] for c in companies) == 9
    credited_leads = [lead for c in companies for lead in c.leads if lead.initiative is not None]
    assert len(credited_leads) == 36
    assert sum(a.initiative is not None for c in companies for a in c.agreements) == 23
    kinds = [i.kind for i in initiatives]
    assert (kinds.count("pavilion"), kinds.count("investment_conference")) == (9, 1)


def test_an_initiative(sample: pkit.Registry) -> None:
    gitex = sample.initiative("gitex-global-2023")
    assert gitex is not None
    assert gitex == next(i for i in sample.initiatives if i.id == "gitex-global-2023")
    assert sample.initiative("no-such-initiative") is None
    assert (gitex.kind, gitex.status, gitex.country, gitex.city) == ("pavilion", "held", "AE", "Dubai")
    assert gitex.host_event == "GITEX Global 2023"
    assert gitex.organised_by == "MoITT and PSEB"
    assert (gitex.starts_on, gitex.ends_on) == (datetime.date(2023, 10, 16), datetime.date(2023, 10, 20))
    assert gitex.public_cost_usd == 600_000
    assert gitex.fiscal_year() == 2023
    assert gitex.attribution_window() == (datetime.date(2023, 9, 16), datetime.date(2024, 1, 18))
    assert len(gitex.participants) == 8
    first = gitex.participants[0]
    assert (first.company, first.role, first.subsidy_usd) == ("indus-byteworks", "sponsor", None)
    assert sample.company(first.company) is not None
    assert sum(p.subsidy_usd or 0 for p in gitex.participants) == 55_000
    assert [p.role for p in gitex.participants].count("startup_exhibitor") == 2
    # Headcounts side by side, each with its reporter: they count different things.
    counts = [(h.metric, h.value, h.reported_by) for h in gitex.headcounts]
    assert counts == [
        ("companies", 27, "Minister of IT (via UrduPoint)"),
        ("startups", 45, "Minister of IT (via UrduPoint)"),
        ("companies", 50, "Business Recorder"),
    ]
    reported = gitex.headcounts[2].source
    assert reported is not None and reported.publisher == "Business Recorder"
    assert gitex.source is not None and gitex.source.url is not None
    assert gitex.note is not None and "fictional" in gitex.note

    leap = sample.initiatives[0]
    assert (leap.id, leap.fiscal_year()) == ("leap-2022", 2021)
    assert leap.attribution_window() == (datetime.date(2022, 1, 2), datetime.date(2022, 5, 4))
    assert leap.public_cost_usd is None
    leap_2023 = sample.initiative("leap-2023")
    assert leap_2023 is not None
    assert sorted(h.value for h in leap_2023.headcounts if h.metric == "companies") == [18, 150]
    europe = sample.initiative("gitex-europe-2025")
    assert europe is not None and europe.participants == [] and europe.source is None


def test_leads_and_agreements(sample: pkit.Registry) -> None:
    company = next(c for c in sample.companies if any(a.id == "al-noor-retail-contract" for a in c.agreements))
    lead = next(lead for lead in company.leads if lead.id == "al-noor-retail")
    assert lead.counterparty == "Al Noor Retail Group (fictional)"
    assert (lead.counterparty_country, lead.initiative) == ("AE", "gitex-global-2022")
    assert (lead.identified_on, lead.closed_on) == (datetime.date(2022, 10, 12), datetime.date(2023, 1, 20))
    assert (lead.estimated_value_usd, lead.service, lead.stage) == (850_000, "computer_services", "won")
    contract = next(a for a in company.agreements if a.id == "al-noor-retail-contract")
    assert (contract.kind, contract.lead, contract.value_usd) == ("contract", "al-noor-retail", 820_000)
    assert (contract.signed_on, contract.duration_months) == (datetime.date(2023, 1, 25), 24)
    assert (contract.status, contract.service) == ("completed", "computer_services")
    assert contract.is_binding()

    agreements = [a for c in sample.companies for a in c.agreements]
    binding = {a.kind for a in agreements if a.is_binding()}
    non_binding = {a.kind for a in agreements if not a.is_binding()}
    assert non_binding == {"mou", "letter_of_intent"}
    assert binding.isdisjoint(non_binding) and "contract" in binding
    assert sum(not a.is_binding() for a in agreements) == 9
    stages = [lead.stage for c in sample.companies for lead in c.leads]
    assert set(stages) == {"open", "won", "lost"}
    open_leads = [lead for c in sample.companies for lead in c.leads if lead.stage == "open"]
    assert all(lead.closed_on is None for lead in open_leads)


def test_claims(sample: pkit.Registry) -> None:
    claims = sample.claims
    assert [(c.id, c.metric, c.value, c.initiative) for c in claims] == [
        ("gitex-2023-return", "return_per_usd", 40, "gitex-global-2023"),
        ("leap-2023-lead-value", "lead_value_usd", 100_000_000, "leap-2023"),
    ]
    first = claims[0]
    assert first.claimed_by == "PSEB acting CEO"
    assert (first.period, first.claimed_on) == (None, None)
    assert first.source.publisher == "TechJuice"
    assert first.note is not None and "$40 for every $1" in first.note


def test_promotion_records_are_read_only_comparable_and_not_picklable(sample: pkit.Registry) -> None:
    initiative = sample.initiatives[0]
    with pytest.raises(AttributeError):
        initiative.id = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        sample.claims[0].value = 1  # type: ignore[misc]
    assert initiative == pkit.sample().initiatives[0]
    assert initiative != sample.initiatives[1]
    assert repr(initiative).startswith("Initiative(id='leap-2022', name=")
    participant = initiative.participants[0]
    assert repr(participant) == (
        "Participant(company='chenab-data-systems', role='sponsor', subsidy_usd=None)"
    )
    assert isinstance(initiative.starts_on, datetime.date)
    for record in (initiative, participant, initiative.headcounts[0], sample.claims[0]):
        with pytest.raises(TypeError, match="cannot be pickled"):
            pickle.dumps(record)
    company = next(c for c in sample.companies if c.agreements)
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(company.agreements[0])
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(company.leads[0])


def test_to_dict_is_the_document(sample: pkit.Registry) -> None:
    """to_dict() has the JSON names and values (dates as datetime.date); the methods
    (fiscal_year, attribution_window, is_binding) are not in it."""
    document = json.loads(sample.to_json())

    def jsonish(value: object) -> object:
        if isinstance(value, dict):
            return {k: jsonish(v) for k, v in value.items() if v is not None and v != []}
        if isinstance(value, list):
            return [jsonish(v) for v in value]
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value

    assert [jsonish(i.to_dict()) for i in sample.initiatives] == document["initiatives"]
    assert [jsonish(c.to_dict()) for c in sample.claims] == document["claims"]
    leads = [jsonish(lead.to_dict()) for c in sample.companies for lead in c.leads]
    assert leads == [lead for c in document["companies"] for lead in c.get("leads", [])]
    agreements = [jsonish(a.to_dict()) for c in sample.companies for a in c.agreements]
    assert agreements == [a for c in document["companies"] for a in c.get("agreements", [])]
    offices = [jsonish(o.to_dict()) for c in sample.companies for o in c.offices]
    assert offices == [o for c in document["companies"] for o in c.get("offices", [])]
    initiative = sample.initiatives[0].to_dict()
    assert "fiscal_year" not in initiative and "attribution_window" not in initiative
    assert isinstance(initiative["starts_on"], datetime.date)
    assert isinstance(initiative["participants"][0], dict)
    agreement = next(c for c in sample.companies if c.agreements).agreements[0].to_dict()
    assert "is_binding" not in agreement and "binding" not in agreement


# Analytics --------------------------------------------------------------------------------

# An Outcome: participants, subsidy, public cost, [leads, lead value, open, won, lost],
# [binding, contracted value, non-binding, offices],
# [conversion, cost per lead, cost per binding agreement, return per public dollar].
Expected = tuple[
    int,
    int,
    int | None,
    tuple[int, int, int, int, int],
    tuple[int, int, int, int],
    tuple[float | None, float | None, float | None, float | None],
]

PER_INITIATIVE: list[tuple[str, int, str, Expected]] = [
    ("leap-2022", 2021, "SA", (4, 13500, None, (3, 5400000, 0, 2, 1), (2, 3450000, 0, 0), (2 / 3, None, None, None))),
    ("gitex-global-2022", 2022, "AE", (5, 32000, 400000, (4, 1865000, 0, 3, 1), (2, 1300000, 0, 1), (0.75, 100000.0, 200000.0, 3.25))),
    ("leap-2023", 2022, "SA", (4, 17000, 350000, (3, 3900000, 1, 2, 0), (2, 5660000, 1, 0), (1.0, 350000 / 3, 175000.0, 5660000 / 350000))),
    ("gitex-global-2023", 2023, "AE", (8, 55000, 600000, (8, 4840000, 1, 4, 3), (4, 1295000, 2, 2), (4 / 7, 75000.0, 150000.0, 2.158333333333333))),
    ("leap-2024", 2023, "SA", (4, 18500, None, (5, 5020000, 2, 2, 1), (1, 1200000, 1, 1), (2 / 3, None, None, None))),
    ("london-tech-week-2024", 2023, "GB", (6, 28000, 250000, (3, 1770000, 0, 1, 2), (1, 1150000, 1, 0), (1 / 3, 250000 / 3, 250000.0, 4.6))),
    ("gitex-global-2024", 2024, "AE", (6, 39500, 650000, (4, 1960000, 2, 2, 0), (2, 930000, 2, 0), (1.0, 162500.0, 325000.0, 930000 / 650000))),
    ("pak-us-tech-investment-2024", 2024, "US", (3, 0, None, (3, 675000, 1, 1, 1), (1, 480000, 0, 0), (0.5, None, None, None))),
    ("gitex-europe-2025", 2024, "DE", (0, 0, None, (0, 0, 0, 0, 0), (0, 0, 0, 0), (None, None, None, None))),
    ("gitex-global-2025", 2025, "AE", (4, 36000, None, (3, 600000, 3, 0, 0), (0, 0, 1, 0), (None, None, None, None))),
]  # fmt: skip


def assert_outcome(actual: pkit.Outcome, expected: Expected, what: str) -> None:
    participants, subsidy, cost, leads, agreements, ratios = expected
    a = actual
    assert (a.participants, a.subsidy_usd, a.public_cost_usd) == (participants, subsidy, cost), what
    assert (a.leads, a.lead_value_usd, a.leads_open, a.leads_won, a.leads_lost) == leads, what
    found = (a.binding_agreements, a.contracted_value_usd, a.non_binding_agreements, a.offices)
    assert found == agreements, what
    names = ("conversion", "cost_per_lead", "cost_per_binding_agreement", "return_per_usd")
    for name, value in zip(names, ratios, strict=True):
        assert close(getattr(a, name), value), f"{what} {name}: {getattr(a, name)}, expected {value}"


def test_initiative_outcomes(sample: pkit.Registry) -> None:
    outcomes = sample.initiative_outcomes()
    assert len(outcomes) == len(PER_INITIATIVE)
    for actual, (id, fiscal_year, country, outcome) in zip(outcomes, PER_INITIATIVE, strict=True):
        assert (actual.initiative_id, actual.fiscal_year, actual.country) == (id, fiscal_year, country)
        initiative = sample.initiative(id)
        assert initiative is not None
        assert (actual.name, actual.kind, actual.status) == (initiative.name, initiative.kind, "held")
        assert actual.fiscal_year == initiative.fiscal_year()
        assert_outcome(actual.outcome, outcome, id)


def test_gitex_global_2023(sample: pkit.Registry) -> None:
    gitex = next(o for o in sample.initiative_outcomes() if o.initiative_id == "gitex-global-2023")
    o = gitex.outcome
    assert (o.leads, o.leads_won, o.leads_lost, o.leads_open) == (8, 4, 3, 1)
    assert (o.binding_agreements, o.contracted_value_usd) == (4, 1_295_000)
    assert o.return_per_usd == pytest.approx(2.158333, abs=1e-6)
    assert o.cost_per_lead == 75_000.0
    assert isinstance(o.return_per_usd, float) and isinstance(o.leads, int)
    europe = next(o for o in sample.initiative_outcomes() if o.initiative_id == "gitex-europe-2025")
    assert europe.outcome.conversion is None and europe.outcome.return_per_usd is None
    as_dict = gitex.to_dict()
    assert as_dict["outcome"]["contracted_value_usd"] == 1_295_000
    assert as_dict["fiscal_year"] == 2023
    assert repr(gitex).startswith("InitiativeOutcome(initiative_id='gitex-global-2023', name=")


def test_outcomes_by_fiscal_year_and_host_country(sample: pkit.Registry) -> None:
    by_year: list[tuple[str, list[str], Expected]] = [
        ("FY2021-22", ["leap-2022"], (4, 13500, None, (3, 5400000, 0, 2, 1), (2, 3450000, 0, 0), (2 / 3, None, None, None))),
        ("FY2022-23", ["gitex-global-2022", "leap-2023"], (9, 49000, 750000, (7, 5765000, 1, 5, 1), (4, 6960000, 1, 1), (5 / 6, 750000 / 7, 187500.0, 9.28))),
        ("FY2023-24", ["gitex-global-2023", "leap-2024", "london-tech-week-2024"], (18, 101500, 850000, (16, 11630000, 3, 7, 6), (6, 3645000, 4, 3), (7 / 13, 850000 / 11, 170000.0, 2445000 / 850000))),
        ("FY2024-25", ["gitex-global-2024", "pak-us-tech-investment-2024", "gitex-europe-2025"], (9, 39500, 650000, (7, 2635000, 3, 3, 1), (3, 1410000, 2, 0), (0.75, 162500.0, 325000.0, 930000 / 650000))),
        ("FY2025-26", ["gitex-global-2025"], (4, 36000, None, (3, 600000, 3, 0, 0), (0, 0, 1, 0), (None, None, None, None))),
    ]  # fmt: skip
    by_host: list[tuple[str, list[str], Expected]] = [
        ("SA", ["leap-2022", "leap-2023", "leap-2024"], (12, 49000, 350000, (11, 14320000, 3, 6, 2), (5, 10310000, 2, 1), (0.75, 350000 / 3, 175000.0, 5660000 / 350000))),
        ("AE", ["gitex-global-2022", "gitex-global-2023", "gitex-global-2024", "gitex-global-2025"], (23, 162500, 1650000, (19, 9265000, 6, 9, 4), (8, 3525000, 5, 3), (9 / 13, 103125.0, 206250.0, 3525000 / 1650000))),
        ("GB", ["london-tech-week-2024"], (6, 28000, 250000, (3, 1770000, 0, 1, 2), (1, 1150000, 1, 0), (1 / 3, 250000 / 3, 250000.0, 4.6))),
        ("US", ["pak-us-tech-investment-2024"], (3, 0, None, (3, 675000, 1, 1, 1), (1, 480000, 0, 0), (0.5, None, None, None))),
        ("DE", ["gitex-europe-2025"], (0, 0, None, (0, 0, 0, 0, 0), (0, 0, 0, 0), (None, None, None, None))),
    ]  # fmt: skip
    for groups, expected in (
        (sample.outcomes_by_fiscal_year(), by_year),
        (sample.outcomes_by_host_country(), by_host),
    ):
        assert [(g.label, g.initiatives) for g in groups] == [(label, ids) for label, ids, _ in expected]
        for group, (label, _, outcome) in zip(groups, expected, strict=True):
            assert_outcome(group.outcome, outcome, label)
    # FY2022-23's return, and FY2023-24's cost measures over its two costed initiatives.
    years = {g.label: g.outcome for g in sample.outcomes_by_fiscal_year()}
    assert years["FY2022-23"].return_per_usd == pytest.approx(9.28)
    assert years["FY2023-24"].cost_per_lead == pytest.approx(77_272.727272, rel=1e-9)
    assert years["FY2023-24"].return_per_usd == pytest.approx(2.876470588235294, rel=1e-9)


def test_outcomes_by_counterparty_country(sample: pkit.Registry) -> None:
    expected = [
        ("SA", (11, 14320000, 3, 6, 2), (5, 10310000, 2), 0.75),
        ("AE", (12, 6125000, 5, 5, 2), (3, 2060000, 2), 5 / 7),
        ("GB", (3, 1770000, 0, 1, 2), (1, 1150000, 1), 1 / 3),
        ("QA", (1, 700000, 0, 1, 0), (1, 690000, 1), 1.0),
        ("US", (3, 675000, 1, 1, 1), (1, 480000, 0), 0.5),
        ("NL", (1, 220000, 0, 1, 0), (2, 360000, 0), 1.0),
        ("SE", (1, 260000, 0, 1, 0), (1, 240000, 0), 1.0),
        ("CA", (1, 180000, 0, 1, 0), (1, 175000, 1), 1.0),
        ("BH", (1, 1400000, 0, 0, 1), (0, 0, 1), 0.0),
        ("JO", (1, 0, 1, 0, 0), (0, 0, 0), None),
        ("KW", (1, 380000, 0, 0, 1), (0, 0, 0), 0.0),
    ]
    markets = sample.outcomes_by_counterparty_country()
    assert [m.country for m in markets] == [country for country, *_ in expected]
    for m, (country, leads, agreements, conversion) in zip(markets, expected, strict=True):
        assert (m.leads, m.lead_value_usd, m.leads_open, m.leads_won, m.leads_lost) == leads, country
        assert (m.binding_agreements, m.contracted_value_usd, m.non_binding_agreements) == agreements
        assert close(m.conversion, conversion), country
    # Only credited leads count: 36 of the 39.
    assert sum(m.leads for m in markets) == 36


def test_follow_through(sample: pkit.Registry) -> None:
    follow = sample.follow_through()
    assert (follow.total, follow.followed, follow.pending) == (9, 4, 1)
    assert follow.share == 0.5
    expected = [
        ("chenab-data-systems", "gulf-meridian-mou", "mou", "BH", "2023-10-19", "gitex-global-2023", "not_followed", []),
        ("chenab-data-systems", "hejaz-health-loi", "letter_of_intent", "SA", "2024-03-06", "leap-2024", "not_followed", []),
        ("clifton-digital", "doha-crescent-loi", "letter_of_intent", "QA", "2024-10-17", "gitex-global-2024", "followed", ["doha-crescent-contract"]),
        ("seaview-fintech", "riyadh-payments-mou", "mou", "SA", "2023-02-08", "leap-2023", "followed", ["riyadh-payments-contract"]),
        ("seaview-fintech", "abu-dhabi-remit-mou", "mou", "AE", "2024-10-17", "gitex-global-2024", "not_followed", []),
        ("mehran-pixel-games", "gulf-arcade-loi", "letter_of_intent", "AE", "2025-10-17", "gitex-global-2025", "pending", []),
        ("margalla-secureware", "camden-secure-loi", "letter_of_intent", "GB", "2024-06-13", "london-tech-week-2024", "not_followed", []),
        ("margalla-secureware", "bergen-offshore-mou", "mou", "NO", "2025-02-20", None, "followed", ["bergen-offshore-framework"]),
        ("karakoram-remote-works", "maple-leaf-mou", "mou", "CA", "2023-10-20", "gitex-global-2023", "followed", ["maple-leaf-contract"]),
    ]  # fmt: skip
    found = [
        (
            f.company_id,
            f.agreement_id,
            f.kind,
            f.counterparty_country,
            f.signed_on.isoformat(),
            f.initiative,
            f.state,
            f.followed_by,
        )
        for f in follow.agreements
    ]
    assert found == expected
    assert isinstance(follow.agreements[0].signed_on, datetime.date)
    assert follow.to_dict()["agreements"][3]["followed_by"] == ["riyadh-payments-contract"]


def test_participation_growth(sample: pkit.Registry) -> None:
    expected = [
        ("leap-2022", 2021, (4, 65232000, 72370000), 0.10942482217316662, (20, 91071000, 105405000), 0.15739368185262048),
        ("gitex-global-2022", 2022, (5, 57922000, 62119000), 0.07245951451952637, (20, 119891000, 125115000), 0.04357291206178937),
        ("leap-2023", 2022, (4, 74385000, 74352000), -0.0004436378302077326, (21, 103428000, 112882000), 0.09140658235680865),
        ("gitex-global-2023", 2023, (8, 147055000, 169815000), 0.1547720240726258, (18, 40200000, 47415000), 0.17947761194029854),
        ("leap-2024", 2023, (4, 70248000, 81934000), 0.1663534904908326, (22, 117007000, 135296000), 0.1563068876221081),
        ("london-tech-week-2024", 2023, (6, 60090000, 69570000), 0.15776335496754879, (20, 127165000, 147660000), 0.1611685605315929),
        ("gitex-global-2024", 2024, (0, 0, 0), None, (0, 0, 0), None),
        ("pak-us-tech-investment-2024", 2024, (0, 0, 0), None, (0, 0, 0), None),
        ("gitex-global-2025", 2025, (0, 0, 0), None, (0, 0, 0), None),
    ]  # fmt: skip
    rows = sample.participation_growth()
    assert len(rows) == 9
    companies = len(sample.companies)
    for row, (id, fiscal_year, part, part_growth, rest, rest_growth) in zip(rows, expected, strict=True):
        assert (row.initiative_id, row.fiscal_year) == (id, fiscal_year)
        initiative = sample.initiative(id)
        assert initiative is not None
        members = len(initiative.participants)
        assert (row.participants.members, row.non_participants.members) == (members, companies - members)
        p, n = row.participants, row.non_participants
        assert (p.measured, p.from_usd, p.to_usd) == part, id
        assert (n.measured, n.from_usd, n.to_usd) == rest, id
        assert close(p.growth, part_growth), id
        assert close(n.growth, rest_growth), id
    leap = rows[0].participants
    assert (leap.measured, leap.from_usd, leap.to_usd) == (4, 65_232_000, 72_370_000)
    assert leap.growth == pytest.approx(72_370_000 / 65_232_000 - 1)


def test_claims_reconciled(sample: pkit.Registry) -> None:
    checks = sample.claims_reconciled()
    assert [(c.claim_id, c.metric, c.initiative, c.period, c.claimed) for c in checks] == [
        ("gitex-2023-return", "return_per_usd", "gitex-global-2023", None, 40),
        ("leap-2023-lead-value", "lead_value_usd", "leap-2023", None, 100_000_000),
    ]
    gitex, leap = checks
    assert gitex.claimed_by == "PSEB acting CEO"
    assert close(gitex.recorded, 2.158333333333333)
    assert close(gitex.ratio, 18.532818532818535)
    assert leap.recorded == 3_900_000.0
    assert leap.ratio == pytest.approx(25.641, abs=1e-3)
    assert close(leap.ratio, 25.641025641025642)


def test_a_registry_without_promotion_data() -> None:
    empty = pkit.loads('{"schema_version": 1, "as_of": "2025-01-31"}')
    assert empty.initiatives == [] and empty.claims == []
    assert empty.initiative_outcomes() == []
    assert empty.outcomes_by_fiscal_year() == [] and empty.outcomes_by_host_country() == []
    assert empty.outcomes_by_counterparty_country() == []
    assert empty.participation_growth() == [] and empty.claims_reconciled() == []
    follow = empty.follow_through()
    assert (follow.total, follow.followed, follow.pending, follow.share) == (0, 0, 0, None)
    assert follow.agreements == []


def test_a_claim_the_records_cannot_compute() -> None:
    """A claim about a period in which no initiative starts: recorded and ratio are None."""
    document = {
        "schema_version": 1,
        "as_of": "2025-01-31",
        "claims": [
            {
                "id": "fy-leads",
                "metric": "leads",
                "value": 500,
                "period": "FY2023-24",
                "claimed_by": "Someone (fictional)",
                "claimed_on": "2024-08-01",
                "source": {"publisher": "A newspaper (fictional)"},
            }
        ],
    }
    registry = pkit.loads(json.dumps(document))
    claim = registry.claims[0]
    assert (claim.period, claim.claimed_on, claim.initiative) == ("FY2023-24", datetime.date(2024, 8, 1), None)
    [check] = registry.claims_reconciled()
    assert (check.claim_id, check.metric, check.period, check.claimed) == ("fy-leads", "leads", "FY2023-24", 500)
    assert (check.recorded, check.ratio) == (None, None)


def test_the_promotion_names_are_exported() -> None:
    for name in (
        "Initiative",
        "Participant",
        "Headcount",
        "Lead",
        "Agreement",
        "Claim",
        "Outcome",
        "InitiativeOutcome",
        "OutcomeGroup",
        "MarketOutcome",
        "FollowUp",
        "FollowThrough",
        "CohortGrowth",
        "ParticipationGrowth",
        "ClaimCheck",
    ):
        assert name in pkit.__all__
        assert getattr(pkit, name).__module__ == "pkit"
