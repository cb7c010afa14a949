"""The analytics through Python, against values worked out by hand from the sample."""

from __future__ import annotations

import datetime

import pytest

import pkit


def test_fiscal_years_and_growth(sample: pkit.Registry) -> None:
    years = {t.label: t for t in sample.series().fiscal_years()}
    assert years["FY2023-24"].value == 3_223_000_000
    assert years["FY2023-24"].complete and years["FY2023-24"].basis == "annual"
    partial = years["FY2025-26"]
    assert (partial.value, partial.months_covered, partial.complete) == (1_494_000_000, 4, False)
    growth = {g.to_year: g for g in sample.series().growth()}
    fy24 = growth[2023]
    assert (fy24.from_value, fy24.to_value) == (2_593_000_000, 3_223_000_000)
    assert f"{fy24.percent:.1f}" == "24.3"
    assert fy24.ratio == pytest.approx(3223 / 2593 - 1)
    cagr = sample.series().cagr("FY2015-16", 2024)
    assert cagr is not None and cagr.years == 9


def test_vintages_and_series_as_published(sample: pkit.Registry) -> None:
    early = sample.series(as_published_on=datetime.date(2023, 8, 1)).get("FY2022-23")
    late = sample.series(as_published_on="2023-08-18").get("FY2022-23")
    assert early is not None and late is not None
    assert (early.value, late.value) == (2_605_340_000, 2_593_000_000)
    values = [v.value for v in sample.vintages("FY2022-23")]
    assert values[-1] == 2_593_000_000 and 2_605_340_000 in values


def test_target_progress(sample: pkit.Registry) -> None:
    progress = {p.id: p for p in sample.target_progress()}
    ten = progress["it-exports-10bn-2025"]
    assert ten.status == "missed"
    assert ten.latest is not None and ten.latest.value == 3_810_000_000
    five = progress["it-exports-5bn-fy26"]
    assert five.status == "off_track"
    assert five.required_cagr is not None and f"{five.required_cagr * 100:.1f}" == "31.2"
    thirty = progress["it-exports-30bn-2030"]
    assert thirty.required_cagr is not None and f"{thirty.required_cagr * 100:.1f}" == "51.1"
    assert thirty.trailing_cagr is not None and f"{thirty.trailing_cagr * 100:.2f}" == "13.35"


def test_company_exports(sample: pkit.Registry) -> None:
    totals = sample.exports_by_fiscal_year()
    assert totals == sorted(totals, key=lambda t: t.fiscal_year)
    year = max(t.fiscal_year for t in totals if t.complete)
    top = sample.top_exporters(year, n=3)
    assert len(top) == 3 and top[0].value >= top[1].value >= top[2].value
    assert top == sample.top_exporters(f"FY{year}-{(year + 1) % 100:02d}", n=3)
    leader = sample.company_exports(top[0].company_id)
    assert leader is not None
    total = leader.total(year)
    assert total is not None and total.value == top[0].value
    assert sum(m.value for m in leader.by_market(year)) == total.value
    assert sum(s.value for s in leader.by_service(year)) == total.value
    assert sample.company_exports("no-such-company") is None
    shares = sample.export_markets(year)
    assert sum(s.share for s in shares) == pytest.approx(1.0)


def test_certifications(sample: pkit.Registry) -> None:
    statuses = sample.certificate_statuses()
    counts: dict[str, int] = {}
    for s in statuses:
        counts[s.status] = counts.get(s.status, 0) + 1
    assert counts == {"valid": 26, "expiring": 6, "expired": 16, "suspended": 2, "withdrawn": 1}
    coverage = {c.scheme: c for c in sample.certification_coverage()}
    assert set(coverage) >= {"iso_9001", "iso_27001", "cmmi"}
    for c in coverage.values():
        assert c.share == pytest.approx(c.companies / 28)
    soon = sample.expiring_within(90)
    assert all(0 <= s.days_to_expiry <= 90 for s in soon)
    assert [s.days_to_expiry for s in soon] == sorted(s.days_to_expiry for s in soon)
    assert sample.expiring_within(90, on=sample.as_of) == soon
    later = sample.certification_coverage(on=datetime.date(2040, 1, 1))
    assert all(c.companies == 0 for c in later)
    gaps = sample.past_transition()
    assert all(isinstance(g.transition_end, datetime.date) for g in gaps)


def test_awards_and_summary(sample: pkit.Registry) -> None:
    tally = sample.award_tally()
    assert {c.label for c in tally} >= {"apicta"}
    assert sum(c.count for c in tally) == sum(c.count for c in sample.award_tally("result"))
    with pytest.raises(ValueError):
        sample.award_tally("colour")
    leaders = sample.companies_by_awards()
    assert leaders[0].winners >= leaders[-1].winners
    summary = sample.summary()
    assert summary.companies == 28 and summary.targets == 5
    assert sum(c.count for c in summary.companies_by_region) == 28
    assert summary.warnings == sample.warnings
    assert summary.to_dict()["as_of"] == datetime.date(2026, 1, 31)
