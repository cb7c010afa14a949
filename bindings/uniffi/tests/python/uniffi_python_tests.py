"""Tests of the uniffi layer through uniffi's generated Python bindings (module `pkit_ffi`,
loaded from the folder that holds it and `libpkit_ffi.so`), with plain python3.

Replays every shared vector of tests/vectors through `validate_json` (same conventions as the
Rust and Kotlin replays), checks that loading agrees with validation, and exercises the API on
the built-in sample. These are not the tests of the pyo3 package `pkit`: they test the FFI
layer that Kotlin and Swift use, with a toolchain every machine has.

Usage: python3 uniffi_python_tests.py BINDINGS_DIR VECTORS_DIR
Prints `N passed, N failed`; exits 1 on any failure.
"""

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, sys.argv[1])

import pkit_ffi as p  # noqa: E402  (the generated module, found through argv[1])

PASSED = 0
FAILED = 0


def check(name, ok, detail=""):
    global PASSED, FAILED
    if ok:
        PASSED += 1
    else:
        FAILED += 1
        print(f"FAIL {name} {detail}")


def eq(name, actual, expected):
    check(name, actual == expected, f"\n  expected {expected!r}\n  got      {actual!r}")


def raises(name, kind, call):
    try:
        call()
    except kind as e:
        check(name, True)
        return e
    except Exception as e:  # noqa: BLE001 - any other exception is a failure
        check(name, False, f"raised {e!r}")
        return None
    check(name, False, "did not raise")
    return None


# ---- vectors ---------------------------------------------------------------------------------


def parent(path):
    return path.rsplit("/", 1)[0] if "/" in path else ""


def canonical(issues):
    """Sorts each run of issues sharing a position, as the Rust replay does."""
    out, start = [], 0
    while start < len(issues):
        end = start + 1
        while end < len(issues):
            a, b = issues[end - 1], issues[end]
            same = a[0] == b[0] or (
                a[1] == b[1] == "missing_field" and parent(a[0]) == parent(b[0])
            )
            if not same:
                break
            end += 1
        out.extend(sorted(issues[start:end]))
        start = end
    return out


def triple(issue):
    return (issue.path, issue.code, issue.severity.name.lower())


def replay_vectors(directory):
    names = sorted(n[: -len(".issues.json")] for n in os.listdir(directory) if n.endswith(".issues.json"))
    check("vectors found", len(names) >= 100, str(len(names)))
    ok = bad = 0
    for name in names:
        with open(os.path.join(directory, name + ".issues.json"), encoding="utf-8") as f:
            expected = [(i["path"], i["code"], i["severity"]) for i in json.load(f)]
        # The document's text as it is: never parsed by Python's json first.
        with open(os.path.join(directory, name + ".json"), "rb") as f:
            text = f.read().decode("utf-8")
        issues = p.validate_json(text)
        got = [triple(i) for i in issues]
        if canonical(got) == canonical(expected):
            ok += 1
            check(f"vector {name}", True)
        else:
            bad += 1
            check(f"vector {name}", False, f"\n  expected {expected}\n  got      {got}")
        has_error = any(i.severity == p.Severity.ERROR for i in issues)
        try:
            registry = p.Registry.from_json(text)
        except p.PkitError.Invalid as e:
            check(f"vector {name} rejected only with errors", has_error)
            eq(f"vector {name} Invalid carries the issues", e.issues, issues)
        except p.PkitError.LimitExceeded:
            eq(f"vector {name} LimitExceeded", [i.code for i in issues], ["limit_exceeded"])
        else:
            check(f"vector {name} loads only without errors", not has_error)
            eq(f"vector {name} warnings at load", registry.warnings(), issues)
            check(f"vector {name} round trip", p.Registry.from_json(registry.to_json()) == registry)
    print(f"vectors: {ok} passed, {bad} failed")


# ---- the API ---------------------------------------------------------------------------------


