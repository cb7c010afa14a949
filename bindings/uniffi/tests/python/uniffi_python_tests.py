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
    errors()
    csv()
    print(f"{PASSED} passed, {FAILED} failed")
    sys.exit(1 if FAILED else 0)


if __name__ == "__main__":
    main()
