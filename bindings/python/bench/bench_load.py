"""Load and table benchmarks of the Python package, printed as ratios.

Run from the repository with a release build installed (``pip install ./bindings/python``)::

    python bindings/python/bench/bench_load.py            # ~50 MB document, 1M export rows
    python bindings/python/bench/bench_load.py --quick    # small sizes, for a smoke run

1. Loading a ~50 MB document from ``pkit.generate`` (the same generator as ``pkit generate``):
   ``json.loads`` (the floor: only reading JSON into Python objects), ``pkit.loads`` (parse and
   validate every rule), and a pydantic v2 model of the same document written for this benchmark
   (``model_validate_json``, pydantic's fastest path). Goals: pkit at most 1.0x ``json.loads``,
   at least 5x faster than pydantic.
2. ``Registry.to_pandas("exports")`` on about 1M export rows against
   ``pandas.DataFrame(list_of_dicts)`` of the same rows. Goal: at least 5x faster.

Each measurement runs in a fresh interpreter so that its peak memory (``ru_maxrss``) is its own;
times are the median of ``--repeat`` runs. Needs pydantic and pandas (``pip install pydantic
"pkit[pandas]"``).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def status_mib(field: str) -> float:
    """A memory field of /proc/self/status (VmRSS, VmHWM), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    # Not Linux: the peak since the process started.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class PeakMemory:
    """How far the resident set grows above where it is now, while the block runs: the peak
    (VmHWM) is reset first by writing 5 to /proc/self/clear_refs (Linux)."""

    def __enter__(self) -> PeakMemory:
        try:
            Path("/proc/self/clear_refs").write_text("5")
        except OSError:
            pass
        self.before = status_mib("VmRSS")
        return self

    def __exit__(self, *exc: object) -> None:
        self.mib = status_mib("VmHWM") - self.before


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
        del result
    return statistics.median(times)


