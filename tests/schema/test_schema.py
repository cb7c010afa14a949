"""Check the committed JSON Schema against the shared test vectors.

The schema (`schemas/registry.schema.json`, draft 2020-12) is generated from the Rust types.
A schema cannot say everything the validator checks (uniqueness, date relations, check
digits, ...), but it must never reject a valid document, and it should reject every invalid
document whose problem a schema can express. See README.md next to this file.

Run: target/venv/bin/python -m pytest -q tests/schema (or bash scripts/test.sh)
"""

from __future__ import annotations

import json
import pathlib

import jsonschema
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "schemas" / "registry.schema.json"
VECTORS = ROOT / "tests" / "vectors"
SAMPLE_PATH = ROOT / "crates" / "pkit" / "data" / "sample.json"

# Error codes no JSON Schema can express: they compare values with each other, with `as_of`,
# with the company's founding date, follow a reference to another record, or need arithmetic
# (LEI check digits), or are about the text rather than the parsed value (repeated keys,
# nesting depth).
UNEXPRESSIBLE_CODES = frozenset(
    {
        "limit_exceeded",  # the depth limit
        "duplicate_key",
        "duplicate_id",
        "duplicate_identifier",
        "duplicate_record",
        "overlapping_periods",
        "before_founding",
        "date_in_future",
        "period_in_future",
        "date_order",
        "validity_too_long",
        "invalid_lei",  # ISO 7064 MOD 97-10 check digits
        # References from one record to another (SPEC §1.10) and the dates they compare.
        "unknown_company",
        "unknown_initiative",
        "unknown_lead",
        "initiative_not_held",
        "before_initiative",
    }
)

# Codes that say the text is not (strict) JSON: such a vector cannot be given to a schema.
NOT_JSON_CODES = frozenset({"invalid_json", "duplicate_key"})

# Invalid vectors (with at least one expressible error) that the schema accepts, with why.
# The test fails when one of these starts being rejected (remove it here then) and when an
# invalid vector that is not listed here is accepted.
KNOWN_GAPS: dict[str, str] = {}


# --------------------------------------------------------------------------- helpers


class StrictJSONError(ValueError):
    """The text is JSON that Python's `json` would accept but the pkit validator does not."""


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    obj: dict[str, object] = {}
    for key, value in pairs:
        if key in obj:
            raise StrictJSONError(f"duplicate key {key!r}")
        obj[key] = value
    return obj


def _no_constants(name: str) -> object:
    raise StrictJSONError(f"non-standard constant {name}")


def strict_loads(text: str) -> object:
    """Parse JSON, rejecting repeated keys and NaN/Infinity (Python's json accepts both)."""
    return json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constants)


def read_document(path: pathlib.Path) -> object:
    return strict_loads(path.read_bytes().decode("utf-8"))


