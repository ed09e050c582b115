#!/usr/bin/env bash
# Builds the distributed binary, target/dist/marsad: the `dist` profile of
# Cargo.toml (whole-program LTO, one code unit) optimised with the execution
# profile in data/pgo (profile-guided optimisation, PGO). Same behaviour as
# target/release/marsad, faster; the benchmarks measure this binary.
#
#   bash scripts/build-dist.sh           build (a few minutes: LTO over one code unit)
#   bash scripts/build-dist.sh --check   build, then check that its output and exit status are
#                                        those of target/release/marsad on the example, every
#                                        evaluation article (eval/*/*.txt) and every evaluation
#                                        HTML page (eval/html*/*.html); CI runs this
#
# Needs rustc 1.82 or later (LLVM 19 or later reads the profile). RUSTFLAGS is not
# used for this build: the profile flag is passed in CARGO_ENCODED_RUSTFLAGS.
#
# Why PGO: the pipeline's hot paths are many short rule functions and look-ups;
# with counts from a training run the compiler inlines and lays out code along
# the paths news actually takes. On the benchmark sample it cut the work past
# start-up by about a tenth (docs/ARCHITECTURE.md). The profile is trained on
# other news than the benchmark's (scripts/pgo-train.sh rebuilds it).
#
# A profile trained on older sources still builds a correct binary: the compiler
# ignores the counts of functions whose code changed. It only gets slower, so this
# script warns when the sources differ from those the profile was trained on.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
    "" | --check) ;;
    *) echo "usage: bash scripts/build-dist.sh [--check]" >&2; exit 2 ;;
esac
TARGET="${CARGO_TARGET_DIR:-target}"
llvm=$(rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')
if [ "${llvm:-0}" -lt 19 ]; then
    echo "build-dist: rustc's LLVM is ${llvm:-unknown}; the profile needs LLVM 19 or later (rustc 1.82+)" >&2
    exit 1
fi
mkdir -p "$TARGET/pgo"
PROFILE="$(cd "$TARGET/pgo" && pwd)/marsad.profdata"
# (rewritten only when it changed: cargo rebuilds every crate when the profile's date moves)
gzip -dc data/pgo/marsad.profdata.gz > "$PROFILE.new"
if [ -f "$PROFILE" ] && [ "$(sha256sum < "$PROFILE.new")" = "$(sha256sum < "$PROFILE")" ]; then
    rm "$PROFILE.new"
else
    mv "$PROFILE.new" "$PROFILE"
fi
if [ "$(bash scripts/pgo-sources.sh)" != "$(cat data/pgo/sources.sha256)" ]; then
    echo "build-dist: warning: the sources changed since data/pgo was trained; the binary is correct but may be" \
         "slower: retrain with bash scripts/pgo-train.sh" >&2
fi
CARGO_ENCODED_RUSTFLAGS="-Cprofile-use=$PROFILE" cargo build --profile dist --locked -p marsad-cli
echo "built $TARGET/dist/marsad"

if [ "${1:-}" = --check ]; then
    cargo build --release --locked -p marsad-cli
    for bin in "$TARGET/release/marsad" "$TARGET/dist/marsad"; do
        [ -x "$bin" ] || { echo "build-dist: $bin was not built where expected" >&2; exit 1; }
    done
    # output digest and exit status of one binary on one input
    run() {
        local out s=0
        out=$("$1" analyze --date 2024-01-27 "$2" 2>&1) || s=$?
        printf '%s\nexit %s\n' "$out" "$s" | sha256sum
    }
    status=0
    n=0
    for f in examples/*.txt eval/*/*.txt eval/html*/*.html; do
        case "$f" in eval/html*/*.txt) continue ;; esac  # (the pages' expected texts, not articles)
        n=$((n + 1))
        if [ "$(run "$TARGET/release/marsad" "$f")" != "$(run "$TARGET/dist/marsad" "$f")" ]; then
            echo "build-dist: the dist and release binaries differ on $f" >&2
            status=1
        fi
    done
    if [ "$status" = 0 ]; then
        echo "$TARGET/dist/marsad gives the output and exit status of $TARGET/release/marsad on $n inputs"
    fi
    exit "$status"
fi
