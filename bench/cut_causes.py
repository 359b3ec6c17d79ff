#!/usr/bin/env python3
"""Where the cuts come from (bench/cuts.sh): every unit boundary of aligned output that lies inside
a gold sentence and is no plain-ICU sentence end, counted by cause, with examples.

  cut_causes.py GOLD_DIR SYS_DIR SEG_DIR ICU_DIR [-n N]

GOLD_DIR/DOC.{en,ru}: gold sentences; SYS_DIR/DOC.tsv: talign align --format tsv;
SEG_DIR/DOC.seg.{en,ru}.jsonl: talign segment --format jsonl of the same input;
ICU_DIR/DOC.seg.{en,ru}: plain ICU sentences. Text is compared with white space removed, as
cuts.py does (its helpers are imported from the evaluation scripts next to it: set EVAL).
Causes: a segmenter sentence end (by the kinds either side: a headline split off in the first
paragraph, a subheading or headline found later, or by the character before it: "; ", ":",
". ! ?", a closing quote or bracket, none) or a boundary the aligner added (the glued-headline
repair, which only touches a document's first sentence and the body glued to its headline, or
split-by-translation). N examples of each (default 3).
"""
import collections
import json
import os
import sys

sys.path.insert(0, os.environ.get('EVAL', os.path.join(os.path.dirname(__file__), '../../shared/eval')))
from cuts import squash, cum, context  # noqa: E402


def segments(path):
    out = [json.loads(l) for l in open(path, encoding='utf-8') if l.strip()]
    return [s for s in out if squash(s['text'])]


def first_region(sents):
    """The squashed [start, end) of the glued-headline repair's region (pairseg.c prepare)."""
    pos = 0
    for i, s in enumerate(sents):
        n = len(squash(s['text']))
        if s['kind'] in ('body', 'headline'):
            end = pos + n
            nxt = sents[i + 1] if i + 1 < len(sents) else None
            if s['kind'] == 'headline' and nxt and nxt['paragraph'] == s['paragraph'] and nxt['kind'] == 'body':
                end += len(squash(nxt['text']))
            return pos, end
        pos += n
    return 0, 0


def seg_cause(sents, i, before):
    k0 = sents[i]['kind']
    k1 = sents[i + 1]['kind'] if i + 1 < len(sents) else '-'
    if 'headline' in (k0, k1):
        return 'segmenter: headline split off in the first paragraph' if sents[i]['paragraph'] == 0 \
            else 'segmenter: subheading or headline past the first paragraph'
    if before == ';':
        return 'segmenter: after "; "'
    if before == ':':
        return 'segmenter: after ":"'
    if before in '.!?':
        return 'segmenter: after . ! ? (abbreviation, initial, quote)'
    if before in '"\u00bb\u201d\')':
        return 'segmenter: after a closing quote or bracket'
    return 'segmenter: no punctuation'


def main():
    args = sys.argv[1:]
    nex = 3
    if '-n' in args:
        i = args.index('-n'); nex = int(args[i + 1]); del args[i:i + 2]
    gold, sysd, segd, icud = args
    tot = collections.Counter()
    ex = collections.defaultdict(list)
    beads = 0
    for f in sorted(os.listdir(gold)):
        if not f.endswith('.en') or f.endswith('.para.en') or not os.path.exists(f'{sysd}/{f[:-3]}.tsv'):
            continue
        d = f[:-3]
        rows = [l.rstrip('\n').split('\t') for l in open(f'{sysd}/{d}.tsv', encoding='utf-8')]
        rows = [r for r in rows if len(r) >= 2]
        beads += len(rows)
        for col, L in enumerate(('en', 'ru')):
            raw = open(f'{gold}/{d}.{L}', encoding='utf-8').read().split('\n')
            g = [squash(l) for l in raw]
            gb, gt = set(cum(g)) | {0}, ''.join(g)
            icu = set(cum([squash(l) for l in open(f'{icud}/{d}.seg.{L}', encoding='utf-8') if l.strip()]))
            sents = segments(f'{segd}/{d}.seg.{L}.jsonl')
            ends = {e: i for i, e in enumerate(cum([squash(s['text']) for s in sents]))}
            ra, rz = first_region(sents)
            bounds = set(cum([squash(r[col].replace('~~~', '')) for r in rows]))
            for b in sorted(bounds):
                if not 0 < b < len(gt) or b in gb or b in icu:
                    continue
                if b in ends:
                    cause = seg_cause(sents, ends[b], gt[b - 1])
                elif ra < b < rz:
                    cause = 'aligner: glued-headline repair'
                else:
                    cause = 'aligner: split-by-translation'
                tot[cause] += 1
                ex[cause].append(f'{d} {L}  {context(raw, b, 25)}')
    n = sum(tot.values())
    print(f'cuts not at a plain-ICU sentence end: {n} in {beads} beads ({100 * n / (beads or 1):.2f} per 100)')
    for cause, k in tot.most_common():
        print(f'{k:4d}  {100 * k / (beads or 1):.2f}  {cause}')
        step = max(1, len(ex[cause]) // nex) if nex > 0 else 1
        for e in ex[cause][::step][:nex]:
            print(f'          {e}')


if __name__ == '__main__':
    main()