def pointer(parts) -> str:
    """RFC 6901 JSON Pointer of a jsonschema error path (as the vectors write paths)."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def parent(ptr: str) -> str:
    return ptr.rsplit("/", 1)[0]


def expected_issues(name: str) -> list[dict[str, str]]:
    return json.loads((VECTORS / f"{name}.issues.json").read_text(encoding="utf-8"))


def error_codes(name: str) -> set[str]:
    return {i["code"] for i in expected_issues(name) if i["severity"] == "error"}


def vector_names() -> list[str]:
    return sorted(
        p.name[: -len(".json")]
        for p in VECTORS.glob("*.json")
        if not p.name.endswith(".issues.json")
    )


ALL_VECTORS = vector_names()
VALID_VECTORS = [n for n in ALL_VECTORS if not error_codes(n)]
INVALID_VECTORS = [n for n in ALL_VECTORS if error_codes(n)]


def skip_reason(name: str) -> str | None:
    """Why an invalid vector is not given to the schema, or None when it must be rejected.

    Raises AssertionError when the document is not strict JSON but its expected issues do
    not say so (the vector or this test would be wrong).
    """
    codes = error_codes(name)
    if "invalid_json" in codes:
        return "not JSON (invalid_json)"
    try:
        read_document(VECTORS / f"{name}.json")
    except (ValueError, UnicodeDecodeError) as exc:  # JSONDecodeError and StrictJSONError
        assert codes & NOT_JSON_CODES, (
            f"{name} is not strict JSON ({exc}) but expects none of {sorted(NOT_JSON_CODES)}"
        )
        return f"not strict JSON: {exc}"
    if codes <= UNEXPRESSIBLE_CODES:
        return f"only codes a schema cannot express: {sorted(codes)}"
    return None


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator(schema: dict) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def describe(errors) -> str:
    return "\n".join(f"  {pointer(e.absolute_path) or '(root)'}: {e.message[:200]}" for e in errors)


# --------------------------------------------------------------------------- tests


def test_vectors_are_paired_and_present():
    assert ALL_VECTORS, f"no vectors found in {VECTORS}"
    missing = [n for n in ALL_VECTORS if not (VECTORS / f"{n}.issues.json").is_file()]
    assert not missing, f"documents without an .issues.json: {missing}"


def test_schema_is_valid_draft_2020_12(schema: dict):
    assert schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_format_checking_is_on(validator: jsonschema.Draft202012Validator):
    # The Date pattern accepts 2025-02-30; only the "date" format check rejects it.
    assert "date" in validator.format_checker.checkers
    assert validator.is_valid({"schema_version": 1, "as_of": "2024-02-29"})
    assert not validator.is_valid({"schema_version": 1, "as_of": "2025-02-30"})


@pytest.mark.parametrize("name", VALID_VECTORS)
def test_valid_vector_passes(name: str, validator: jsonschema.Draft202012Validator):
    document = read_document(VECTORS / f"{name}.json")
    errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    assert not errors, f"valid vector {name} is rejected by the schema:\n{describe(errors)}"


@pytest.mark.parametrize("name", INVALID_VECTORS)
def test_invalid_vector_fails(name: str, validator: jsonschema.Draft202012Validator):
    reason = skip_reason(name)
    if reason is not None:
        pytest.skip(reason)
    codes = error_codes(name)
    document = read_document(VECTORS / f"{name}.json")

    errors = list(validator.iter_errors(document))
    if name in KNOWN_GAPS:
        assert not errors, (
            f"{name} is in KNOWN_GAPS but the schema now rejects it; remove it from "
            f"KNOWN_GAPS:\n{describe(errors)}"
        )
        return
    assert errors, (
        f"invalid vector {name} (errors {sorted(codes)}) is accepted by the schema; fix the "
        f"schema or, if it cannot express the problem, add it to KNOWN_GAPS with the reason"
    )
    # The schema must reject it at least partly for an intended reason, not only because of
    # some unrelated schema defect: one schema error must be at an expected error's path,
    # inside that value, or at its parent object (required, additionalProperties, uniqueItems).
    expected = [i["path"] for i in expected_issues(name) if i["severity"] == "error"]
    found = [pointer(e.absolute_path) for e in errors]
    related = [
        f
        for f in found
        if any(f == x or f.startswith(x + "/") or f == parent(x) for x in expected)
    ]
    assert related, (
        f"{name}: the schema rejects it, but nowhere near the expected errors {expected}:\n"
        f"{describe(errors)}"
    )


def test_known_gaps_are_checked_invalid_vectors():
    for name, reason in KNOWN_GAPS.items():
        assert name in INVALID_VECTORS, f"KNOWN_GAPS names {name!r}, which is not an invalid vector"
        assert skip_reason(name) is None, f"KNOWN_GAPS names {name!r}, which the test skips"
        assert reason.strip(), f"KNOWN_GAPS[{name!r}] needs a reason"


def test_sample_passes(validator: jsonschema.Draft202012Validator):
    document = read_document(SAMPLE_PATH)
    errors = list(validator.iter_errors(document))
    assert not errors, f"the built-in sample is rejected by the schema:\n{describe(errors)}"
