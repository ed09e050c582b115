#!/usr/bin/env python3
"""Compare marsad builds end to end by wall time, in interleaved fresh processes.

    python3 benchmarks/ab.py [--rounds N] [--twice] BINARY [BINARY ...]

Each round runs every binary, in turn (the order turning round by round), on the benchmark sample and on its one-article sample
(`analyze -j 1 --input`, one core with `taskset -c 0`, output to /dev/null). For each binary
it prints the minimum and first quartile of (full - one article): the time past start-up.
With --twice it also runs the sample twice over in one process, and prints the second
pass (doubled - full): the time once every word type of the sample has been seen.

Why interleaved: on the project's machines the same command's time drifts by up to 30 %
over minutes (BENCHMARKS.md, Caveats), so builds timed one after the other compare the
machine's moods, not the builds. Needs the sample of `bash benchmarks/run.sh`
(benchmarks/work/sample.jsonl and tiny_sample.jsonl).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "benchmarks", "work")


def run(binary, path):
    t = time.perf_counter()
    subprocess.run(["taskset", "-c", "0", binary, "analyze", "-j", "1", "--input", path],
                   stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=12)
    ap.add_argument("--twice", action="store_true", help="also time a second pass over the sample")
    ap.add_argument("binaries", nargs="+")
    a = ap.parse_args()
    full, tiny = os.path.join(WORK, "sample.jsonl"), os.path.join(WORK, "tiny_sample.jsonl")
    for p in (full, tiny):
        if not os.path.exists(p):
            sys.exit("missing %s: run `bash benchmarks/run.sh` once first" % p)
    with open(full, encoding="utf-8") as f:
        text = f.read()
        articles = text.count("\n")
    words = sum(len(json.loads(l).get("text", "").split()) for l in text.splitlines() if l.strip())
    files = {"full": full, "tiny": tiny}
    doubled = None
    if a.twice:
        doubled = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
        doubled.write(text + text)
        doubled.close()
        files["double"] = doubled.name
    times = {b: {k: [] for k in files} for b in a.binaries}
    try:
        for r in range(a.rounds):
            # the order turns round by round, so that no build always runs first
            first = r % len(a.binaries)
            for b in a.binaries[first:] + a.binaries[:first]:
                for k, p in files.items():
                    times[b][k].append(run(b, p))
    finally:
        if doubled:
            os.unlink(doubled.name)
    print("%d articles, %d words; %d rounds" % (articles, words, a.rounds))
    for b in a.binaries:
        t = {k: sorted(v) for k, v in times[b].items()}
        q1 = lambda v: v[len(v) // 4]
        net_min, net_q1 = t["full"][0] - t["tiny"][0], q1(t["full"]) - q1(t["tiny"])
        line = "%s: past start-up %.3f s (min; %.0f k words/s), %.3f s (first quartile; %.0f k words/s); start-up %.3f s" % (
            b, net_min, words / net_min / 1e3, net_q1, words / net_q1 / 1e3, t["tiny"][0])
        if a.twice:
            line += "; second pass %.3f s (min)" % (t["double"][0] - t["full"][0])
        print(line)


if __name__ == "__main__":
    main()