def sample_api():
    s = p.Registry.sample()
    eq("companies", len(s.companies()), 28)
    eq("as_of", s.as_of(), "2026-01-31")
    eq(
        "warnings",
        [(w.code, w.path) for w in s.warnings()],
        [
            ("beyond_transition", "/companies/1/certifications/0/expires_on"),
            ("edition_withdrawn", "/companies/13/certifications/0/issued_on"),
        ],
    )
    eq("targets", len(s.targets()), 5)
    eq("rankings", len(s.rankings()), 3)
    check("round trip", p.Registry.from_json(s.to_json()) == s)
    eq("company", s.company("indus-byteworks").id, "indus-byteworks")
    eq("unknown company", s.company("no-such-company"), None)
    cert = next(c for co in s.companies() for c in co.certifications if c.scheme == p.Scheme.CMMI)
    check("cmmi level", cert.level in range(2, 6), str(cert.level))
    eq("summary", s.summary().companies, 28)

    ict = s.series(p.Indicator.ICT_EXPORTS, "PK")
    eq("series FY2023-24", ict.get("FY2023-24").value, 3_223_000_000)
    fy24 = next(g for g in ict.growth() if g.to_year == 2023)
    eq("growth", (fy24.from_value, fy24.to_value, f"{fy24.percent:.1f}"), (2_593_000_000, 3_223_000_000, "24.3"))
    cagr = ict.cagr(2015, 2024)
    eq("cagr", (cagr.from_value, cagr.to_value, cagr.years), (788_640_000, 3_810_000_000, 9))
    last = ict.fiscal_years()[-1]
    eq("partial year", (last.label, last.basis, last.months_covered, last.complete), ("FY2025-26", p.TotalBasis.PARTIAL, 4, False))
    then = s.series_as_published_on(p.Indicator.ICT_EXPORTS, "PK", "2023-08-01")
    eq("as published", then.get("FY2022-23").value, 2_605_340_000)
    eq("vintages", [v.value for v in s.vintages(p.Indicator.ICT_EXPORTS, "PK", "FY2022-23")], [2_605_340_000, 2_593_000_000])

    ten = next(t for t in s.target_progress() if t.id == "it-exports-10bn-2025")
    eq("target", (ten.latest.label, ten.gap, ten.status), ("FY2024-25", 6_190_000_000, p.TargetStatus.MISSED))
    indus = s.company_exports("indus-byteworks")
    eq("company total", indus.total(2023).value, 38_400_000)
    eq("by market", [(m.market, m.value) for m in indus.by_market(2023)], [("US", 22_950_000), ("GB", 7_800_000), (None, 7_650_000)])
    eq("unknown company exports", s.company_exports("no-such-company"), None)
    eq("top exporters", [c.company_id for c in s.top_exporters(2023, 3)], ["chenab-data-systems", "indus-byteworks", "clifton-digital"])
    eq("top market", (s.export_markets(2023)[0].market, s.export_markets(2023)[0].value), ("US", 82_911_000))
    fy = next(t for t in s.exports_by_fiscal_year() if t.label == "FY2023-24")
    eq("exports by fiscal year", (fy.value, fy.complete), (187_255_000, True))

    statuses = s.certificate_statuses(s.as_of())
    eq("statuses", (len(statuses), sum(x.status == p.DerivedStatus.EXPIRED for x in statuses)), (51, 16))
    iso = next(c for c in s.certification_coverage(s.as_of()) if c.scheme == p.Scheme.ISO27001)
    eq("coverage", (iso.companies, iso.share), (7, 0.25))
    soon = s.expiring_within(s.as_of(), 90)
    eq("expiring", (len(soon), soon[0].effective_expiry), (6, "2026-02-19"))
    eq("past transition", len(s.past_transition("2022-01-01")), 3)
    eq("award tally", [(c.label, c.count) for c in s.award_tally(p.AwardDimension.PROGRAM)], [("apicta", 30), ("pasha_ict", 23), ("other", 3)])
    leader = s.companies_by_awards()[0]
    eq("award leader", (leader.company_id, leader.awards, leader.winners), ("chenab-data-systems", 5, 3))
    check("json schema", '"schema_version"' in p.json_schema())


def near(name, actual, expected):
    """A ratio the core computed: present, and within 1e-9 of its size of `expected`."""
    check(
        name,
        actual is not None and abs(actual - expected) <= 1e-9 * max(1.0, abs(expected)),
        f"\n  expected {expected!r}\n  got      {actual!r}",
    )


