#!/usr/bin/env bash
# Tests of the uniffi bindings (Kotlin, Python, Swift) from a fresh clone, on Linux:
#
#   1. JNA from Debian (libjna-java, installed when missing) and the JetBrains Kotlin compiler
#      pinned in bindings/uniffi/package.json (npm ci into bindings/uniffi/node_modules).
#   2. The debug cdylib (libpkit_ffi.so) and the uniffi-bindgen binary at the same uniffi version;
#      the bindgen writes the Kotlin, Python and Swift bindings to $CARGO_TARGET_DIR/uniffi/.
#   3. Kotlin on the JVM: the generated bindings, the test program and examples/kotlin compiled
#      together, then run: every vector of tests/vectors and the API.
#   4. uniffi's Python bindings with plain python3: every vector and the API again.
#   5. Swift (no compiler here): the files exist, the C header passes a syntax check, every
#      function it declares is exported by the library, and the Swift file calls only those.
#
# Run from anywhere: bash bindings/uniffi/test.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
began=$SECONDS

target="${CARGO_TARGET_DIR:-target}"
out="$target/uniffi"
here=bindings/uniffi
jna=/usr/share/java/jna.jar
kotlin_version=2.4.20

step() { printf '\n--> %s\n' "$*"; }

step "JNA (Debian's libjna-java) and kotlin-compiler $kotlin_version (npm)"
if [ ! -f "$jna" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libjna-java >/dev/null
fi
kc="$here/node_modules/kotlin-compiler"
if ! grep -q "\"version\": \"$kotlin_version\"" "$kc/package.json" 2>/dev/null; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

step "cdylib and uniffi-bindgen; bindings for Kotlin, Python and Swift into $out"
cargo build -q -p pkit-ffi -p pkit-uniffi-bindgen
lib="$target/debug/libpkit_ffi.so"
rm -rf "$out"
mkdir -p "$out"
for language in kotlin python swift; do
  # Run from the workspace root: the bindgen finds bindings/uniffi/uniffi.toml through cargo
  # metadata (Kotlin package `pkit`, Swift module `Pkit`).
  "$target/debug/uniffi-bindgen" generate "$lib" --language "$language" \
    --out-dir "$out/$language" --no-format >/dev/null
done

step "Kotlin on the JVM: vectors, API, examples/kotlin"
# C1 only (TieredStopAtLevel=1): the compiler runs once, briefly; 17 s instead of 26 s here.
# -nowarn: the generated file's warnings are uniffi's, not ours.
"$kc/bin/kotlinc" -J-XX:TieredStopAtLevel=1 -nowarn \
  "$out/kotlin/pkit/pkit_ffi.kt" "$here"/tests/kotlin/*.kt examples/kotlin/*.kt \
  -cp "$jna" -d "$out/kotlin-tests.jar"
java -Djna.library.path="$target/debug" \
  -cp "$out/kotlin-tests.jar:$jna:$kc/lib/kotlin-stdlib.jar" PkitTestsKt tests/vectors

step "uniffi's Python bindings (plain python3): vectors, API"
cp "$lib" "$out/python/"
python3 "$here/tests/python/uniffi_python_tests.py" "$out/python" tests/vectors

step "Swift: generated files, C header syntax, symbols"
swift="$out/swift"
for file in Pkit.swift PkitFFI.h PkitFFI.modulemap; do
  [ -s "$swift/$file" ] || { echo "missing $swift/$file" >&2; exit 1; }
done
grep -q 'header "PkitFFI.h"' "$swift/PkitFFI.modulemap"
# GCC does not know Clang's nullability qualifiers; they are defined away for the check. The
# header is included from a C file so that its `#pragma once` is in a header.
printf '#include "PkitFFI.h"\n' >"$swift/check.c"
gcc -fsyntax-only -std=c11 -Wall -Wextra -Werror -D_Nullable= -D_Nonnull= -I "$swift" -x c "$swift/check.c"
symbols() { grep -oE '\b(uniffi|ffi)_pkit_ffi_[A-Za-z0-9_]+' "$1" | sort -u; }
symbols "$swift/PkitFFI.h" >"$swift/declared.txt"
symbols "$swift/Pkit.swift" >"$swift/called.txt"
nm -D --defined-only "$lib" | awk '{print $3}' | sort -u >"$swift/exported.txt"
not_exported=$(comm -23 "$swift/declared.txt" "$swift/exported.txt")
undeclared=$(comm -23 "$swift/called.txt" "$swift/declared.txt")
if [ -n "$not_exported$undeclared" ]; then
  echo "declared but not exported: $not_exported" >&2
  echo "called from Swift but not declared: $undeclared" >&2
  exit 1
fi
echo "swift: $(wc -l <"$swift/declared.txt") functions declared and exported, $(wc -l <"$swift/called.txt") called from Pkit.swift"

step "uniffi bindings: all tests passed in $((SECONDS - began)) s"
