#!/usr/bin/env bash
# Writes the seed corpora and the dictionaries the fuzz targets start from (see README.md).
# The committed corpus (fuzz/corpus/) is what fuzzing grew from these seeds, minimized; run
# this only to start afresh: `bash fuzz/seed.sh DIR` writes DIR/<target>/ and DIR/*.dict.
#   json         every document of tests/vectors
#   csv          the built-in sample and every valid vector, converted to CSV by
#                `pkit convert` and framed as the csv target reads them
#   period, date, identifiers   small hand-written seeds
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: seed.sh DIR}"
mkdir -p "$out"/{json,csv,period,date,identifiers}

# json: the shared vectors (documents only, not their expected issues).
for f in tests/vectors/*.json; do
  case "$f" in *.issues.json) continue ;; esac
  cp "$f" "$out/json/$(basename "$f")"
done

# csv: each file's selector byte (checks.rs, CSV_NAMES: `0` + its position), its contents, 0xFF between files.
frame() {
  local dir="$1" to="$2" i=0 first=1
  : >"$to"
  for name in registry companies offices certifications awards exports leads agreements \
    observations targets rankings initiatives participants headcounts claims; do
    if [ -f "$dir/$name.csv" ]; then
      [ "$first" = 1 ] || printf '\xff' >>"$to"
      first=0
      printf "\\$(printf '%03o' $((48 + i)))" >>"$to"
      cat "$dir/$name.csv" >>"$to"
    fi
    i=$((i + 1))
  done
}
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
pkit() { cargo run -q -p pkit-cli -- "$@"; }
cp crates/pkit/data/sample.json "$tmp/sample.json"
for f in "$tmp/sample.json" tests/vectors/valid_*.json; do
  case "$f" in *.issues.json) continue ;; esac
  name="$(basename "$f" .json)"
  pkit convert "$f" --to csv --out "$tmp/$name"
  frame "$tmp/$name" "$out/csv/$name"
done

# The parsers: a few valid and invalid texts of each form; `|` joins two for the pair checks.
i=0
seed() {
  local target="$1"
  shift
  for s in "$@"; do
    printf '%s' "$s" >"$out/$target/seed-$i"
    i=$((i + 1))
  done
}
seed period FY2023-24 FY2023-24-Q1 FY2023-24-Q4 2024-03 2024 2019-Q2 FY1899-00-Q3 FY2100-01-Q2 \
  FY2099-00 1900 2100-12 FY2023-25 2024-13 fy2023-24 'FY2023-24|2024-03' '2019-Q2|FY2018-19-Q4' \
  '2024|FY2024-25-Q2'
seed date 2024-02-29 2023-02-29 1900-02-28 1900-02-29 2000-02-29 2100-12-31 1899-12-31 2024-2-9 \
  '2024-02-29|2025-03-01' '1900-01-01|2100-12-31'
seed identifiers 1234567 1234567-8 0123456 5493001KJTIIGC8Y1R12 5493001KJTIIGC8Y1R13 \
  indus-byteworks e_health PK PK-PB AE UK info@pseb.org.pk https://pseb.org.pk/ HTTP://x.pk \
  cmmi iso_27001 private_limited ict_exports limit_exceeded companies category '  Indus  ' \
  "$(printf 'two\nlines')"

# Dictionaries: the format's field names and vocabularies (from the committed JSON Schema,
# without the 249 country codes), JSON tokens, and the CSV column names.
python3 - "$out" <<'EOF'
import json, sys
out = sys.argv[1]
schema = json.load(open("schemas/registry.schema.json"))
keys, words = set(), set()
def walk(x):
    if isinstance(x, dict):
        for k, v in x.items():
            if k == "properties" and isinstance(v, dict):
                keys.update(v)
            if k == "enum" and not (isinstance(v, list) and len(v) > 100):
                words.update(e for e in v if isinstance(e, str))
            walk(v)
    elif isinstance(x, list):
        for v in x:
            walk(v)
walk(schema)
words |= {"PK", "AE", "US", "PK-PB", "PK-SD", "FY2023-24", "FY2023-24-Q1", "2024-03", "2019-Q2",
          "2024-02-29", "1234567-8", "5493001KJTIIGC8Y1R12", "https://pseb.org.pk/", "a@b.pk"}
def entry(s):
    b = s if isinstance(s, bytes) else s.encode("utf-8")
    return '"' + "".join(chr(c) if 32 <= c < 127 and c not in b'"\\' else "\\x%02x" % c for c in b) + '"'
tokens = ["{", "}", "[", "]", ":", ",", "null", "true", "false", "-0", "1e3", "1.0",
          "\\u0000", "\\ud800", "\\\"", "10000000000000"]
with open(f"{out}/json.dict", "w") as f:
    f.write("# pkit json target: field names, vocabularies, tokens (written by fuzz/seed.sh)\n")
    for k in sorted(keys):
        f.write(entry(json.dumps(k)) + "\n")
    for w in sorted(words):
        f.write(entry(json.dumps(w)) + "\n")
    for t in tokens:
        f.write(entry(t) + "\n")
columns = set(keys) | {"company_id", "ntn", "cuin", "lei", "pseb", "headquarters_city",
                       "headquarters_region", "source_publisher", "source_title", "source_url",
                       "effective_expiry", "derived_status", "fiscal_year", "period_start",
                       "period_end", "is_current", "deadline_end"}
with open(f"{out}/csv.dict", "w") as f:
    f.write("# pkit csv target: column names, vocabularies, CSV tokens (written by fuzz/seed.sh)\n")
    for c in sorted(columns | words):
        f.write(entry(c) + "\n")
    for t in [b"\r\n", b"\n", b",", b'"', b'""', b";", b"\xff0", b"\xff1", b"\xff2", b"\xff3", b"\xff5"]:
        f.write(entry(t) + "\n")
EOF
echo "seeds written to $out"
