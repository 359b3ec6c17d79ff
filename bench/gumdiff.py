#!/usr/bin/env python3
"""Lists boundary errors of a segmentation: gumdiff.py GOLD SYS (FN = missed, FP = extra)."""
import sys
def ends(path):
    s, p, txt = set(), 0, ''
    for x in open(path):
        x = ''.join(x.split())
        if x:
            p += len(x); s.add(p); txt += x
    return s, txt
g, t = ends(sys.argv[1]); s, _ = ends(sys.argv[2])
for kind, S in (('FN', g - s), ('FP', s - g)):
    for p in sorted(S):
        print(kind, t[max(0, p - 50):p] + ' || ' + t[p:p + 30])