def pydantic_loader() -> Callable[[str], object]:
    """A pydantic v2 model of the registry document, as a data scientist would write it: field
    types, required and optional fields, enums as literals, dates, ids and codes as patterns, no
    unknown fields. (The spec's cross-record rules are left out: pydantic has no place for them
    without custom validators, which would only slow it down further.)"""
    import datetime
    from typing import Literal

    from pydantic import BaseModel, ConfigDict, Field

    class Model(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)

    Slug = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64)
    Key = Field(pattern=r"^[a-z0-9]+(_[a-z0-9]+)*$", max_length=64)
    Country = Field(pattern=r"^[A-Z]{2}$")
    OptionalCountry = Field(default=None, pattern=r"^[A-Z]{2}$")
    PeriodText = Field(pattern=r"^(FY\d{4}-\d{2}(-Q[1-4])?|\d{4}(-\d{2}|-Q[1-4])?)$")

    class Identifiers(Model):
        ntn: str | None = None
        cuin: str | None = None
        lei: str | None = None
        pseb: str | None = None

    class Headquarters(Model):
        city: str = Field(min_length=1)
        region: str = Field(pattern=r"^PK-[A-Z]{2}$")

    class Office(Model):
        country: str = Country
        city: str = Field(min_length=1)
        opened_on: datetime.date | None = None
        initiative: str | None = None

    class Certification(Model):
        scheme: Literal[
            "cmmi", "iso_9001", "iso_14001", "iso_20000_1", "iso_22301", "iso_27001",
            "iso_27701", "pci_dss", "soc2",
        ]
        edition: str
        level: int | None = Field(default=None, ge=1, le=5)
        appraisal: Literal["benchmark", "sustainment", "evaluation"] | None = None
        certificate_number: str | None = None
        issuer: str = Field(min_length=1)
        accredited_by: str | None = None
        issued_on: datetime.date
        expires_on: datetime.date
        status: Literal["active", "suspended", "withdrawn"] = "active"
        scope: str | None = None

    class Award(Model):
        program: str
        program_name: str | None = None
        year: int = Field(ge=1990, le=2100)
        category: str = Key
        result: str
        entry: str = Field(min_length=1)
        host_country: str | None = OptionalCountry

    class ExportRecord(Model):
        period: str = PeriodText
        amount_usd: int = Field(ge=0, le=10**13)
        market: str | None = OptionalCountry
        service: str | None = None

    class Lead(Model):
        id: str = Slug
        counterparty: str | None = Field(default=None, min_length=1, max_length=200)
        counterparty_country: str = Country
        identified_on: datetime.date
        initiative: str | None = None
        estimated_value_usd: int | None = Field(default=None, ge=0, le=10**13)
        service: str | None = None
        stage: Literal["open", "won", "lost"] = "open"
        closed_on: datetime.date | None = None

    class Agreement(Model):
        id: str = Slug
        kind: Literal[
            "contract", "purchase_order", "framework_agreement", "partnership", "joint_venture",
            "mou", "letter_of_intent",
        ]
        counterparty: str = Field(min_length=1, max_length=200)
        counterparty_country: str = Country
        signed_on: datetime.date
        initiative: str | None = None
        lead: str | None = None
        value_usd: int | None = Field(default=None, ge=0, le=10**13)
        service: str | None = None
        duration_months: int | None = Field(default=None, ge=1, le=120)
        status: Literal["active", "completed", "terminated"] = "active"

    class Company(Model):
        id: str = Slug
        legal_name: str = Field(min_length=1, max_length=200)
        trade_name: str | None = None
        legal_form: str
        identifiers: Identifiers = Identifiers()
        founded_on: datetime.date | None = None
        headquarters: Headquarters
        website: str | None = None
        email: str | None = None
        employees: int | None = Field(default=None, ge=0)
        services: list[str] = []
        offices: list[Office] = []
        certifications: list[Certification] = []
        awards: list[Award] = []
        exports: list[ExportRecord] = []
        leads: list[Lead] = []
        agreements: list[Agreement] = []

    class Source(Model):
        publisher: str
        title: str | None = None
        url: str | None = None

    class Observation(Model):
        indicator: str
        region: str = "PK"
        period: str = PeriodText
        value: int = Field(ge=0)
        source: Source
        published_on: datetime.date | None = None
        note: str | None = None

    class Target(Model):
        id: str = Slug
        indicator: str
        region: str = "PK"
        value: int = Field(gt=0)
        deadline: str = PeriodText
        stated_by: str
        stated_on: datetime.date | None = None
        source: Source | None = None
        note: str | None = None

    class Ranking(Model):
        index: str
        publisher: str
        period: str
        metric: str
        country: str = Country
        rank: int = Field(ge=1)
        out_of: int | None = None
        source: Source | None = None
        note: str | None = None

    class Participant(Model):
        company: str = Slug
        role: Literal["exhibitor", "startup_exhibitor", "delegate", "sponsor", "speaker"] = "exhibitor"
        subsidy_usd: int | None = Field(default=None, ge=0, le=10**13)

    class Headcount(Model):
        metric: Literal["companies", "startups", "delegates", "b2b_meetings", "visitors"]
        value: int = Field(ge=0, le=10**10)
        reported_by: str = Field(min_length=1, max_length=200)
        source: Source | None = None

    class Initiative(Model):
        id: str = Slug
        name: str = Field(min_length=1, max_length=200)
        kind: Literal[
            "pavilion", "trade_delegation", "roadshow", "b2b_matchmaking", "investment_conference",
            "networking_event", "single_country_exhibition", "virtual_event", "other",
        ]
        host_event: str | None = None
        organised_by: str = Field(min_length=1, max_length=200)
        country: str = Country
        city: str | None = None
        starts_on: datetime.date
        ends_on: datetime.date
        status: Literal["held", "planned", "cancelled"] = "held"
        target_markets: list[str] = []
        public_cost_usd: int | None = Field(default=None, ge=0, le=10**13)
        participants: list[Participant] = []
        headcounts: list[Headcount] = []
        source: Source | None = None
        note: str | None = None

    class Claim(Model):
        id: str = Slug
        metric: Literal[
            "participants", "leads", "lead_value_usd", "agreements", "contract_value_usd",
            "return_per_usd",
        ]
        value: int = Field(ge=0, le=10**13)
        initiative: str | None = None
        period: str | None = None
        claimed_by: str = Field(min_length=1, max_length=200)
        claimed_on: datetime.date | None = None
        source: Source
        note: str | None = None

    class Registry(Model):
        model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
        schema_: str | None = Field(default=None, alias="$schema")
        schema_version: Literal[1]
        as_of: datetime.date
        companies: list[Company] = []
        observations: list[Observation] = []
        targets: list[Target] = []
        rankings: list[Ranking] = []
        initiatives: list[Initiative] = []
        claims: list[Claim] = []

    return Registry.model_validate_json


