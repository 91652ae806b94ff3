# Ilmastoaskeleet: build, test and tooling entry points.
#   make dev     setup, then trunk serve on http://127.0.0.1:8080 (offline, live reload)
#   make test    setup, then every check in CI order (scripts/test.sh; KEEP_GOING=1 to run all); .ci/run calls this
#   make build   release build into dist/ (trunk build --release)
#   make size    size report of dist/ (raw, gzip -9, brotli -11)
#   make bench   Lighthouse, first-load transfer, answer timings, memory -> bench/results.{json,md}
#   make deploy  release build + precompressed .br/.gz files + nginx header snippet (scripts/deploy.sh)
#   make setup   install whatever is missing (scripts/setup.sh)
#   make content-report  support catalogue freshness and coverage (MUNI=245: preview one municipality)
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# binaryen's wasm-opt 132 and the other node tools come from node_modules (npm ci in setup).
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROME_PATH ?= /usr/bin/chromium
# First-load brotli budget in bytes: what comes before the first question can be answered:
# index.html + wasm + js + css + the largest first language pack (the app fetches it before it
# mounts; the second pack comes after the first paint and is not counted). The product target is
# 200 KiB (204800); the app is not there yet. Measured 2026-12-02: 334 KB (wasm 307 KB, first
# Finnish pack 16 KB), up from 311 KB with the owner's answer on Results, the footprint summary,
# data salvage and the embed navigation; CI holds the line at 336 KiB (about 3 % above) against
# regressions. See README "Size and speed".
export SIZE_BUDGET ?= 344064

.PHONY: help setup dev build test size bench deploy clean content-report

help:
	@sed -n '2,9p' Makefile | sed 's/^# *//'

setup:
	@scripts/setup.sh

dev: setup
	trunk serve --address 127.0.0.1 --port 8080 --offline

build: setup
	trunk build --release

test: setup
	@scripts/test.sh

size:
	@node scripts/size-report.mjs

bench: build
	node bench/run.mjs

deploy: setup
	scripts/deploy.sh

# Prints; never fails because time passed (docs/maintaining-content.md).
content-report:
	@MUNI="$(MUNI)" cargo run --quiet --example content_report

clean:
	rm -rf dist artifacts deploy/out
	cargo clean
