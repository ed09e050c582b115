#!/usr/bin/env bash
# Prints one digest of everything that compiles into the binary (the crates'
# sources and manifests, the embedded data, Cargo.lock; not the Markdown
# beside them): data/pgo/sources.sha256
# records it for the sources a profile was trained on (see scripts/build-dist.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
{ git ls-files --cached --others --exclude-standard -- crates data Cargo.toml Cargo.lock 2>/dev/null \
    || find crates data Cargo.toml Cargo.lock -type f; } \
    | grep -v -e '^data/pgo/' -e '\.md$' | LC_ALL=C sort | while read -r f; do if [ -f "$f" ]; then sha256sum "$f"; fi; done \
    | sha256sum | cut -d' ' -f1