def measure(tool: str, path: Path, repeat: int) -> dict[str, Any]:
    """One measurement, in this (fresh) process."""
    import pkit

    if tool == "to_pandas" or tool == "pandas_dicts":
        import pandas

        registry = pkit.load(path)
        if tool == "to_pandas":
            rows = len(registry.to_pandas("exports"))
            with PeakMemory() as peak:
                seconds = median_seconds(lambda: registry.to_pandas("exports"), repeat)
        else:
            dicts = [
                {"company_id": c.id, **e.to_dict()}
                for c in registry.companies
                for e in c.exports
            ]
            rows = len(dicts)
            with PeakMemory() as peak:
                seconds = median_seconds(lambda: pandas.DataFrame(dicts), repeat)
        return {"seconds": seconds, "peak_mib": peak.mib, "rows": rows}

    text = path.read_text(encoding="utf-8")
    run: Callable[[], object]
    if tool == "json.loads":
        run = lambda: json.loads(text)  # noqa: E731
    elif tool == "pkit.loads":
        run = lambda: pkit.loads(text)  # noqa: E731
    elif tool == "pydantic":
        load = pydantic_loader()
        run = lambda: load(text)  # noqa: E731
    else:
        raise SystemExit(f"unknown tool {tool}")
    with PeakMemory() as peak:
        seconds = median_seconds(run, repeat)
    return {"seconds": seconds, "peak_mib": peak.mib, "mb": len(text) / 1e6}


def in_fresh_process(tool: str, path: Path, repeat: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", tool, str(path), "--repeat", str(repeat)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--measure", nargs=2, metavar=("TOOL", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure[0], Path(args.measure[1]), args.repeat)))
        return

    import pkit

    companies, export_companies = (300, 600) if args.quick else (23_800, 0)
    with tempfile.TemporaryDirectory() as folder:
        document = Path(folder) / "registry.json"
        document.write_text(pkit.generate(companies, seed=1).to_json(), encoding="utf-8")
        size = document.stat().st_size / 1e6
        print(f"document: {companies} companies, {size:.1f} MB (pkit.generate, seed 1)")
        loads = {tool: in_fresh_process(tool, document, args.repeat)
                 for tool in ("json.loads", "pkit.loads", "pydantic")}
        for tool, r in loads.items():
            print(f"  {tool:<11} median {r['seconds'] * 1000:8.0f} ms   peak +{r['peak_mib']:6.0f} MiB")
        floor, ours, pyd = (loads[t]["seconds"] for t in ("json.loads", "pkit.loads", "pydantic"))
        print(f"  pkit.loads / json.loads = {ours / floor:.2f}   (goal <= 1.00)")
        print(f"  pydantic / pkit.loads   = {pyd / ours:.1f}x  (goal >= 5x)")

        # About 1M export rows: the generator gives ~37 export records per company.
        if not export_companies:
            sizing = pkit.generate(1000, seed=2)
            per_company = sum(len(c.exports) for c in sizing.companies) / 1000
            export_companies = int(1_000_000 / per_company) + 1
        exports = Path(folder) / "exports.json"
        exports.write_text(pkit.generate(export_companies, seed=2).to_json(), encoding="utf-8")
        tables = {tool: in_fresh_process(tool, exports, args.repeat)
                  for tool in ("to_pandas", "pandas_dicts")}
        rows = tables["to_pandas"]["rows"]
        print(f"exports table: {rows:,} rows ({export_companies} companies)")
        for tool, r in tables.items():
            name = "to_pandas" if tool == "to_pandas" else "DataFrame(dicts)"
            print(f"  {name:<16} median {r['seconds'] * 1000:8.0f} ms   peak +{r['peak_mib']:6.0f} MiB")
        ratio = tables["pandas_dicts"]["seconds"] / tables["to_pandas"]["seconds"]
        print(f"  DataFrame(dicts) / to_pandas = {ratio:.1f}x  (goal >= 5x)")


if __name__ == "__main__":
    main()
