#!/usr/bin/env python3
"""Score marsad's event layer on the UniversalPetrarch Arabic validation set.

    python3 scripts/eval_petrarch.py [--data PATH] [--bin target/release/marsad] [-v]

The set (429 newswire sentences, ../shared/data/events/universalpetrarch-ar/
validation-dev.jsonl) has one gold PLOVER event per sentence (ASSAULT or
PROTEST) with source/target CAMEO-style codes ("IRQ CVL", "None None").
Printed figures:
  type recall      share of sentences where marsad emits an event of the gold type
  any-event rate   share of sentences with any event at all
  source/target country accuracy
                   over gold events whose source (target) country code is not None and
                   where marsad emitted an event of the gold type: share where the
                   system's country code equals the gold one (first event of the type)
  ... also reported with a missing system actor counted as wrong (strict).
  sector accuracy  the same for the sector code, where the gold sector is not None.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_DATA = os.path.join(ROOT, "..", "shared", "data", "events", "universalpetrarch-ar", "validation-dev.jsonl")


def code_parts(code):
    parts = (code or "None None").split()
    country = parts[0] if parts and parts[0] != "None" else None
    sector = parts[1] if len(parts) > 1 and parts[1] != "None" else None
    return country, sector


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "marsad"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    gold = [json.loads(l) for l in open(args.data, encoding="utf-8") if l.strip()]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for g in gold:
            f.write(json.dumps({"id": g["id"], "date": g.get("date") or "2008-01-01", "text": g["text"]}, ensure_ascii=False) + "\n")
        tmp = f.name
    try:
        out = subprocess.run([args.bin, "analyze", "--input", tmp, "--format", "jsonl", "-j", "1"],
                             check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(tmp)
    sys_by_id = {}
    for line in out.splitlines():
        if line.strip():
            d = json.loads(line)
            sys_by_id[d.get("id")] = d.get("events", [])

    n = 0
    any_event = 0
    per_type = collections.Counter()
    per_type_hit = collections.Counter()
    acc = {k: [0, 0, 0] for k in ["source_country", "target_country", "source_sector", "target_sector"]}  # ok, answered, total
    n_sys_events = 0
    for g in gold:
        evs = sys_by_id.get(g["id"], [])
        n_sys_events += len(evs)
        for ge in g["events"]:
            n += 1
            t = ge["plover"]
            per_type[t] += 1
            if evs:
                any_event += 1
            match = next((e for e in evs if e.get("type") == t), None)
            if match:
                per_type_hit[t] += 1
            elif args.verbose:
                print(f"MISS {t}: {g['text'][:160]}  | sys: {[e['type'] for e in evs]}")
            for role, key in [("source", "source_code"), ("target", "target_code")]:
                gc, gs = code_parts(ge.get(key))
                sysa = (match or {}).get(role) or {}
                for what, gv, sv in [("country", gc, sysa.get("country")), ("sector", gs, sysa.get("sector"))]:
                    if gv is None or match is None:
                        continue
                    slot = acc[f"{role}_{what}"]
                    slot[2] += 1
                    if sv is not None:
                        slot[1] += 1
                    if sv == gv:
                        slot[0] += 1
                    elif args.verbose and what == "country":
                        print(f"  {role} {what}: gold {gv} ({ge.get(role + '_text')}) sys {sv} ({sysa.get('text')})")
    print(f"sentences {len(gold)}  gold events {n}  system events {n_sys_events}")
    tot_hit = sum(per_type_hit.values())
    print(f"type recall {tot_hit / n:.3f}  ({tot_hit}/{n})   any-event rate {any_event / n:.3f}")
    for t in sorted(per_type):
        print(f"  {t:8s} recall {per_type_hit[t] / per_type[t]:.3f}  ({per_type_hit[t]}/{per_type[t]})")
    for k, (ok, answered, total) in acc.items():
        if total:
            a = ok / answered if answered else 0.0
            print(f"{k:15s} accuracy {a:.3f} ({ok}/{answered} answered)   strict {ok / total:.3f} ({ok}/{total})")


if __name__ == "__main__":
    main()
