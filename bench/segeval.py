#!/usr/bin/env python3
"""Segmentation figures for issue 2, on ../shared/data (evaluation data, never copied here).

  bench/segeval.py [BIN] [DATA_DIR] [EVAL_DIR]
Prints: GUM boundary F1 (segscore.py), pragmatic_segmenter and razdel cases right, the share
of WMT21 DOC.para gold line ends found as sentence ends, and boundary F1 on the wmt12-20 news
set (issue 15). Pragmatic cases are compared with white
space ignored, as segscore.py does, and with --clean: the cases assume pragmatic_segmenter's
cleaner (its option clean, true unless a case says clean=false; those are left out). With -v, lists the failures."""
import json, os, subprocess, sys, tempfile

args = [a for a in sys.argv[1:] if a != '-v']
verbose = '-v' in sys.argv
BIN = args[0] if len(args) > 0 else 'bin/talign'
DATA = args[1] if len(args) > 1 else '../shared/data'
EVAL = args[2] if len(args) > 2 else '../shared/eval'
SEG = os.path.join(DATA, 'segmentation')

def segment(text, lang, *opts):
    r = subprocess.run([BIN, 'segment', '--lang', lang, '--keep-boilerplate', *opts, '-'],
                       input=text.encode(), capture_output=True)
    return [l for l in r.stdout.decode().split('\n') if l.strip()]

def norm(s):
    return ' '.join(s.split())

def bare(s):  # white space ignored, as segscore.py does
    return ''.join(s.split())

# GUM
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, 'gum.out')
    with open(out, 'w') as f:
        f.write('\n'.join(segment(open(os.path.join(SEG, 'gum-dev.en.txt')).read(), 'en')) + '\n')
    r = subprocess.run(['python3', os.path.join(EVAL, 'segscore.py'),
                        os.path.join(SEG, 'gum-dev.en.gold'), out], capture_output=True, text=True)
    print('gum-dev.en ' + ' '.join(r.stdout.split()))

# pragmatic_segmenter cases
res = {}
for line in open(os.path.join(SEG, 'pragmatic_segmenter.cases.jsonl')):
    c = json.loads(line)
    if c['lang'] not in ('en', 'ru') or c.get('doc_type') == 'pdf' or c.get('clean') is False:
        continue
    got = [bare(s) for s in segment(c['text'], c['lang'], '--clean')]
    exp = [bare(s) for s in c['expected']]
    ok = got == exp
    res.setdefault(c['lang'], []).append(ok)
    if verbose and not ok:
        print('FAIL', c['lang'], c['name'], '\n  got', got, '\n  exp', exp)
for lang, v in sorted(res.items()):
    print(f'pragmatic_segmenter {lang} {sum(v)}/{len(v)} = {sum(v)/len(v):.3f}')

# razdel cases
ok = tot = 0
for line in open(os.path.join(SEG, 'razdel.ru.cases.txt'), encoding='utf-8'):
    line = line.rstrip('\n')
    if not line.strip():
        continue
    exp = [norm(p) for p in line.split('|') if p.strip()]
    got = [norm(s) for s in segment(line.replace('|', ''), 'ru')]
    tot += 1; ok += got == exp
    if verbose and got != exp:
        print('FAIL razdel\n  got', got, '\n  exp', exp)
print(f'razdel ru {ok}/{tot} = {ok/tot:.3f}')

# WMT21 paragraph texts: gold line ends found as sentence ends, for all documents and for the
# halves of even and odd document id (the number that ends the name: tune on one, read both)
W = os.path.join(DATA, 'wmt21')
for lang in ('en', 'ru'):
    found, total = {'even': 0, 'odd': 0}, {'even': 0, 'odd': 0}
    for f in sorted(os.listdir(W)):
        if not f.endswith('.para.' + lang):
            continue
        doc = f[:-len('.para.' + lang)]
        half = 'even' if int(doc.rsplit('.', 1)[1]) % 2 == 0 else 'odd'
        gold = [norm(l) for l in open(os.path.join(W, doc + '.' + lang)) if l.strip()]
        sents = segment(open(os.path.join(W, f)).read(), lang)
        ends, pos = set(), 0
        for s in sents:
            pos += len(''.join(s.split())); ends.add(pos)
        pos = 0
        for g in gold:
            pos += len(''.join(g.split())); total[half] += 1
            if pos in ends:
                found[half] += 1
            elif verbose:
                print('MISS', lang, f, g[-60:])
    fa, ta = sum(found.values()), sum(total.values())
    print(f'wmt21 DOC.para.{lang} gold line ends found {fa}/{ta} = {fa/ta:.4f}  (' +
          ', '.join(f'{h} {found[h]}/{total[h]} = {found[h]/total[h]:.4f}' for h in ('even', 'odd')) + ')')

# the wmt12-20 news set: the last 8,000 sentences of each side in paragraphs of 2-7
# (mksegset.py), boundary F1 by segscore.py
N = os.path.join(DATA, 'wmt12-20')
with tempfile.TemporaryDirectory() as tmp:
    for lang in ('en', 'ru'):
        sents = os.path.join(tmp, 'news.' + lang)
        with open(sents, 'w', encoding='utf-8') as f:
            f.writelines(open(os.path.join(N, 'news.' + lang), encoding='utf-8').readlines()[-8000:])
        prefix = os.path.join(tmp, 'set.' + lang)
        subprocess.run(['python3', os.path.join(EVAL, 'mksegset.py'), sents, prefix], check=True)
        out = prefix + '.out'
        with open(out, 'w') as f:
            f.write('\n'.join(segment(open(prefix + '.txt').read(), lang)) + '\n')
        r = subprocess.run(['python3', os.path.join(EVAL, 'segscore.py'), prefix + '.gold', out],
                           capture_output=True, text=True)
        print(f'wmt12-20 news set {lang} ' + ' '.join(r.stdout.split()))
