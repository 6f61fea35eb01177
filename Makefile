# slacalc: `make run` builds and serves the page; `make test` runs every check.
# Both install what is missing first (scripts/setup, idempotent).
SHELL := /bin/bash
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080

.PHONY: setup build run test lint native-test wasm-test e2e size size-breakdown fuzz fuzz-short bench screenshots clean

setup:
	@bash scripts/setup

build: setup
	trunk build --release --offline

run: build
	@echo "slacalc: serving dist/ on http://127.0.0.1:$(PORT)/ (Ctrl+C stops)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

lint: setup
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

native-test: setup
	cargo test

# Component tests of the page in headless Chromium (wasm-bindgen-test, webdriver.json).
wasm-test: setup
	cargo test --target wasm32-unknown-unknown --bin slacalc-web

# The built page in headless Chromium, driven like a person would; the sharing views; the
# Content-Security-Policy, the no-request session, offline use and oversized links; axe-core;
# every visible text in both languages.
e2e: build
	cargo test --test e2e --test e2e_share --test e2e_security --test e2e_a11y --test e2e_lang --test e2e_ledger -- --include-ignored

# The first-load size (issue #8). The budget is 150 KB gzip; the page is still over it
# (docs/size.md: why, and what reaching it takes), so `make test` fails above SIZE_CEILING,
# the measured size plus about 1 %: any growth fails, and the ceiling only comes down.
# `make size SIZE_CEILING=153600` checks against the budget itself.
SIZE_CEILING ?= 389000
size: build
	@SIZE_LIMIT=$(SIZE_CEILING) bash scripts/size-check

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
	@FUZZ_SECONDS=60 bash scripts/fuzz

# Benchmarks (criterion, native): business-time add of 10 years vs 1 day; assess of one
# incident and of a 10,000-incident ledger. In headless Chromium: page start and one edit;
# 100,000 deadlines by the engine (bench-only wasm, target/bench-dist) vs dayjs-business-time
# (npm, installed into .tools/bench by scripts/bench-page). Not part of `make test`.
bench:
	cargo bench --bench calendar --bench assess
	$(MAKE) build
	cargo test --test bench_browser -- --ignored --nocapture --test-threads=1
	bash scripts/bench-page
	cargo test --test bench_dayjs -- --ignored --nocapture

# Screenshots of the page at 1280 px and 360 px into docs/screenshots/ (not part of make test).
screenshots: build
	@bash scripts/screenshots

test: lint native-test fuzz-short wasm-test e2e size
	@echo "make test: all checks passed"

clean:
	rm -rf dist target fuzz/target
