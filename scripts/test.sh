#!/usr/bin/env bash
# The test command of the README: builds everything and runs every test
# (unit, property, CLI and dev-set quality gates).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --workspace
cargo test --release --locked --workspace
