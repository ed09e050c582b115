#!/usr/bin/env bash
# Builds the distributed binary, target/dist/marsad: the `dist` profile of
# Cargo.toml (whole-program LTO, one code unit) optimised with the execution
# profile in data/pgo (profile-guided optimisation, PGO). Same behaviour as
# target/release/marsad, faster; the benchmarks measure this binary.
#
#   bash scripts/build-dist.sh           build (a few minutes: LTO over one code unit)
#   bash scripts/build-dist.sh --check   build, then check that its output is byte-identical
#                                        to target/release/marsad's on every article under
#                                        eval/ and examples/ (CI runs this)
#
# Why PGO: the pipeline's hot paths are many short rule functions and look-ups;
# with counts from a training run the compiler inlines and lays out code along
# the paths news actually takes. On the benchmark sample it cut the work past
# start-up by about a tenth (BENCHMARKS.md). The profile is trained on another
# news source than the benchmark's (scripts/pgo-train.sh rebuilds it).
#
# A profile trained on older sources still builds a correct binary: the compiler
# ignores the counts of functions whose code changed. It only gets slower, so this
# script warns when the sources differ from those the profile was trained on.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET="${CARGO_TARGET_DIR:-target}"
mkdir -p target/pgo
PROFILE="$PWD/target/pgo/marsad.profdata"
# (rewritten only when it changed: cargo rebuilds every crate when the profile's date moves)
gzip -dc data/pgo/marsad.profdata.gz > "$PROFILE.new"
if cmp -s "$PROFILE.new" "$PROFILE"; then rm "$PROFILE.new"; else mv "$PROFILE.new" "$PROFILE"; fi
if [ "$(bash scripts/pgo-sources.sh)" != "$(cat data/pgo/sources.sha256)" ]; then
    echo "build-dist: warning: the sources changed since data/pgo was trained; the binary is correct but may be" \
         "slower: retrain with bash scripts/pgo-train.sh" >&2
fi
RUSTFLAGS="-Cprofile-use=$PROFILE" cargo build --profile dist --locked -p marsad-cli
echo "built $TARGET/dist/marsad"

if [ "${1:-}" = "--check" ]; then
    cargo build --release --locked -p marsad-cli
    status=0
    for f in examples/*.txt eval/*/*.txt; do
        if ! cmp -s <("$TARGET/release/marsad" analyze --date 2024-01-27 "$f") \
                    <("$TARGET/dist/marsad" analyze --date 2024-01-27 "$f"); then
            echo "build-dist: the dist and release binaries differ on $f" >&2
            status=1
        fi
    done
    [ "$status" = 0 ] && echo "$TARGET/dist/marsad gives the output of $TARGET/release/marsad on $(ls examples/*.txt eval/*/*.txt | wc -l) articles"
    exit "$status"
fi
