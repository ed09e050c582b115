#!/usr/bin/env python3
"""Per-structure recall of the quote layer.

Each gold quote in eval/quotes/*.gold.json carries a "structure" tag (ignored by
score.py). A gold quote is found when a system quote matches it the way
../shared/eval/score.py matches quotes (content token-F1 >= 0.5 and a speaker
resolving to an acceptable actor); we also report whether the kind agrees.

usage: python3 eval/quotes/per_structure.py [GOLD_DIR...] --cmd 'target/release/marsad analyze --date {date} {path}'
"""
import argparse, json, os, shlex, subprocess, sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "shared", "eval"))
import score  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="*", default=[HERE])
    ap.add_argument("--cmd", default="target/release/marsad analyze --date {date} {path}")
    a = ap.parse_args()
    found = defaultdict(int)
    total = defaultdict(int)
    kind_ok = defaultdict(int)
    misses = []
    for d in a.dirs:
        for f in sorted(os.listdir(d)):
            if not f.endswith(".gold.json"):
                continue
            n = f[: -len(".gold.json")]
            gold = json.load(open(os.path.join(d, f), encoding="utf-8"))
            path = os.path.join(d, n + ".txt")
            text = open(path, encoding="utf-8").read()
            p = subprocess.run(a.cmd.format(date=gold["date"], path=shlex.quote(path)), shell=True, capture_output=True)
            out = json.loads(p.stdout.decode("utf-8") or "{}")
            mentions = score.gold_mentions(text, gold)
            sys_ents = [e for e in out.get("entities", []) if isinstance(e.get("start"), int)]
            res = score.Resolver(text, gold, mentions, sys_ents)
            sys_q = [q for q in out.get("quotes", []) if isinstance(q.get("content"), dict)]
            used = set()
            for g in gold.get("quotes", []):
                st = g.get("structure", "untagged")
                total[st] += 1
                best, best_f = None, 0.0
                for idx, q in enumerate(sys_q):
                    if idx in used:
                        continue
                    piece = text[q["content"]["start"]:q["content"]["end"]]
                    f1 = score.token_f1(piece, g["content"])
                    if f1 >= 0.5 and f1 > best_f and res.resolve(q.get("speaker")) & set(g["speaker"]):
                        best, best_f = idx, f1
                if best is None:
                    misses.append(f"{n}: [{st}] {g['content'][:50]!r}")
                    continue
                used.add(best)
                found[st] += 1
                if sys_q[best].get("kind") == g.get("kind"):
                    kind_ok[st] += 1
    print(f"{'structure':28s} {'found':>5s} {'gold':>5s} {'recall':>7s} {'kind ok':>8s}")
    for st in sorted(total):
        print(f"{st:28s} {found[st]:5d} {total[st]:5d} {found[st] / total[st]:7.2f} {kind_ok[st]:8d}")
    tf, tt, tk = sum(found.values()), sum(total.values()), sum(kind_ok.values())
    print(f"{'ALL':28s} {tf:5d} {tt:5d} {tf / max(tt, 1):7.2f} {tk:8d}")
    for m in misses:
        print("  miss", m)


if __name__ == "__main__":
    main()
