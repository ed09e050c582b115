#!/usr/bin/env bash
# Rebuilds data/pgo/marsad.profdata.gz, the execution profile that
# scripts/build-dist.sh builds the distributed binary with, and
# data/pgo/sources.sha256, the digest of the sources it was trained on.
#
#   bash scripts/pgo-train.sh
#
# Needs llvm-profdata that reads the raw profiles of rustc's LLVM (LLVM 19's,
# Debian package llvm-19, read those of rustc 1.95 / LLVM 22; or set
# LLVM_PROFDATA) and ../shared/data/news/ant-multisource.jsonl.gz (or set
# MARSAD_PGO_NEWS to another JSON Lines corpus, never the benchmarks' JawharaFM).
# Takes about eight minutes: an instrumented build, the training run, then
# scripts/build-dist.sh --check with the new profile.
#
# The training run (train_run below) is what the counts come from. Its bulk is
# 2,000 articles of the ANT multi-source corpus (every tenth record): other
# outlets than the benchmark sample's (ANT JawharaFM), so that the benchmarks
# never measure the text the profile was trained on. Every other command runs
# too (file, HTML and standard input, every output format, the text layer,
# the archive), because code a training run never reaches is laid out as cold.
# The HTML pages are the evaluation ones (eval/html*), not the benchmarks'
# (benchmarks/data/html), whose template the HTML speed task uses.
set -euo pipefail
cd "$(dirname "$0")/.."
NEWS="${MARSAD_PGO_NEWS:-../shared/data/news/ant-multisource.jsonl.gz}"
# the newest llvm-profdata first
PROFDATA="${LLVM_PROFDATA:-$(for v in 24 23 22 21 20 19; do command -v "llvm-profdata-$v" && break; done || true)}"
PROFDATA="${PROFDATA:-$(command -v llvm-profdata || true)}"
[ -n "$PROFDATA" ] || { echo "pgo-train: llvm-profdata not found (apt-get install llvm-19, or set LLVM_PROFDATA)" >&2; exit 1; }
[ -f "$NEWS" ] || { echo "pgo-train: $NEWS not found" >&2; exit 1; }

WORK="$PWD/target/pgo/train"
RAW="$WORK/raw"
rm -rf "$WORK"
mkdir -p "$RAW"
# the digest of the sources as they are built now
SOURCES=$(bash scripts/pgo-sources.sh)
# the instrumented build has its own target directory: other flags, other artefacts
CARGO_ENCODED_RUSTFLAGS="-Cprofile-generate=$RAW" CARGO_TARGET_DIR=target/pgo/instrumented \
    cargo build --profile dist --locked -p marsad-cli
BIN=target/pgo/instrumented/dist/marsad

train_run() {
    # (head stops the pipe early: the writers' broken pipe is expected)
    (set +o pipefail; gzip -dc "$NEWS" | awk 'NR % 10 == 0' | head -n 2000 > "$WORK/news.jsonl")
    "$BIN" analyze -j 1 --input "$WORK/news.jsonl" > /dev/null
    "$BIN" analyze -j 2 --input "$WORK/news.jsonl" --format events-csv > /dev/null
    "$BIN" analyze --date 2024-01-27 examples/*.txt eval/*/*.txt > /dev/null
    for format in text events-csv plover; do
        "$BIN" analyze --format "$format" --date 2024-01-27 examples/seed.txt eval/events/*.txt > /dev/null
    done
    "$BIN" analyze --tokens eval/html/*.html eval/html_blind/*.html > /dev/null
    "$BIN" analyze - < examples/seed.txt > /dev/null
    for option in "" --normalize --segment --sentences; do
        # (an empty option is no option)
        "$BIN" tokenize ${option:+"$option"} examples/seed.txt > /dev/null
    done
    head -n 300 "$WORK/news.jsonl" > "$WORK/archive.jsonl"
    "$BIN" ingest -q --db "$WORK/archive.db" "$WORK/archive.jsonl" eval/events > /dev/null
    "$BIN" search --db "$WORK/archive.db" "الرئيس" > /dev/null
    "$BIN" search --db "$WORK/archive.db" --type ASSAULT --json "هجوم" > /dev/null
    "$BIN" quotes --db "$WORK/archive.db" --json > /dev/null
    for format in csv jsonl plover; do
        "$BIN" events --db "$WORK/archive.db" --format "$format" > /dev/null
    done
    "$BIN" actors --db "$WORK/archive.db" > /dev/null
    "$BIN" stats --db "$WORK/archive.db" > /dev/null
}
train_run

mkdir -p data/pgo
"$PROFDATA" merge --sparse -o "$WORK/marsad.profdata" "$RAW"
gzip -9 -n -c "$WORK/marsad.profdata" > data/pgo/marsad.profdata.gz
echo "$SOURCES" > data/pgo/sources.sha256
echo "wrote data/pgo/marsad.profdata.gz ($(du -h data/pgo/marsad.profdata.gz | cut -f1)) and data/pgo/sources.sha256"
bash scripts/build-dist.sh --check
