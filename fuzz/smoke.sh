#!/usr/bin/env bash
# CI fuzz smoke (fuzz/README.md): builds the five fuzz targets and runs each for a few
# seconds, starting from the committed corpus; fails on any crash, panic or timeout.
# New inputs go to a temporary directory, so the committed corpus is never changed.
#   FUZZ_SECONDS   seconds per target (default 12)
set -euo pipefail
cd "$(dirname "$0")"

CARGO_FUZZ_VERSION=0.13.2
seconds="${FUZZ_SECONDS:-12}"
targets=(json csv period date identifiers)

if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

# cargo-fuzz passes nightly flags to rustc; RUSTC_BOOTSTRAP lets the stable toolchain take
# them. The core forbids unsafe code, so the targets run without a sanitizer (six times the
# executions per second of AddressSanitizer here), with debug assertions and overflow checks.
export RUSTC_BOOTSTRAP=1
flags=(--sanitizer none --debug-assertions --target-dir target)
cargo fuzz build "${flags[@]}"

options() {
  case "$1" in
    json) echo "-dict=json.dict" ;;
    csv) echo "-dict=csv.dict" ;;
    period | date) echo "-max_len=64" ;;
    identifiers) echo "-max_len=256" ;;
  esac
}

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
for t in "${targets[@]}"; do
  mkdir -p "$scratch/$t"
  printf '%-12s ' "$t"
  # libFuzzer adds new inputs to the first directory and only reads the second.
  # shellcheck disable=SC2046
  if ! cargo fuzz run "${flags[@]}" "$t" "$scratch/$t" "corpus/$t" -- $(options "$t") \
    -max_total_time="$seconds" -timeout=10 -print_final_stats=1 >"$scratch/$t.log" 2>&1; then
    echo "FAILED"
    tail -n 60 "$scratch/$t.log"
    echo "fuzz smoke: $t failed; the input that failed is in fuzz/artifacts/$t/" >&2
    exit 1
  fi
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$scratch/$t.log")"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$scratch/$t.log")"
  echo "ok: ${runs:-?} executions, ${rate:-?}/s"
done
