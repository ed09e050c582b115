#!/usr/bin/env python3
"""Bag-of-words P/R/F1 of extracted text vs NAME.txt for the blind HTML pages.
Usage: python3 score.py [--tool marsad|trafilatura|both] ; trafilatura needs benchmarks/.venv python."""
import sys, os, re, json, subprocess, unicodedata
from collections import Counter
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))

def tokens(s):
    out = []
    for w in s.split():
        w = ''.join(ch for ch in w if not unicodedata.category(ch).startswith('P') and not unicodedata.category(ch).startswith('S'))
        if w: out.append(w)
    return out

def prf(pred, gold):
    p, g = Counter(tokens(pred)), Counter(tokens(gold))
    ov = sum((p & g).values())
    return ov, sum(p.values()), sum(g.values())

def marsad(path):
    r = subprocess.run([os.path.join(ROOT, 'target/release/marsad'), 'analyze', path], capture_output=True, text=True, cwd=ROOT)
    return json.loads(r.stdout).get('text') or ''

def trafi(path):
    py = os.path.join(ROOT, 'benchmarks/.venv/bin/python')
    code = "import sys,trafilatura;print(trafilatura.extract(open(sys.argv[1],encoding='utf-8').read(),include_comments=False,include_tables=True) or '')"
    r = subprocess.run([py, '-c', code, path], capture_output=True, text=True)
    if r.returncode: raise RuntimeError(r.stderr[-300:])
    return r.stdout

def fmt(ov, np_, ng):
    P = ov/np_ if np_ else 0.0; R = ov/ng if ng else 0.0
    F = 2*P*R/(P+R) if P+R else 0.0
    return P, R, F

def main():
    tool = sys.argv[sys.argv.index('--tool')+1] if '--tool' in sys.argv else 'both'
    tools = {'marsad': marsad, 'trafilatura': trafi}
    names = sorted(f[:-5] for f in os.listdir(HERE) if f.endswith('.html'))
    for t, fn in tools.items():
        if tool not in (t, 'both'): continue
        tot = [0, 0, 0]
        print(f'== {t}')
        for n in names:
            gold = open(os.path.join(HERE, n+'.txt'), encoding='utf-8').read()
            try: pred = fn(os.path.join(HERE, n+'.html'))
            except Exception as e: print(f'{n:22s} ERROR {e}'); continue
            ov, np_, ng = prf(pred, gold)
            tot = [a+b for a, b in zip(tot, (ov, np_, ng))]
            print('%-22s P=%.3f R=%.3f F1=%.3f' % ((n,)+fmt(ov, np_, ng)))
        print('%-22s P=%.3f R=%.3f F1=%.3f' % (('MICRO',)+fmt(*tot)))

if __name__ == '__main__': main()