def promotion_records():
    """The promotion records of SPEC §1.10 on the sample (values of crates/pkit/tests/promotion.rs)."""
    s = p.Registry.sample()
    initiatives = s.initiatives()
    eq("initiatives", len(initiatives), 10)
    eq("participants", sum(len(i.participants) for i in initiatives), 44)
    eq("headcounts", sum(len(i.headcounts) for i in initiatives), 17)
    leap = s.initiative("leap-2022")
    eq(
        "initiative fields",
        (leap.kind, leap.host_event, leap.country, leap.city, leap.starts_on, leap.ends_on, leap.status, leap.public_cost_usd),
        (p.InitiativeKind.PAVILION, "LEAP 2022", "SA", "Riyadh", "2022-02-01", "2022-02-03", p.InitiativeStatus.HELD, None),
    )
    eq("computed fiscal year and window", (leap.fiscal_year, leap.attribution_first_day, leap.attribution_last_day), (2021, "2022-01-02", "2022-05-04"))
    eq(
        "participants",
        [(x.company, x.role, x.subsidy_usd) for x in leap.participants],
        [
            ("chenab-data-systems", p.ParticipantRole.SPONSOR, None),
            ("margalla-secureware", p.ParticipantRole.EXHIBITOR, 6000),
            ("sufi-cloudgate", p.ParticipantRole.EXHIBITOR, 6000),
            ("takht-commerce-partners", p.ParticipantRole.DELEGATE, 1500),
        ],
    )
    leap23 = s.initiative("leap-2023")
    eq("target markets", leap23.target_markets, ["SA", "AE", "QA"])
    eq(
        "headcounts",
        [(h.value, h.reported_by) for h in leap23.headcounts if h.metric == p.HeadcountMetric.COMPANIES],
        [(18, "Pakistan trade mission (via Arab News)"), (150, "P@SHA (via ProPakistani)")],
    )
    eq("unknown initiative", s.initiative("no-such-initiative"), None)

    companies = s.companies()
    eq("leads", sum(len(c.leads) for c in companies), 39)
    eq("agreements", sum(len(c.agreements) for c in companies), 25)
    lead = s.company("indus-byteworks").leads[0]
    eq(
        "a lead",
        (lead.id, lead.counterparty_country, lead.identified_on, lead.initiative, lead.estimated_value_usd, lead.service, lead.stage, lead.closed_on),
        ("al-noor-retail", "AE", "2022-10-12", "gitex-global-2022", 850_000, p.ExportService.COMPUTER_SERVICES, p.LeadStage.WON, "2023-01-20"),
    )
    agreement = s.company("indus-byteworks").agreements[0]
    eq(
        "an agreement",
        (agreement.id, agreement.kind, agreement.lead, agreement.value_usd, agreement.duration_months, agreement.status, agreement.binding),
        ("al-noor-retail-contract", p.AgreementKind.CONTRACT, "al-noor-retail", 820_000, 24, p.AgreementStatus.COMPLETED, True),
    )
    agreements = [a for c in companies for a in c.agreements]
    eq("every kind", {a.kind for a in agreements}, set(p.AgreementKind))
    eq("not binding", {a.kind for a in agreements if not a.binding}, {p.AgreementKind.MOU, p.AgreementKind.LETTER_OF_INTENT})
    office = next(o for o in s.company("seaview-fintech").offices if o.city == "Jeddah")
    eq("an office's initiative", (office.country, office.initiative), ("SA", "leap-2024"))
    eq("offices credited", sum(o.initiative is not None for c in companies for o in c.offices), 4)
    claims = s.claims()
    eq("claims", [(c.id, c.metric, c.value, c.initiative, c.period) for c in claims], [
        ("gitex-2023-return", p.ClaimMetric.RETURN_PER_USD, 40, "gitex-global-2023", None),
        ("leap-2023-lead-value", p.ClaimMetric.LEAD_VALUE_USD, 100_000_000, "leap-2023", None),
    ])
    eq("claim source", claims[0].source.publisher, "TechJuice")


