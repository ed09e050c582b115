#!/usr/bin/env bash
# Whole-program and in-process throughput of marsad on ~100 MB of real news.
#
#   bash scripts/bench.sh [ARTICLES]     (default: every article of the ANT corpus, ~97 MB of JSONL)
#
# Builds bench-out/corpus.jsonl from ../shared/data/news/ant-multisource.jsonl.gz
# (31,523 real articles, not a repeated one; their word counts are in the segmentation lexicon), then reports:
#   (a) the text layer alone (normalise + tokenise + sentences; and with clitic
#       segmentation), in-process, one thread and all threads;
#   (b) `marsad analyze --input` end to end (reading JSONL, every annotator,
#       writing JSON Lines), one thread and all threads, with peak memory
#       from /usr/bin/time -v.
# Results: bench-out/results.md and bench-out/*.json.
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES="${1:-0}"
SRC="${MARSAD_BENCH_CORPUS:-../shared/data/news/ant-multisource.jsonl.gz}"
OUT=bench-out
mkdir -p "$OUT"
cargo build --release -p marsad-cli -p marsad --example throughput >/dev/null 2>&1 || cargo build --release -p marsad-cli -p marsad --example throughput

if [ "$ARTICLES" = 0 ]; then
  zcat "$SRC" > "$OUT/corpus.jsonl"
else
  { zcat "$SRC" || true; } | head -n "$ARTICLES" > "$OUT/corpus.jsonl"
fi
python3 - "$OUT/corpus.jsonl" > "$OUT/corpus.stats" <<'PY'
import json, sys
n = b = w = 0
for line in open(sys.argv[1], encoding="utf-8"):
    t = json.loads(line)["text"]
    n += 1; b += len(t.encode()); w += len(t.split())
print(n, b, w)
PY
read -r N BYTES WORDS < "$OUT/corpus.stats"
echo "corpus: $N articles, $BYTES bytes of text, $WORDS words"

NPROC=$(nproc)
for T in 1 "$NPROC"; do
  target/release/examples/throughput "$OUT/corpus.jsonl" --threads "$T" > "$OUT/inprocess-$T.json"
  echo "in-process, $T thread(s): $(cat "$OUT/inprocess-$T.json")"
done

for T in 1 "$NPROC"; do
  /usr/bin/time -v -o "$OUT/time-$T.txt" target/release/marsad analyze --date 2024-01-01 -j "$T" --input "$OUT/corpus.jsonl" > "$OUT/analyze-$T.jsonl"
done

python3 - "$OUT" "$N" "$BYTES" "$WORDS" "$NPROC" <<'PY' | tee "$OUT/results.md"
import json, re, sys
out, n, nbytes, words, nproc = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
def tv(path):
    s = open(path).read()
    wall = s.split("Elapsed (wall clock) time (h:mm:ss or m:ss):")[1].split("\n")[0].strip()
    parts = [float(x) for x in wall.split(":")]
    secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", s).group(1))
    return secs, rss / 1024
print(f"corpus: {n} articles, {nbytes/1e6:.1f} MB of text, {words} words (ANT v2.1, real news; its word counts are in the segmentation lexicon)\n")
print("| measurement | threads | MB/s | words/s | peak memory |")
print("|---|---|---|---|---|")
for t in sorted({1, nproc}):
    r = json.load(open(f"{out}/inprocess-{t}.json"))
    for key, label in [("text_layer", "text layer (normalise+tokenise+sentences), in-process"),
                       ("tokenize_and_segment", "tokenise + clitic segmentation, in-process"),
                       ("all_layers", "all layers, in-process")]:
        x = r[key]
        print(f"| {label} | {t} | {x['mb_per_s']:.1f} | {x['words_per_s']:,.0f} | |")
for t in sorted({1, nproc}):
    secs, rss = tv(f"{out}/time-{t}.txt")
    print(f"| `marsad analyze --input` end to end | {t} | {nbytes/1e6/secs:.1f} | {words/secs:,.0f} | {rss:.0f} MB |")
PY
