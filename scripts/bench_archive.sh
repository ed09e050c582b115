#!/usr/bin/env bash
# Archive benchmark: ingest throughput, peak memory and search latency.
#
#   scripts/bench_archive.sh [ARTICLES] [QUERIES] [WORKDIR]
#
# Builds a corpus of ARTICLES articles (default 100000) from the ANT corpus in
# ../shared/data/news (31k articles, repeated with changed ids: the copies are
# analysed and stored in full, and linked as near-duplicates), ingests it into
# a fresh archive with all annotators on under /usr/bin/time -v, then runs
# QUERIES (default 1000) varied queries (words, word pairs, phrases, OR, words
# with a clitic) and prints p50/p99 latency. Figures go to WORKDIR/results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
Q=${2:-1000}
WORK=${3:-target/bench-archive}
NEWS=${MARSAD_NEWS:-../shared/data/news}
mkdir -p "$WORK"
cargo build --release -p marsad-cli >&2
BIN=target/release/marsad

python3 - "$NEWS" "$N" "$Q" "$WORK" <<'PY'
import gzip, json, os, random, sys
news, n, q, work = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
files = sorted(os.path.join(news, f) for f in os.listdir(news) if f.endswith(".jsonl.gz"))
base = []
for f in files:
    with gzip.open(f, "rt", encoding="utf-8") as fh:
        for line in fh:
            try:
                r = json.loads(line)
            except ValueError:
                continue
            if isinstance(r.get("text"), str) and r["text"].strip():
                base.append(r)
written = 0
with open(os.path.join(work, "corpus.jsonl"), "w", encoding="utf-8") as out:
    rep = 0
    while written < n:
        for r in base:
            if written >= n:
                break
            r2 = dict(r)
            r2["id"] = f"{r.get('id', written)}#r{rep}"
            out.write(json.dumps(r2, ensure_ascii=False) + "\n")
            written += 1
        rep += 1
# Varied queries from titles and texts.
rng = random.Random(7)
words = []
for r in base[:20000]:
    for w in (r.get("title") or "").split():
        w = w.strip("\"'«»:.,،؛!?()[]#")
        if len(w) >= 3 and not w.isascii():
            words.append(w)
qs = []
while len(qs) < q:
    k = rng.random()
    if k < 0.4:
        qs.append(rng.choice(words))
    elif k < 0.7:
        qs.append(rng.choice(words) + " " + rng.choice(words))
    elif k < 0.8:
        r = rng.choice(base)
        t = (r.get("title") or "").split()
        if len(t) >= 2:
            i = rng.randrange(len(t) - 1)
            qs.append('"' + " ".join(t[i:i + 2]).replace('"', "") + '"')
    elif k < 0.9:
        qs.append(rng.choice(words) + " OR " + rng.choice(words))
    else:
        qs.append("و" + rng.choice(words).removeprefix("ال"))
with open(os.path.join(work, "queries.txt"), "w", encoding="utf-8") as out:
    out.write("\n".join(qs) + "\n")
print(f"corpus: {written} articles ({len(base)} distinct), {os.path.getsize(os.path.join(work, 'corpus.jsonl'))/1e6:.1f} MB; {len(qs)} queries", file=sys.stderr)
PY

rm -rf "$WORK/bench.db" "$WORK/bench.db-wal" "$WORK/bench.db-shm" "$WORK/bench.db.index"
/usr/bin/time -v "$BIN" ingest -q --db "$WORK/bench.db" "$WORK/corpus.jsonl" 2> "$WORK/ingest.log" || true
SUMMARY=$(grep '^ingested ' "$WORK/ingest.log" || true)
RSS=$(awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}' "$WORK/ingest.log")
WALL=$(awk '/Elapsed \(wall clock\)/ {print $NF}' "$WORK/ingest.log")
DBSIZE=$(du -sh "$WORK/bench.db" | cut -f1)
IDXSIZE=$(du -sh "$WORK/bench.db.index" | cut -f1)
SEARCH=$("$BIN" search --db "$WORK/bench.db" --limit 10 --bench-queries "$WORK/queries.txt")
{
  echo "date: $(date -u +%FT%TZ)  cores: $(nproc)  articles: $N  queries: $Q"
  echo "ingest: $SUMMARY"
  echo "ingest wall clock: $WALL  peak RSS: $((RSS / 1024)) MB  db: $DBSIZE  index: $IDXSIZE"
  echo "search (limit 10, snippets): $SEARCH"
} | tee "$WORK/results.txt"
