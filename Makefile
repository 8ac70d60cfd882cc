# Peer Study: the commands a new user and CI need. Each target installs what it needs first
# (scripts/setup.sh skips whatever is already there at the right version).
#
#   make dev     set up, then build and serve the app on http://127.0.0.1:8080 with live reload
#   make build   set up, then make a release build in dist/, split by area (docs/build.md)
#   make test    set up (also Chromium, WebKit and Firefox), then formatting, clippy and every
#                test layer
#   make test-engines  the release build in WebKit and Firefox only (after make setup-engines)
#   make bench   after make test's set-up: measure size, start-up, typing, checking and storage
#                (one table; every figure also in bench-output/bench.json). About 13 minutes.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# binaryen 132's wasm-opt from node_modules must be found before any other (Debian's version 108
# produces a broken app), and cargo-installed tools before system ones.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT := 120

.PHONY: dev build test bench setup setup-test setup-engines release fmt-check clippy test-native \
	test-browser test-e2e test-engines clean

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

setup-engines:
	@scripts/setup.sh engines

dev: setup
	trunk serve

build: setup
	trunk build --release --features split

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
	# The split points (src/app/lazy_area.rs) as the release build compiles them.
	cargo clippy --target wasm32-unknown-unknown --features split --bins -- -D warnings

test-native:
	cargo test

test-browser:
	cargo test --target wasm32-unknown-unknown --test browser

# The release build the end-to-end and cross-engine layers test; within one `make` it is built
# once, however many of them run.
release:
	trunk build --release --features split

test-e2e: release
	npx playwright test --config tests/e2e/playwright.config.js

# WebKit (WebKitGTK's MiniBrowser, which needs a display: Xvfb) and Firefox ESR (headless), driven
# over WebDriver by pytest and selenium. ENGINES_PORT (default 4204) and the two above it are used.
test-engines: release
	xvfb-run -a python3 -m pytest tests/engines

# A fresh clone's test run gains nothing from incremental compilation's caches, which cost hundreds
# of MB of disk (`make dev` keeps them for quick rebuilds; CARGO_INCREMENTAL=1 keeps them here too).
test: export CARGO_INCREMENTAL ?= 0
test: setup-test
	@echo "Disk free for the build: $$(df -h --output=avail . | tail -1) (a fresh run needs about 2.3 GB)"
	@$(MAKE) --no-print-directory fmt-check clippy test-native test-browser test-e2e test-engines
	@echo "All checks and tests passed. Disk still free: $$(df -h --output=avail . | tail -1)"

# Builds the app, the bare Leptos counter it is compared with and the bench-only wasm, then
# measures. Never fails because something is slow. BENCH_PORT (default 4305) is the first of three
# loopback ports it serves on.
bench: setup-test
	bench/build.sh
	node bench/run.mjs

clean:
	cargo clean
	rm -rf dist test-output bench-output
