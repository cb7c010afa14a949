"""The API of SPEC §3.2: loading, errors, records, dates, equality, pickling, CSV."""

from __future__ import annotations

import datetime
import json
import pickle
from pathlib import Path

import pytest

import pkit

BAD = (
    '{"schema_version": 1, "as_of": "2024-02-30", "companies": ['
    '{"id": "Bad Id", "legal_name": "", "legal_form": "private_limited",'
    ' "headquarters": {"city": "Lahore", "region": "PK-PB"}},'
    '{"id": "ok", "legal_name": "Ok", "legal_form": "gmbh",'
    ' "headquarters": {"city": "Lahore", "region": "PK-XX"}}]}'
)


def test_sample_loads_with_its_two_warnings(sample: pkit.Registry) -> None:
    assert len(sample.companies) == 28
    assert sample.as_of == datetime.date(2026, 1, 31)
    assert [(w.code, w.path) for w in sample.warnings] == [
        ("beyond_transition", "/companies/1/certifications/0/expires_on"),
        ("edition_withdrawn", "/companies/13/certifications/0/issued_on"),
    ]
    assert all(w.severity == "warning" and not w.is_error for w in sample.warnings)


def unplaced(issues: list[pkit.Issue]) -> list[tuple[str, str, str, str]]:
    """The issues without their places, to compare the issues of two texts of a registry."""
    return [(i.code, i.path, i.severity, i.message) for i in issues]


def test_validation_error_is_a_value_error_with_every_issue() -> None:
    with pytest.raises(ValueError) as caught:
        pkit.loads(BAD)
    error = caught.value
    assert isinstance(error, pkit.ValidationError)
    found = [(i.path, i.code) for i in error.issues]
    assert found == [
        ("/as_of", "invalid_date"),
        ("/companies/0/id", "invalid_id"),
        ("/companies/0/legal_name", "empty_text"),
        ("/companies/1/legal_form", "invalid_enum"),
        ("/companies/1/headquarters/region", "invalid_region"),
    ]
    text = str(error).splitlines()
    assert text[0] == "invalid registry: 5 errors"
    first = error.issues[0]
    assert first.line == 1 and first.column is not None and first.column > 1
    assert text[1] == (
        f"  1:{first.column}: error invalid_date: `2024-02-30` is not a calendar date (/as_of)"
    )
    assert len(text) == 6


def test_str_of_a_long_error_shows_the_first_ten() -> None:
    companies = ",".join(
        f'{{"id": "c{i}", "legal_name": "", "legal_form": "private_limited",'
        f' "headquarters": {{"city": "Lahore", "region": "PK-PB"}}}}'
        for i in range(25)
    )
    with pytest.raises(pkit.ValidationError) as caught:
        pkit.loads(f'{{"schema_version": 1, "as_of": "2024-06-30", "companies": [{companies}]}}')
    lines = str(caught.value).splitlines()
    assert lines[0] == "invalid registry: 25 errors"
    assert len(lines) == 12
    assert lines[-1] == "  ... and 15 more (see .issues)"
    assert len(caught.value.issues) == 25


def test_issue_attributes_and_loc() -> None:
    issue = pkit.validate(BAD)[1]
    assert issue.code == "invalid_id"
    assert issue.path == "/companies/0/id"
    assert issue.severity == "error"
    assert issue.loc == ("companies", 0, "id")
    assert issue.line == 1 and issue.column is not None
    assert BAD[issue.column - 1 :].startswith('"Bad Id"')
    assert issue.location == f"1:{issue.column}"
    assert (issue.file, issue.header, issue.input) == (None, None, "Bad Id")
    assert "Bad Id" in issue.message
    assert issue.to_dict() == {
        "code": "invalid_id",
        "path": "/companies/0/id",
        "message": issue.message,
        "severity": "error",
        "location": f"1:{issue.column}",
    }
    assert repr(issue).startswith("Issue(code='invalid_id', path='/companies/0/id'")
    assert str(issue) == f"1:{issue.column}: error invalid_id: {issue.message} (/companies/0/id)"
    assert pkit.validate("{")[0].loc == ()
    assert len({issue, pkit.validate(BAD)[1]}) == 1


def test_valid_text_gives_no_issue_and_validate_never_raises() -> None:
    # The same warnings, each placed in its own text.
    assert unplaced(pkit.validate(pkit.sample().to_json())) == unplaced(pkit.sample().warnings)
    assert [i.code for i in pkit.validate("not json")] == ["invalid_json"]
    assert [i.code for i in pkit.validate(b"\xff")] == ["invalid_json"]
    with pytest.raises(pkit.ValidationError) as caught:
        pkit.loads(b'{"as_of": "\xff"}')
    assert caught.value.issues[0].code == "invalid_json"


