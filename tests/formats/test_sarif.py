"""`pkit validate --format sarif` against the SARIF 2.1.0 JSON Schema.

The schema is the 2.1.0 schema as Microsoft ships it in the npm package `@microsoft/jest-sarif`
(fetched by `tests/formats/run.sh`, path in `SARIF_SCHEMA`); the `pkit` binary is the debug
build (`PKIT_BIN`). Every shared vector, a CSV directory with a bad cell, and a valid file
each give a log that the schema accepts, with one result per issue.
"""

import json
import os
import pathlib
import shutil
import subprocess

import jsonschema
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "vectors"
PKIT = os.environ.get("PKIT_BIN", str(ROOT / "target" / "debug" / "pkit"))


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(pathlib.Path(os.environ["SARIF_SCHEMA"]).read_text())
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def sarif(*args):
    run = subprocess.run(
        [PKIT, "validate", "--format", "sarif", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)


def vector_files():
    return sorted(VECTORS.glob("*.issues.json"))


def test_every_vector_gives_a_valid_log_with_one_result_per_issue(validator):
    files = [p.with_name(p.name.replace(".issues.json", ".json")) for p in vector_files()]
    assert len(files) > 250
    log = sarif(*files)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    expected = sum(len(json.loads(p.read_text())) for p in vector_files())
    results = log["runs"][0]["results"]
    assert len(results) == expected
    placed = [r for r in results if r["ruleId"] != "limit_exceeded"]
    assert all(
        r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
        and r["locations"][0]["physicalLocation"]["region"]["startColumn"] >= 1
        for r in placed
    )


def test_a_valid_file_gives_a_valid_empty_log(validator, tmp_path):
    valid = [p for p in vector_files() if json.loads(p.read_text()) == []]
    log = sarif(valid[0].with_name(valid[0].name.replace(".issues.json", ".json")))
    validator.validate(log)
    assert log["runs"][0]["results"] == []


def test_a_csv_directory_gives_results_in_its_csv_files(validator, tmp_path):
    out = tmp_path / "sample"
    sample_json = tmp_path / "sample.json"
    subprocess.run(
        [PKIT, "generate", "--companies", "3"], stdout=sample_json.open("w"), check=True
    )
    subprocess.run(
        [PKIT, "convert", str(sample_json), "--to", "csv", "--out", str(out)], check=True
    )
    registry = out / "registry.csv"
    header, row = registry.read_text().splitlines()[:2]
    cells = row.split(",")
    cells[header.split(",").index("as_of")] = "2024-02-30"
    registry.write_text(header + "\n" + ",".join(cells) + "\n")
    log = sarif(out)
    validator.validate(log)
    results = log["runs"][0]["results"]
    assert results, log
    first = results[0]
    assert first["ruleId"] == "invalid_date"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("/registry.csv")
    assert location["region"]["startLine"] == 2
    assert first["properties"]["csvColumn"] == "as_of"
    shutil.rmtree(out)
