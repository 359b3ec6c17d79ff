#!/usr/bin/env python3
"""Fits the Gale–Church length parameters on line-aligned files: fit_length.py EN RU.
Prints c (target characters per source character) and s2 (variance per source character,
1 % outliers trimmed), the two values of lexicon/params.en-ru."""
import sys
en = [len(l.rstrip('\n')) for l in open(sys.argv[1], encoding='utf-8')]
ru = [len(l.rstrip('\n')) for l in open(sys.argv[2], encoding='utf-8')]
pairs = [(a, b) for a, b in zip(en, ru) if a and b]
c = sum(b for _, b in pairs) / sum(a for a, _ in pairs)
d = sorted((b - c * a) ** 2 / a for a, b in pairs)[:int(len(pairs) * 0.99)]
print(f'c {c:.4f}\ns2 {sum(d) / len(d):.3f}')