def test_wrong_argument_types_are_type_errors() -> None:
    with pytest.raises(TypeError, match="expected the document as str or bytes, got int"):
        pkit.loads(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        pkit.validate(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        pkit.load(3.5)  # type: ignore[arg-type]
    sample = pkit.sample()
    with pytest.raises(TypeError, match="expected a datetime.date"):
        sample.certification_coverage(on=20240101)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a fiscal year"):
        sample.top_exporters(2023.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="got bool"):
        sample.top_exporters(True)


def test_bad_values_are_value_errors() -> None:
    sample = pkit.sample()
    with pytest.raises(ValueError, match="indicator: `gdp` is not allowed here"):
        sample.series("gdp")
    with pytest.raises(ValueError, match="not a calendar date"):
        sample.certification_coverage(on="2024-02-30")
    with pytest.raises(ValueError, match="not a fiscal year"):
        sample.top_exporters("2023")
    with pytest.raises(ValueError, match="table"):
        sample.table("nope")


def test_files(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(pkit.sample().to_json(), encoding="utf-8")
    assert pkit.load(good) == pkit.sample()
    assert pkit.load(str(good)) == pkit.sample()
    assert unplaced(pkit.validate_file(good)) == unplaced(pkit.sample().warnings)

    bad = tmp_path / "bad.json"
    bad.write_text(BAD, encoding="utf-8")
    assert [i.code for i in pkit.validate_file(bad)][0] == "invalid_date"
    with pytest.raises(pkit.ValidationError):
        pkit.load(bad)

    missing = tmp_path / "missing.json"
    with pytest.raises(FileNotFoundError) as caught:
        pkit.load(missing)
    assert caught.value.filename == str(missing)
    with pytest.raises(OSError):
        pkit.validate_file(missing)


def test_json_round_trip_and_atomic_file(tmp_path: Path, sample: pkit.Registry) -> None:
    again = pkit.loads(sample.to_json())
    assert again == sample
    assert pkit.loads(sample.to_json(pretty=True)) == sample
    assert sample.to_json(pretty=True).startswith("{\n  ")
    out = tmp_path / "out.json"
    sample.to_json_file(out)
    assert pkit.load(out) == sample
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_csv_round_trip(tmp_path: Path, sample: pkit.Registry) -> None:
    folder = tmp_path / "csv"
    sample.to_csv(folder)
    assert (folder / "companies.csv").exists()
    assert pkit.load_csv(folder) == sample
    assert pkit.load(folder) == sample
    text = (folder / "certifications.csv").read_text(encoding="utf-8").splitlines()
    header = text[0].split(",")
    row = text[1].split(",")
    row[header.index("issued_on")] = "3/1/2023"
    lines = [text[0], ",".join(row), *text[2:]]
    (folder / "certifications.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(pkit.ValidationError) as caught:
        pkit.load_csv(folder)
    first = caught.value.issues[0]
    assert first.code == "invalid_date"
    assert first.location == "certifications.csv:2:issued_on"
    assert "certifications.csv:2:issued_on" in str(caught.value)
    # The location is shown once, before the code, and the path after the message.
    line = f"certifications.csv:2:issued_on: error invalid_date: {first.message} ({first.path})"
    assert str(first) == line
    assert str(caught.value).splitlines()[1] == f"  {line}"
    assert pkit.validate_file(folder)[0] == first


def test_json_schema_is_a_dict() -> None:
    schema = pkit.json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "companies" in schema["properties"]
    committed = Path(__file__).resolve().parents[3] / "schemas" / "registry.schema.json"
    assert schema == json.loads(committed.read_text(encoding="utf-8"))


def test_records_are_read_only_typed_and_comparable(sample: pkit.Registry) -> None:
    company = sample.companies[0]
    cert = company.certifications[0]
    assert isinstance(cert.expires_on, datetime.date)
    assert isinstance(cert.scheme, str)
    with pytest.raises(AttributeError):
        company.id = "x"  # type: ignore[misc]
    assert company == sample.company(company.id)
    assert company != sample.companies[1]
    assert sample.company("no-such-company") is None
    assert repr(company.headquarters) == (
        f"Headquarters(city={company.headquarters.city!r}, "
        f"region={company.headquarters.region!r})"
    )
    assert repr(company).startswith(f"Company(id={company.id!r}, legal_name=")


def test_to_dict_matches_the_json_document(sample: pkit.Registry) -> None:
    """to_dict() has the JSON names and values; dates are datetime.date."""
    document = json.loads(sample.to_json())

    def jsonish(value: object) -> object:
        if isinstance(value, dict):
            return {k: jsonish(v) for k, v in value.items() if v is not None and v != []}
        if isinstance(value, list):
            return [jsonish(v) for v in value]
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value

    def pruned(value: object) -> object:
        if isinstance(value, dict):
            return {k: pruned(v) for k, v in value.items() if v is not None and v != [] and v != {}}
        if isinstance(value, list):
            return [pruned(v) for v in value]
        return value

    for family in ("companies", "observations", "targets", "rankings", "initiatives", "claims"):
        records = getattr(sample, family)
        assert [pruned(jsonish(r.to_dict())) for r in records] == pruned(document[family])


def test_pickling(sample: pkit.Registry) -> None:
    assert pickle.loads(pickle.dumps(sample)) == sample
    with pytest.raises(TypeError, match="pickle the Registry"):
        pickle.dumps(sample.companies[0])
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(sample.warnings[0])


def test_generate_is_valid_and_deterministic() -> None:
    first = pkit.generate(30, seed=7)
    assert len(first.companies) == 30
    assert first == pkit.generate(30, seed=7)
    assert first != pkit.generate(30, seed=8)


def test_registry_repr(sample: pkit.Registry) -> None:
    assert repr(sample) == (
        "Registry(as_of=2026-01-31, companies=28, observations=38, targets=5, rankings=3, "
        "initiatives=10, claims=2, warnings=2)"
    )


def test_the_quick_start_runs() -> None:
    import subprocess
    import sys

    script = Path(__file__).resolve().parents[3] / "examples" / "python" / "quickstart.py"
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("Registry(as_of=2026-01-31, companies=28")
    assert "invalid registry: 5 errors" in out.stdout
    assert "it-exports-10bn-2025 missed" in out.stdout
    assert "leap-2023-lead-value claimed 100000000 recorded 3900000.0" in out.stdout
