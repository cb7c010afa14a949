#!/usr/bin/env bash
# Every test of pkit, on a fresh machine: formatting, the declared rust-version against the
# dependencies' own, lints, unit, integration and doc tests
# (the shared vectors, the committed-schema staleness check, the CLI, property tests), the
# peak-memory bound, rustdoc without warnings, the JSON Schema check with a standard
# validator (Python jsonschema, installed into a virtual environment here), the CSV export's
# data package against Frictionless (frictionless-py, the same environment), the SARIF output
# against the SARIF 2.1.0 schema (fetched from the npm registry), the Python
# package (bindings/python/test.sh), the uniffi bindings (bindings/uniffi/test.sh), and a
# short run of every fuzz target (fuzz/smoke.sh; installs cargo-fuzz when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "rust-version true to the dependencies (scripts/msrv.py)"
python3 scripts/msrv.py

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo test (unit, integration, doctests; vectors; schema staleness; CLI)"
cargo test --workspace

step "without the optional features: the core and the CLI without Arrow and Parquet"
# The workspace's build has them (the Python package turns on the core's `parquet`, and it is
# the CLI's default); this checks that the code without them compiles and lints clean, and
# that `pkit convert --to parquet` then says how to get it.
cargo clippy -p pkit -p pkit-cli --all-targets --no-default-features -- -D warnings
cargo test -q -p pkit-cli --no-default-features --test parquet

step "peak memory: loading a generated 100 MB document stays within 3x its size"
# A debug build is fast enough (about 20 s: generating, then loading in a child process).
cargo run -q -p pkit --example peak_memory

step "cargo doc without warnings"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps

step "JSON Schema against the vectors with a standard validator"
venv="${PKIT_VENV:-target/venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "jsonschema>=4.18" "pytest>=7"
"$venv/bin/python" -m pytest -q -p no:cacheprovider tests/schema

step "datapackage.json of a CSV export against Frictionless (frictionless-py)"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "frictionless>=5.18,<6"
"$venv/bin/python" -m pytest -q -p no:cacheprovider tests/datapackage

step "pkit validate --format sarif against the SARIF 2.1.0 schema"
bash tests/formats/run.sh "$venv"

step "Python package: build, install, pytest, stubtest, mypy, notebook"
PKIT_VENV="$venv" bash bindings/python/test.sh

step "uniffi bindings: Kotlin on the JVM, uniffi-Python and Swift checks, every vector"
bash bindings/uniffi/test.sh

step "fuzz smoke: each fuzz target for about 12 seconds on the committed corpus"
bash fuzz/smoke.sh

step "all tests passed"
