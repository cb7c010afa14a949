"""`ValidationError` at pydantic's level, on every shared vector: `errors()`, `json()`,
`error_count()`, `issues_table()`, and the issues' line, column and input; and the HTML views
of a registry, its summary and an error."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import pkit
from conftest import VECTORS

CASES = sorted(p for p in VECTORS.glob("*.json") if not p.name.endswith(".issues.json"))
ERROR_KEYS = ["type", "loc", "msg", "severity", "path", "line", "column"]


def offset(text: str, line: int, column: int) -> int:
    """The index in `text` of a line and a character column, both from 1."""
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + column - 1


def rejected(case: Path) -> pkit.ValidationError | None:
    try:
        pkit.loads(case.read_bytes())
    except pkit.ValidationError as error:
        return error
    return None


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_errors_and_json_on_every_vector(case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    issues = pkit.validate(text)
    error = rejected(case)
    if error is None:
        assert not any(i.is_error for i in issues)
        return
    errors = error.errors()
    assert error.error_count() == len(errors) == len(issues)
    expected = json.loads(case.with_suffix(".issues.json").read_text(encoding="utf-8"))
    assert sorted((e["path"], e["type"], e["severity"]) for e in errors) == sorted(
        (i["path"], i["code"], i["severity"]) for i in expected
    )
    for issue, found in zip(issues, errors):
        assert [k for k in found if k != "input"] == ERROR_KEYS
        assert found["type"] == issue.code
        assert found["loc"] == issue.loc
        assert found["msg"] == issue.message
        assert (found["line"], found["column"]) == (issue.line, issue.column)
        if issue.code != "limit_exceeded":
            assert issue.line is not None and issue.line >= 1
            assert issue.column is not None and issue.column >= 1
        if "input" in found:
            assert issue.has_input
            assert issue.line is not None and issue.column is not None
            # The input is the JSON value found at the issue's line and column.
            at = offset(text, issue.line, issue.column)
            decoded, _ = json.JSONDecoder().raw_decode(text, at)
            assert decoded == found["input"] or (
                isinstance(decoded, float) and decoded == pytest.approx(found["input"])
            )
        else:
            assert not issue.has_input
    assert [e for e in error.errors(include_input=False) if "input" in e] == []
    # json() is errors() as JSON, tuples as lists.
    again = json.loads(error.json())
    assert again == [{**e, "loc": list(e["loc"])} for e in errors]
    assert json.loads(error.json(indent=2)) == again


def test_inputs_are_kept_for_most_vector_errors() -> None:
    kept = total = 0
    for case in CASES:
        error = rejected(case)
        if error is not None:
            total += error.error_count()
            kept += sum("input" in e for e in error.errors())
    assert total > 300
    assert kept > total / 3, (kept, total)


def test_an_error_names_its_input_line_and_column() -> None:
    text = '{\n  "schema_version": 1,\n  "as_of": "2024-02-30"\n}\n'
    with pytest.raises(pkit.ValidationError) as caught:
        pkit.loads(text)
    [found] = caught.value.errors()
    assert found == {
        "type": "invalid_date",
        "loc": ("as_of",),
        "msg": found["msg"],
        "input": "2024-02-30",
        "severity": "error",
        "path": "/as_of",
        "line": 3,
        "column": 12,
    }
    assert "2024-02-30" in found["msg"]
    [issue] = caught.value.issues
    assert str(issue) == f"3:12: error invalid_date: {issue.message} (/as_of)"


def test_csv_errors_name_the_file_and_header(tmp_path: Path) -> None:
    out = tmp_path / "csv"
    pkit.sample().to_csv(out)
    registry = out / "registry.csv"
    header, row = registry.read_text().splitlines()[:2]
    cells = row.split(",")
    cells[header.split(",").index("as_of")] = "2024-02-30"
    registry.write_text(header + "\n" + ",".join(cells) + "\n")
    with pytest.raises(pkit.ValidationError) as caught:
        pkit.load_csv(out)
    first = caught.value.errors()[0]
    assert (first["file"], first["line"], first["header"], first["column"]) == (
        "registry.csv",
        2,
        "as_of",
        None,
    )
    assert first["input"] == "2024-02-30"


def test_issues_table_goes_to_pandas_and_polars() -> None:
    pa = pytest.importorskip("pyarrow")
    error = rejected(VECTORS / "cert_missing_and_invalid_fields.json")
    assert error is not None
    table = pa.table(error.issues_table())
    assert table.num_rows == error.error_count()
    assert table.column_names == [
        "severity", "code", "path", "message", "file", "line", "column", "header", "input",
    ]
    assert table.column("code").to_pylist() == [i.code for i in error.issues]
    assert table.column("line").to_pylist() == [i.line for i in error.issues]
    frame = error.issues_table().to_pandas()
    assert list(frame["path"]) == [i.path for i in error.issues]
    polars = pytest.importorskip("polars")
    assert error.issues_table().to_polars().height == error.error_count()
    assert isinstance(error.issues_table().to_polars(), polars.DataFrame)


def test_html_views() -> None:
    registry = pkit.sample()
    html = registry._repr_html_()
    assert html.startswith('<table class="pkit-registry">')
    assert f"<td>{len(registry.companies)}</td>" in html
    summary = registry.summary()._repr_html_()
    assert summary.startswith('<table class="pkit-summary">')
    error = rejected(VECTORS / "cert_missing_and_invalid_fields.json")
    assert error is not None
    html = error._repr_html_()
    assert html.count("<tr>") == 1 + error.error_count()
    assert "<td>missing_field</td>" in html


def test_validation_error_is_still_a_value_error_with_issues() -> None:
    error = rejected(VECTORS / "cert_missing_and_invalid_fields.json")
    assert isinstance(error, ValueError)
    assert type(error) is pkit.ValidationError
    assert type(error).__module__.startswith("pkit")
    assert str(error).splitlines()[0].endswith("errors") or "error" in str(error)
    made = pkit.ValidationError("by hand")
    assert made.issues == [] and made.errors() == [] and made.error_count() == 0
    assert str(made) == "by hand" and str(pkit.ValidationError()) == ""
    assert made.json() == "[]"
    with pytest.raises(TypeError):
        pickle.dumps(error.issues[0])
