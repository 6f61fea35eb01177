# slacalc: `make run` builds and serves the page; `make test` runs every check.
# Both install what is missing first (scripts/setup, idempotent).
SHELL := /bin/bash
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# The page's wasm is built with the unstable -Zlocation-detail=none (.cargo/config.toml: 7.8 KB
# gzip off the first load); the pinned stable toolchain takes it with RUSTC_BOOTSTRAP=1. Set for
# every target, native ones too, so that cargo's builds share one set of fingerprints.
export RUSTC_BOOTSTRAP := 1
PORT ?= 8080

.PHONY: setup build run test lint native-test wasm-test e2e size size-breakdown fuzz fuzz-short bench screenshots clean

setup:
	@bash scripts/setup

build: setup
	trunk build --release --offline

run: build
	@echo "slacalc: serving dist/ on http://127.0.0.1:$(PORT)/ (Ctrl+C stops)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

# The workspace (docs/architecture.md): the page (root package, slacalc-web), the engine
# (crates/slacalc), the CLI (crates/slacalc-cli), the workbooks (crates/slacalc-workbook) and the
# bench-only wasm (crates/slacalc-bench-wasm).
lint: setup
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p slacalc-web -p slacalc-bench-wasm -p slacalc-js -p slacalc-studio --all-targets -- -D warnings
	@# The workbook crate as the page's on-demand module will be built (feature wasm, wasm32).
	cargo clippy --target wasm32-unknown-unknown -p slacalc-workbook --features wasm -- -D warnings
	@# Imports run one way: no circle between the engine's modules, nor the page's (docs/architecture.md).
	@python3 scripts/module-graph crates/slacalc/src
	@python3 scripts/module-graph crates/slacalc/src --under calendar
	@python3 scripts/module-graph crates/slacalc/src --under time
	@python3 scripts/module-graph src
	@python3 scripts/module-graph src --under state
	@python3 scripts/module-graph src --under views
	@python3 scripts/module-graph crates/slacalc-studio/src

# Every crate's native tests: the engine's unit, integration and property tests, the CLI's, and
# the page's state (native-testable; its browser tests are #[ignore]d here and run by `make e2e`).
native-test: setup
	cargo test --workspace

# Component tests of the page in headless Chromium (wasm-bindgen-test, webdriver.json).
wasm-test: setup
	cargo test --target wasm32-unknown-unknown -p slacalc-web --bin slacalc-web
	cargo test --target wasm32-unknown-unknown -p slacalc-js

# The built page in headless Chromium, driven like a person would; the sharing views; the
# Content-Security-Policy, the no-request session, offline use and oversized links; axe-core;
# every visible text in both languages.
e2e: build
	cargo test -p slacalc-web --no-fail-fast --test e2e --test e2e_share --test e2e_security --test e2e_a11y --test e2e_lang --test e2e_ledger --test e2e_saved --test e2e_tabs --test e2e_history --test e2e_spreadsheets --test e2e_narrow --test e2e_verdict --test e2e_documents --test e2e_holidays --test e2e_terms --test e2e_builder --test e2e_compare -- --include-ignored

# The first-load size: `make test` fails above the budget of 420 KB gzip (430,080 bytes;
# docs/size.md: why 420 KB, and what each feature costs). `make size SIZE_BUDGET=bytes` checks
# against another limit.
SIZE_BUDGET ?= 430080
size: build
	@SIZE_LIMIT=$(SIZE_BUDGET) bash scripts/size-check

# What each crate costs in the page's wasm (twiggy; for docs/size.md; not part of make test).
size-breakdown: build
	@command -v twiggy >/dev/null || cargo install twiggy@0.8.0 --locked
	@python3 scripts/size-breakdown target/wasm32-unknown-unknown/release/slacalc-web.wasm \
	  $$(gzip -9c dist/slacalc-web_bg.wasm.js | wc -c)

# Fuzzing (cargo-fuzz, fuzz/): each target for FUZZ_SECONDS (default 600), or FUZZ_RUNS
# executions; `make fuzz-short` runs each for 60 s in `make test`. Fails on any crash.
fuzz: setup
	@bash scripts/fuzz

fuzz-short: setup
	@FUZZ_SECONDS=60 bash scripts/fuzz link_decode case_json csv_read ics_load assess_valid workbook_read holidays_read

# Benchmarks (criterion, native): business-time add of 10 years vs 1 day; assess of one
# incident and of a 10,000-incident ledger; importing 10,000 incidents as an .xlsx and as a GBK
# CSV (crates/slacalc-workbook/benches/import.rs). In headless Chromium: page start and one edit;
# a 10,000-row .xlsx and GBK CSV imported on the page (tests/bench_import.rs: the longest frame);
# 100,000 deadlines by the engine (bench-only wasm, target/bench-dist) vs dayjs-business-time
# (npm, installed into .tools/bench by scripts/bench-page). Not part of `make test`.
bench:
	cargo bench -p slacalc --bench calendar --bench assess
	cargo bench -p slacalc-workbook --bench import
	$(MAKE) build
	cargo test -p slacalc-web --test bench_browser --test bench_import -- --ignored --nocapture --test-threads=1
	bash scripts/bench-page
	cargo test -p slacalc-web --test bench_dayjs -- --ignored --nocapture

# Screenshots of the page at 1280 px and 360 px into docs/screenshots/ (not part of make test).
screenshots: build
	@bash scripts/screenshots

test: lint native-test fuzz-short wasm-test e2e size
	@echo "make test: all checks passed"

clean:
	rm -rf dist target fuzz/target