def promotion_analytics():
    s = p.Registry.sample()
    outcomes = s.initiative_outcomes()
    eq("outcomes", [o.initiative_id for o in outcomes], [i.id for i in s.initiatives()])
    eq("outcome header", (outcomes[0].fiscal_year, outcomes[0].country, outcomes[0].kind), (2021, "SA", p.InitiativeKind.PAVILION))
    eq("no public cost", (outcomes[0].outcome.public_cost_usd, outcomes[0].outcome.return_per_usd), (None, None))
    g = next(o for o in outcomes if o.initiative_id == "gitex-global-2023").outcome
    eq(
        "gitex-global-2023",
        (g.participants, g.leads, g.leads_open, g.leads_won, g.leads_lost, g.binding_agreements, g.contracted_value_usd, g.non_binding_agreements, g.offices, g.public_cost_usd),
        (8, 8, 1, 4, 3, 4, 1_295_000, 2, 2, 600_000),
    )
    near("gitex-global-2023 conversion", g.conversion, 0.5714285714285714)
    near("gitex-global-2023 cost per lead", g.cost_per_lead, 75_000.0)
    near("gitex-global-2023 return per usd", g.return_per_usd, 2.158333333333333)
    check("return per usd ≈ 2.158333", g.return_per_usd is not None and abs(g.return_per_usd - 2.158333) < 1e-6)

    years = s.outcomes_by_fiscal_year()
    eq("by fiscal year", [y.label for y in years], ["FY2021-22", "FY2022-23", "FY2023-24", "FY2024-25", "FY2025-26"])
    near("FY2022-23 return", years[1].outcome.return_per_usd, 9.28)
    hosts = s.outcomes_by_host_country()
    eq("by host country", [(h.label, h.outcome.contracted_value_usd) for h in hosts][:2], [("SA", 10_310_000), ("AE", 3_525_000)])
    eq("SA initiatives", hosts[0].initiatives, ["leap-2022", "leap-2023", "leap-2024"])
    markets = s.outcomes_by_counterparty_country()
    eq("markets", [(m.country, m.leads, m.contracted_value_usd) for m in markets[:3]], [("SA", 11, 10_310_000), ("AE", 12, 2_060_000), ("GB", 3, 1_150_000)])
    eq("JO conversion", next(m for m in markets if m.country == "JO").conversion, None)

    follow = s.follow_through()
    eq("follow-through", (follow.total, follow.followed, follow.pending, follow.share), (9, 4, 1, 0.5))
    riyadh = next(f for f in follow.agreements if f.agreement_id == "riyadh-payments-mou")
    eq("a follow-up", (riyadh.company_id, riyadh.kind, riyadh.signed_on, riyadh.state, riyadh.followed_by),
       ("seaview-fintech", p.AgreementKind.MOU, "2023-02-08", p.FollowUpState.FOLLOWED, ["riyadh-payments-contract"]))
    eq("pending", [f.agreement_id for f in follow.agreements if f.state == p.FollowUpState.PENDING], ["gulf-arcade-loi"])

    growth = s.participation_growth()
    eq("participation growth rows", len(growth), 9)
    first = growth[0]
    eq("leap-2022 cohorts", (first.initiative_id, first.fiscal_year, first.participants.members, first.participants.measured, first.participants.from_usd, first.participants.to_usd, first.non_participants.members, first.non_participants.measured),
       ("leap-2022", 2021, 4, 4, 65_232_000, 72_370_000, 24, 20))
    near("leap-2022 growth", first.participants.growth, 0.10942482217316662)
    near("leap-2022 others' growth", first.non_participants.growth, 0.15739368185262048)
    eq("nobody measured from FY2024-25", [r.participants.growth for r in growth if r.fiscal_year >= 2024], [None, None, None])

    checks = s.claims_reconciled()
    eq("claims reconciled", [c.claim_id for c in checks], ["gitex-2023-return", "leap-2023-lead-value"])
    near("return recorded", checks[0].recorded, 2.158333333333333)
    near("return ratio", checks[0].ratio, 18.532818532818535)
    lv = checks[1]
    eq("lead value", (lv.metric, lv.initiative, lv.claimed, lv.recorded), (p.ClaimMetric.LEAD_VALUE_USD, "leap-2023", 100_000_000, 3_900_000.0))
    near("lead value ratio", lv.ratio, 25.641025641025642)
    check("lead value ratio ≈ 25.641", lv.ratio is not None and abs(lv.ratio - 25.641) < 1e-3)


