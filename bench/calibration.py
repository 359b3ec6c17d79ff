#!/usr/bin/env python3
"""Calibration of talign's bead scores: calibration.py GOLD_DIR SYS_DIR
For every DOC.gold ladder with a DOC.ladder beside it in SYS_DIR (i<TAB>j<TAB>score rungs), sorts
the system's beads into score bins and prints, per bin, how many beads and the share that are
right (the bead is in the gold ladder). A calibrated score of 0.9 is right 90 % of the time."""
import os, sys

def beads(path, with_score):
    rungs = []
    for l in open(path, encoding='utf-8'):
        p = l.split()
        if len(p) >= 2:
            rungs.append((int(p[0]), int(p[1]), float(p[2]) if len(p) > 2 else 1.0))
    out = {}
    for (i0, j0, s), (i1, j1, _) in zip(rungs, rungs[1:]):
        out[(i0, j0, i1, j1)] = s
    return out

gold_dir, sys_dir = sys.argv[1], sys.argv[2]
bins = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.01]
stats = [[0, 0] for _ in bins]
for f in sorted(os.listdir(gold_dir)):
    if not f.endswith('.gold'):
        continue
    sp = os.path.join(sys_dir, f[:-5] + '.ladder')
    if not os.path.exists(sp):
        continue
    g = beads(os.path.join(gold_dir, f), False)
    for b, s in beads(sp, True).items():
        k = max(x for x in range(len(bins) - 1) if bins[x] <= s)
        stats[k][0] += 1
        stats[k][1] += b in g
print('score bin      beads  right')
for k in range(len(bins) - 1):
    n, r = stats[k]
    if n:
        print(f'[{bins[k]:.2f}, {min(bins[k + 1], 1):.2f}{")" if bins[k + 1] <= 1 else "]"}  {n:6d}  {r / n:.3f}')
n = sum(stats[k][0] for k in range(len(bins) - 1) if bins[k] >= 0.9)
r = sum(stats[k][1] for k in range(len(bins) - 1) if bins[k] >= 0.9)
print(f'score >= 0.9: {n} beads, {r / n if n else 0:.3f} right')
