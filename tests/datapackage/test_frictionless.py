"""The data package beside a CSV export (`datapackage.json`), checked by Frictionless itself.

Every registry pkit accepts passes its package: the sample, and every vector with no error
(edge values, nulls, long and unusual texts). A planted mistake is reported by Frictionless
at the right resource, row and field: a non-date, a word outside its vocabulary, an empty
required cell, a repeated primary key, a company that does not exist, and a changed file
(its hash).

Run from the repository's root: `python -m pytest tests/datapackage` (needs `frictionless`;
builds the `pkit` binary with cargo, or uses the one named by `PKIT`).
"""

from __future__ import annotations

import concurrent.futures
import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import frictionless
import pytest

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "vectors"
SAMPLE = ROOT / "crates" / "pkit" / "data" / "sample.json"


@pytest.fixture(scope="session")
def pkit() -> str:
    """The `pkit` binary: `PKIT`, or the debug build (built now if need be)."""
    given = os.environ.get("PKIT")
    if given:
        return given
    subprocess.run(["cargo", "build", "-q", "-p", "pkit-cli"], cwd=ROOT, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    if not target.is_absolute():
        target = ROOT / target
    return str(target / "debug" / "pkit")


def convert(pkit: str, document: Path, out: Path) -> Path:
    subprocess.run(
        [pkit, "convert", str(document), "--to", "csv", "--out", str(out)],
        check=True,
        capture_output=True,
    )
    return out


def errors(report: frictionless.Report) -> list[tuple[str, str, int | None, str | None]]:
    """(resource, error type, row number, field name) of every error of a package report."""
    found = [("", e.type, None, None) for e in report.errors]
    for task in report.tasks:
        for e in task.errors:
            found.append(
                (task.name, e.type, getattr(e, "row_number", None), getattr(e, "field_name", None))
            )
    return found


@pytest.fixture(scope="session")
def sample_dir(pkit: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return convert(pkit, SAMPLE, tmp_path_factory.mktemp("sample") / "csv")


def test_the_sample_passes_its_package(sample_dir: Path) -> None:
    report = frictionless.validate(sample_dir / "datapackage.json")
    assert errors(report) == []
    assert report.valid
    assert report.stats["tasks"] == 15
    assert report.warnings == []
    package = json.loads((sample_dir / "datapackage.json").read_text(encoding="utf-8"))
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert package["profile"] == "tabular-data-package"
    assert {r["name"] for r in package["resources"]} == {
        p.stem for p in sample_dir.glob("*.csv")
    }


def _convert_and_validate(job: tuple[str, str, str]) -> tuple[str, list]:
    pkit, document, out = job
    directory = convert(pkit, Path(document), Path(out))
    report = frictionless.validate(directory / "datapackage.json")
    return Path(document).name, errors(report)


def test_every_accepted_vector_passes_its_package(pkit: str, tmp_path: Path) -> None:
    accepted = [
        VECTORS / issues.name.replace(".issues.json", ".json")
        for issues in sorted(VECTORS.glob("*.issues.json"))
        if not any(i["severity"] == "error" for i in json.loads(issues.read_text(encoding="utf-8")))
    ]
    assert len(accepted) > 50
    jobs = [(pkit, str(doc), str(tmp_path / doc.stem)) for doc in accepted]
    # Two processes: the machines have two cores, and each validation is mostly Python.
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        failed = [(name, found) for name, found in pool.map(_convert_and_validate, jobs) if found]
    assert failed == []


# ------------------------------------------------------------------------ planted mistakes


def planted(sample_dir: Path, tmp_path: Path, resource: str, change) -> Path:
    """A copy of the sample's directory with `change(rows)` applied to `resource`'s rows (the
    header first), and that resource's `hash` and `bytes` removed from the package, so that
    only the planted mistake is reported."""
    directory = tmp_path / "planted"
    shutil.copytree(sample_dir, directory)
    path = directory / f"{resource}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    change(rows)
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")
    descriptor = directory / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    for r in package["resources"]:
        if r["name"] == resource:
            del r["hash"], r["bytes"]
    descriptor.write_text(json.dumps(package, indent=2), encoding="utf-8")
    return descriptor


def set_cell(column: str, row: int, value: str):
    """A change that sets `column` of data row `row` (1 is the first after the header)."""

    def change(rows: list[list[str]]) -> None:
        rows[row][rows[0].index(column)] = value

    return change


def test_a_non_date_is_a_type_error_at_its_row_and_field(sample_dir: Path, tmp_path: Path) -> None:
    bad_date = set_cell("issued_on", 2, "3/1/2023")
    descriptor = planted(sample_dir, tmp_path, "certifications", bad_date)
    report = frictionless.validate(descriptor)
    assert not report.valid
    # Row numbers count the header as row 1, as pkit's CSV locations do.
    assert errors(report) == [("certifications", "type-error", 3, "issued_on")]


def test_a_word_outside_its_vocabulary_is_a_constraint_error(
    sample_dir: Path, tmp_path: Path
) -> None:
    descriptor = planted(sample_dir, tmp_path, "companies", set_cell("legal_form", 1, "llc"))
    report = frictionless.validate(descriptor)
    assert errors(report) == [("companies", "constraint-error", 2, "legal_form")]
    (task,) = [t for t in report.tasks if t.errors]
    assert 'constraint "enum"' in task.errors[0].note


def test_an_empty_required_cell_is_a_constraint_error(sample_dir: Path, tmp_path: Path) -> None:
    descriptor = planted(sample_dir, tmp_path, "certifications", set_cell("issuer", 1, ""))
    report = frictionless.validate(descriptor)
    assert errors(report) == [("certifications", "constraint-error", 2, "issuer")]
    (task,) = [t for t in report.tasks if t.errors]
    assert 'constraint "required"' in task.errors[0].note


def test_a_repeated_id_is_a_primary_key_error(sample_dir: Path, tmp_path: Path) -> None:
    def repeat_first(rows: list[list[str]]) -> None:
        rows.append(list(rows[1]))

    descriptor = planted(sample_dir, tmp_path, "companies", repeat_first)
    report = frictionless.validate(descriptor)
    companies = len((sample_dir / "companies.csv").read_text(encoding="utf-8").splitlines()) - 1
    # The repeated row is the last: the header's row, each company's, then it.
    assert errors(report) == [("companies", "primary-key", companies + 2, None)]


def test_an_unknown_company_is_a_foreign_key_error(sample_dir: Path, tmp_path: Path) -> None:
    descriptor = planted(
        sample_dir, tmp_path, "certifications", set_cell("company_id", 1, "no-such-company")
    )
    report = frictionless.validate(descriptor)
    assert [e[:3] for e in errors(report)] == [("certifications", "foreign-key", 2)]
    (task,) = [t for t in report.tasks if t.errors]
    error = task.errors[0]
    assert error.field_names == ["company_id"]
    assert error.reference_name == "companies"
    assert error.reference_field_names == ["id"]


def test_a_changed_file_fails_its_hash(sample_dir: Path, tmp_path: Path) -> None:
    directory = tmp_path / "changed"
    shutil.copytree(sample_dir, directory)
    path = directory / "rankings.csv"
    text = path.read_bytes()
    # The same size and still valid: only the hash tells.
    changed = text.replace(b"Payoneer", b"Payoneur", 1)
    assert changed != text and len(changed) == len(text)
    path.write_bytes(changed)
    report = frictionless.validate(directory / "datapackage.json")
    assert errors(report) == [("rankings", "hash-count", None, None)]
