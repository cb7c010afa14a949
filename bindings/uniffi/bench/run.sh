#!/usr/bin/env bash
# The FFI measurement of docs/mobile.md: a release build of the cdylib, a generated registry of
# 5,000 companies, then the same calls from Kotlin (bench/Bench.kt) and from Rust
# (examples/bench.rs). Needs what bindings/uniffi/test.sh installs (JNA, the Kotlin compiler)
# and the Kotlin bindings it generates. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/../../.."
target="${CARGO_TARGET_DIR:-target}"
out="$target/uniffi"
here=bindings/uniffi
kc="$here/node_modules/kotlin-compiler"
jna=/usr/share/java/jna.jar

[ -f "$out/kotlin/pkit/pkit_ffi.kt" ] || { echo "run bindings/uniffi/test.sh first" >&2; exit 1; }
cargo build -q --release -p pkit-ffi --lib --example bench
cargo run -q -p pkit-cli -- generate --companies 5000 --seed 1 >"$out/big-5000.json"
"$kc/bin/kotlinc" -J-XX:TieredStopAtLevel=1 -nowarn "$out/kotlin/pkit/pkit_ffi.kt" "$here/bench/Bench.kt" \
  -cp "$jna" -d "$out/bench.jar"
sample=crates/pkit/data/sample.json
java -Djna.library.path="$target/release" -cp "$out/bench.jar:$jna:$kc/lib/kotlin-stdlib.jar" \
  BenchKt "$sample" "$out/big-5000.json"
"$target/release/examples/bench" "$sample" "$out/big-5000.json"
