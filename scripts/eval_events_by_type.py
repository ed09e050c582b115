#!/usr/bin/env python3
"""Per-type event scores on gold articles, with the project scorer's matching rules.

    python3 scripts/eval_events_by_type.py DIR [DIR...] [--bin target/release/marsad]

For each PLOVER type, the gold and system events of that type alone are scored
with ../shared/eval/score.py's `score_article` (same source/target resolution,
optional events neither rewarded nor penalised), and P/R/F1 are printed.
"""
import argparse
import importlib.util
import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCORER = os.path.join(ROOT, "..", "shared", "eval", "score.py")


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "marsad"))
    args = ap.parse_args()
    sc = load_scorer()
    totals = {}
    for d in args.dirs:
        for f in sorted(os.listdir(d)):
            if not f.endswith(".gold.json"):
                continue
            gold = json.load(open(os.path.join(d, f), encoding="utf-8"))
            path = os.path.join(d, f[: -len(".gold.json")] + ".txt")
            text = open(path, encoding="utf-8").read()
            out = json.loads(subprocess.run([args.bin, "analyze", "--date", gold["date"], path],
                                            check=True, capture_output=True).stdout)
            types = {e["type"] for e in gold.get("events", [])} | {e.get("type") for e in out.get("events", [])}
            for t in sorted(x for x in types if x):
                g = dict(gold, events=[e for e in gold.get("events", []) if e["type"] == t])
                o = dict(out, events=[e for e in out.get("events", []) if e.get("type") == t])
                c = sc.score_article(text, g, o, lambda s: None)
                tt = totals.setdefault(t, [0, 0, 0])
                tt[0] += c["ev_tp"]
                tt[1] += c["ev_sys"]
                tt[2] += c["ev_gold"]
    print(f"{'type':10s} {'P':>6s} {'R':>6s} {'F1':>6s}   tp/sys/gold")
    all_ = [0, 0, 0]
    for t in sorted(totals):
        tp, ns, ng = totals[t]
        p, r, f1 = sc.prf(tp, ns, ng)
        all_ = [a + b for a, b in zip(all_, totals[t])]
        print(f"{t:10s} {p:6.3f} {r:6.3f} {f1:6.3f}   {tp}/{ns}/{ng}")
    p, r, f1 = sc.prf(*all_)
    print(f"{'all':10s} {p:6.3f} {r:6.3f} {f1:6.3f}   {all_[0]}/{all_[1]}/{all_[2]}")


if __name__ == "__main__":
    main()
