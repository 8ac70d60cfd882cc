#!/usr/bin/env bash
# Builds everything `make bench` measures (called by the Makefile after the set-up):
# - the release app in dist/ (as `make build`);
# - the bare Leptos counter (bench/counter/) into bench-output/counter-dist/, with the same
#   toolchain, release profile and wasm-opt options;
# - the bench-only wasm (bench/wasm/: the checker and the store callable from JavaScript) into
#   bench-output/bench-wasm/, bindgen'd and wasm-opt'd as Trunk does for the app;
# - the native examples, which then write the generated texts and stores and the native timings
#   into bench-output/data/.
# Both fixture crates share target/ with the app, so they reuse its compiled dependencies and
# later runs are incremental. Their Cargo.lock is the app's, copied fresh each run (cargo then
# drops what they do not use), so they build the very same versions as the app.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/bench-output
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if [ ! -d bench/node_modules/alex ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  say "Installing the bench's own node tools (alex)"
  npm ci --prefix bench --no-audit --no-fund
fi

say "Building the release app (dist/)"
nice trunk build --release --features split

say "Building the bare Leptos counter (bench/counter/)"
cp Cargo.lock bench/counter/Cargo.lock
(cd bench/counter && CARGO_TARGET_DIR=$root/target nice trunk build --release --dist "$out/counter-dist")

say "Building the bench-only wasm (bench/wasm/)"
cp Cargo.lock bench/wasm/Cargo.lock
(cd bench/wasm && CARGO_TARGET_DIR=$root/target nice cargo build --release --target wasm32-unknown-unknown)
rm -rf "$out/bench-wasm"
wasm-bindgen --target web --no-typescript --out-dir "$out/bench-wasm" \
  target/wasm32-unknown-unknown/release/bench_wasm.wasm
wasm-opt -Oz --low-memory-unused --output="$out/bench-wasm/bench_wasm_bg.wasm" "$out/bench-wasm/bench_wasm_bg.wasm"

say "Generating texts and stores, and timing the checker and the store natively"
nice cargo build --release --example bench_store --example checker_timing
mkdir -p "$out/data"
target/release/examples/bench_store "$out/data" >"$out/data/native-store.json"
target/release/examples/checker_timing --json "$out/data/text-5000.txt" "$out/data/text-50000.txt" \
  >"$out/data/native-checker.jsonl"
