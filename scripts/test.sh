#!/usr/bin/env bash
# The test command of the README (and of CI): builds everything, runs every
# test (unit, property, CLI, archive), then the dev-set quality gates
# (scripts/quality.py: each gold set under eval/ and ../shared/eval/dev
# scored by ../shared/eval/score.py against the floors in eval/thresholds.json).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --workspace
cargo test --release --locked --workspace
python3 scripts/quality.py
