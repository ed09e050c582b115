#!/usr/bin/env python3
"""Dev-set quality gates: score `marsad analyze` on every gold set and fail
when a layer falls below its floor in eval/thresholds.json.

  python3 scripts/quality.py [--bin target/release/marsad]

The gold sets are ../shared/eval/dev (the worked example) and each folder
under eval/ holding NAME.txt + NAME.gold.json pairs. Floors are regression
guards set a little under the measured figures, per set and per metric.
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "marsad"))
    ap.add_argument("--scorer", default=os.path.join(ROOT, "..", "shared", "eval", "score.py"))
    a = ap.parse_args()
    if not os.path.exists(a.scorer):
        print(f"quality: scorer {a.scorer} not found; dev-set gates skipped")
        return 0
    floors = json.load(open(os.path.join(ROOT, "eval", "thresholds.json"), encoding="utf-8"))
    failures = 0
    passed = 0
    for name, metrics in floors.items():
        gold_dir = os.path.normpath(os.path.join(ROOT, name))
        cmd = f"{a.bin} analyze --date {{date}} {{path}}"
        p = subprocess.run([sys.executable, a.scorer, gold_dir, "--cmd", cmd, "--json"], capture_output=True, text=True)
        if p.returncode != 0:
            print(f"quality: scoring {name} failed:\n{p.stderr}")
            failures += 1
            continue
        got = json.loads(p.stdout.strip().splitlines()[-1])
        if got.get("failed_articles"):
            print(f"quality: {name}: {got['failed_articles']} article(s) gave no usable output")
            failures += 1
        for metric, floor in metrics.items():
            value = got.get(metric, 0.0)
            ok = value >= floor
            print(f"quality: {name:28s} {metric:18s} {value:.3f} (floor {floor:.3f}) {'ok' if ok else 'FAILED'}")
            if ok:
                passed += 1
            else:
                failures += 1
    print(f"quality: {passed} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
