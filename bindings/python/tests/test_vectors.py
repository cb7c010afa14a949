"""Every shared vector of tests/vectors, replayed through pkit.validate: the same (path, code,
severity) as the Rust core, compared as the vectors' README says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pkit
from conftest import VECTORS

Triple = tuple[str, str, str]

CASES = sorted(p for p in VECTORS.glob("*.json") if not p.name.endswith(".issues.json"))


def parent(path: str) -> str:
    return path.rsplit("/", 1)[0]


def canonical(issues: list[Triple]) -> list[Triple]:
    """Sorts each run of issues that share a position, as the README allows any order there:
    consecutive issues with the same path, and consecutive missing_field issues of one object."""
    out: list[Triple] = []
    i = 0
    while i < len(issues):
        j = i + 1
        path, code, _ = issues[i]
        while j < len(issues):
            p, c, _ = issues[j]
            same_path = p == path
            sibling_missing = (
                code == "missing_field" and c == "missing_field" and parent(p) == parent(path)
            )
            if not (same_path or sibling_missing):
                break
            j += 1
        out.extend(sorted(issues[i:j]))
        i = j
    return out


def expected(case: Path) -> list[Triple]:
    raw = json.loads(case.with_suffix(".issues.json").read_text(encoding="utf-8"))
    return [(i["path"], i["code"], i["severity"]) for i in raw]


def test_there_are_vectors() -> None:
    assert len(CASES) >= 190


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_vector(case: Path) -> None:
    data = case.read_bytes()
    found = [(i.path, i.code, i.severity) for i in pkit.validate(data)]
    assert canonical(found) == canonical(expected(case))
    # The same text as str gives the same issues (the vectors are all UTF-8).
    assert pkit.validate(data.decode("utf-8")) == pkit.validate(data)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_loads_agrees_with_validate(case: Path) -> None:
    data = case.read_bytes()
    issues = pkit.validate(data)
    if any(i.is_error for i in issues):
        with pytest.raises(pkit.ValidationError) as caught:
            pkit.loads(data)
        assert caught.value.issues == issues
    else:
        registry = pkit.loads(data)
        assert registry.warnings == issues
