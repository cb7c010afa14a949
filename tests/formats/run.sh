#!/usr/bin/env bash
# Checks `pkit validate --format sarif` against the SARIF 2.1.0 schema (test_sarif.py).
# Fetches the schema once from the npm registry (the pinned @microsoft/jest-sarif package,
# MIT, which ships it) into target/sarif-schema, and runs pytest in the venv given as $1.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv="${1:-target/venv}"
dir=target/sarif-schema
schema="$dir/package/lib/schemas/sarif-2.1.0-rtm.5.json"
if [ ! -f "$schema" ]; then
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null && tar xzf microsoft-jest-sarif-1.0.0-beta.0.tgz)
fi
cargo build -q -p pkit-cli
SARIF_SCHEMA="$PWD/$schema" PKIT_BIN="$PWD/target/debug/pkit" \
  "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/formats