def promotion_edges():
    """Absent ratios cross as None, never 0; a claim's period crosses as its text."""
    source = {"publisher": "X"}
    doc = {
        "schema_version": 1,
        "as_of": "2025-06-30",
        "companies": [{
            "id": "a", "legal_name": "A Ltd", "legal_form": "private_limited", "founded_on": "2010-01-01",
            "headquarters": {"city": "Lahore", "region": "PK-PB"},
            "leads": [{"id": "l1", "counterparty_country": "AE", "identified_on": "2024-10-15", "initiative": "free"}],
        }],
        "initiatives": [{
            "id": "free", "name": "Free roadshow", "kind": "roadshow", "organised_by": "PSEB",
            "country": "AE", "starts_on": "2024-10-14", "ends_on": "2024-10-18",
        }],
        "claims": [
            {"id": "c1", "metric": "leads", "value": 30, "period": "FY2019-20", "claimed_by": "X", "source": source},
            {"id": "c2", "metric": "return_per_usd", "value": 5, "initiative": "free", "claimed_by": "X", "source": source},
            {"id": "c3", "metric": "leads", "value": 3, "period": "2024", "claimed_by": "X", "source": source},
        ],
    }
    r = p.Registry.from_json(json.dumps(doc))
    o = r.initiative_outcomes()[0].outcome
    eq("edge outcome", (o.leads, o.public_cost_usd, o.conversion, o.cost_per_lead, o.return_per_usd), (1, None, None, None, None))
    eq("edge claims", [(c.period, c.recorded, c.ratio) for c in r.claims_reconciled()], [("FY2019-20", None, None), (None, None, None), ("2024", 1.0, 3.0)])
    eq("edge follow-through", (r.follow_through().total, r.follow_through().share), (0, None))
    eq("edge growth", r.participation_growth(), [])


def errors():
    e = raises("Invalid", p.PkitError.Invalid, lambda: p.Registry.from_json("{}"))
    eq("Invalid carries the issues", e.issues if e else None, p.validate_json("{}"))
    eq("Invalid has the core's summary", e.summary.splitlines()[0] if e else None, "invalid registry: 2 errors")
    check("PkitError is an Exception", isinstance(e, Exception))
    deep = '{"schema_version": 1, "as_of": "2024-06-30", "x": ' + "[" * 70 + "]" * 70 + "}"
    raises("LimitExceeded", p.PkitError.LimitExceeded, lambda: p.Registry.from_json(deep))
    raises("Io", p.PkitError.Io, lambda: p.Registry.from_path("no/such/registry.json"))
    s = p.Registry.sample()
    for bad in ["2024-13-01", "31/01/2026", "2024-2-9", "", "2024-02-30"]:
        e = raises(f"bad date {bad!r}", p.PkitError.InvalidArgument, lambda: s.certificate_statuses(bad))
        eq(f"bad date {bad!r} code", (e.argument, e.code) if e else None, ("on", "invalid_date"))
    e = raises("bad region", p.PkitError.InvalidArgument, lambda: s.series(p.Indicator.ICT_EXPORTS, "PK-XX"))
    eq("bad region code", e.code if e else None, "invalid_region")
    e = raises("bad period", p.PkitError.InvalidArgument, lambda: s.vintages(p.Indicator.ICT_EXPORTS, "PK", "2024-13"))
    eq("bad period code", e.code if e else None, "invalid_period")


def csv():
    d = tempfile.mkdtemp(prefix="pkit-uniffi-py-")
    try:
        out = os.path.join(d, "registry")
        s = p.Registry.sample()
        s.to_csv_dir(out)
        check("CSV round trip", p.Registry.from_csv_dir(out) == s)
        eq("validate CSV dir", [i.code for i in p.validate_csv_dir(out)], ["beyond_transition", "edition_withdrawn"])
    finally:
        shutil.rmtree(d)


def main():
    replay_vectors(sys.argv[2])
    sample_api()
    promotion_records()
    promotion_analytics()
    promotion_edges()
    errors()
    csv()
    print(f"{PASSED} passed, {FAILED} failed")
    sys.exit(1 if FAILED else 0)


if __name__ == "__main__":
    main()
