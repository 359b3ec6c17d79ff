#!/usr/bin/env python3
"""qa_eval.py — scores `talign check` findings against the errors bench/qa_plant.py planted.

Usage: qa_eval.py OUT_DIR RESULTS_DIR [--json FILE] [--examples N]

OUT_DIR is qa_plant.py's output (DOC.truth.jsonl, DOC.en/.ru, DOC.clean.en/.ru).
RESULTS_DIR holds, per document, the findings of
    talign check --presegmented --format json --glossary OUT_DIR/DOC.glossary.tsv DOC.en DOC.ru
as RESULTS_DIR/DOC.json, and those on the untouched pair (DOC.clean.en/.ru, same glossary) as
RESULTS_DIR/DOC.clean.json: one JSON object a line (a JSON array is accepted too) with keys
    check     omission, addition, moved, number, name, term, spelling, ...
    severity  info | warning | error
    en, ru    sentence ids (0-based line numbers with --presegmented)
    message;  spelling also lang ("en"/"ru") and word.
A missing file counts as no findings (and is reported).

A planted error is found when a finding of the right check touches the planted line:
    omission         check omission, en ids hold the English line left alone
    addition         check addition, ru ids hold the Russian line left alone
    clause omission  check omission (any severity) on that bead (en or ru id)
    number/name/term check of that name, ru ids hold the edited line
    spelling en/ru   check spelling, same lang, word = the typo, the side's ids hold the line
    moved            check moved touching the English line or the moved Russian line;
                     "both ends": moved findings touch both; "omission/addition errors left":
                     error-severity omission/addition findings still on the moved sentences
Recall counts any severity; "as error" is the share found by an error-severity finding.
False alarms: every finding on a clean pair, per 100 sentence pairs, by severity and by check;
and on the planted pairs, error-severity findings that touch no planted line, per 100
untouched English lines. Every figure is given for the documents of even and odd index
(sorted names) and for all: tune on one half, check on the other.
"""
import argparse
import collections
import json
import os
import sys

TARGETS = {"omission": 0.95, "addition": 0.95, "clause omission": 0.8, "number": 0.95,
           "spelling en": 0.95, "spelling ru": 0.95, "name": 0.95, "term": 0.95,
           "moved": 0.9}
ROWS = list(TARGETS)
FA_TARGET = 1.0          # error-severity findings per 100 untouched sentence pairs
SEVERITIES = ["error", "warning", "info"]
HALVES = ["even", "odd", "all"]


def read_findings(path, missing):
    if not os.path.exists(path):
        missing.append(os.path.basename(path))
        return []
    with open(path, encoding="utf-8") as f:
        text = f.read().strip()
    if not text:
        return []
    if text.startswith("["):
        items = json.loads(text)
    else:
        items = [json.loads(l) for l in text.splitlines() if l.strip()]
    out = []
    for it in items:
        out.append({"check": it.get("check", ""), "severity": it.get("severity", "info"),
                    "en": set(it.get("en") or []), "ru": set(it.get("ru") or []),
                    "lang": it.get("lang"), "word": it.get("word"),
                    "message": it.get("message", "")})
    return out


def count_lines(path):
    with open(path, encoding="utf-8") as f:
        return sum(1 for _ in f)


def norm_word(w):
    return (w or "").strip(".,;:!?\"'«»()[]—–-").lower()


def row_of(t):
    k = t["kind"]
    if k == "clause_omission":
        return "clause omission"
    if k == "spelling":
        return "spelling " + t["lang"]
    return k


def touches(f, t):
    """Does finding f report planted error t?"""
    k, c = t["kind"], f["check"]
    en, ru = set(t["en"]), set(t["ru"])
    if k == "omission":
        return c == "omission" and bool(en & f["en"])
    if k == "addition":
        return c == "addition" and bool(ru & f["ru"])
    if k == "clause_omission":
        return c == "omission" and bool(en & f["en"] or ru & f["ru"])
    if k in ("number", "name", "term"):
        return c == k and bool(ru & f["ru"])
    if k == "spelling":
        side = f["en"] if t["lang"] == "en" else f["ru"]
        return (c == "spelling" and f["lang"] in (None, t["lang"])
                and norm_word(f["word"]) == norm_word(t["word"])
                and bool((en if t["lang"] == "en" else ru) & side))
    if k == "moved":
        return c == "moved" and bool(en & f["en"] or ru & f["ru"])
    return False


class Tally:
    def __init__(self):
        self.n = collections.Counter()        # planted errors per row
        self.found = collections.Counter()
        self.found_err = collections.Counter()
        self.moved_both = 0
        self.moved_left = 0                   # moved errors with omission/addition errors left
        self.clean_pairs = 0
        self.clean = collections.Counter()    # (check, severity) -> findings on clean pairs
        self.untouched = 0                    # untouched English lines in planted documents
        self.planted_fa = collections.Counter()  # severity -> findings on untouched lines
        self.docs = 0


def score_doc(out_dir, res_dir, name, tl, missing, examples):
    truth = []
    with open(os.path.join(out_dir, name + ".truth.jsonl"), encoding="utf-8") as f:
        truth = [json.loads(l) for l in f if l.strip()]
    fs = read_findings(os.path.join(res_dir, name + ".json"), missing)
    tl.docs += 1
    for t in truth:
        row = row_of(t)
        hits = [f for f in fs if touches(f, t)]
        tl.n[row] += 1
        if hits:
            tl.found[row] += 1
            if any(f["severity"] == "error" for f in hits):
                tl.found_err[row] += 1
        elif len(examples[row]) < 3:
            examples[row].append(f"{name}: {json.dumps(t, ensure_ascii=False)[:300]}")
        if t["kind"] == "moved":
            en, ru = set(t["en"]), set(t["ru"])
            if (any(f["check"] == "moved" and en & f["en"] for f in fs)
                    and any(f["check"] == "moved" and ru & f["ru"] for f in fs)):
                tl.moved_both += 1
            if any(f["check"] in ("omission", "addition") and f["severity"] == "error"
                   and (en & f["en"] or ru & f["ru"]) for f in fs):
                tl.moved_left += 1
    p_en = set().union(*[set(t["en"]) for t in truth]) if truth else set()
    p_ru = set().union(*[set(t["ru"]) for t in truth]) if truth else set()
    tl.untouched += count_lines(os.path.join(out_dir, name + ".en")) - len(p_en)
    for f in fs:
        if not (f["en"] & p_en or f["ru"] & p_ru):
            tl.planted_fa[f["severity"]] += 1
            if f["severity"] == "error" and len(examples["fa planted"]) < 5:
                examples["fa planted"].append(f"{name}: {f['check']} en {sorted(f['en'])} "
                                              f"ru {sorted(f['ru'])}: {f['message'][:120]}")
    cf = read_findings(os.path.join(res_dir, name + ".clean.json"), missing)
    tl.clean_pairs += count_lines(os.path.join(out_dir, name + ".clean.en"))
    for f in cf:
        tl.clean[(f["check"], f["severity"])] += 1
        if f["severity"] == "error" and len(examples["fa clean"]) < 5:
            examples["fa clean"].append(f"{name}: {f['check']} en {sorted(f['en'])} "
                                        f"ru {sorted(f['ru'])}: {f['message'][:120]}")


def per100(k, n):
    return 100.0 * k / n if n else 0.0


def figures(tl):
    fig = {"docs": tl.docs, "recall": {}, "as_error": {}, "planted": {}}
    for r in ROWS:
        fig["planted"][r] = tl.n[r]
        fig["recall"][r] = tl.found[r] / tl.n[r] if tl.n[r] else None
        fig["as_error"][r] = tl.found_err[r] / tl.n[r] if tl.n[r] else None
    fig["moved_both_ends"] = tl.moved_both / tl.n["moved"] if tl.n["moved"] else None
    fig["moved_omission_left"] = tl.moved_left
    fig["clean_pairs"] = tl.clean_pairs
    fig["clean_per100"] = {s: per100(sum(v for (c, sv), v in tl.clean.items() if sv == s),
                                     tl.clean_pairs) for s in SEVERITIES}
    fig["clean_by_check"] = {}
    for c in sorted({c for c, _ in tl.clean}):
        fig["clean_by_check"][c] = {s: per100(tl.clean[(c, s)], tl.clean_pairs)
                                    for s in SEVERITIES}
    fig["untouched_lines"] = tl.untouched
    fig["planted_fa_per100"] = {s: per100(tl.planted_fa[s], tl.untouched) for s in SEVERITIES}
    return fig


def fmt(x, digits=2):
    return "  -  " if x is None else f"{x:.{digits}f}"


def status(ok):
    return "ok" if ok else "BELOW TARGET"


def report(figs, missing, examples):
    a = figs["all"]
    print(f"documents: {figs['even']['docs']} even + {figs['odd']['docs']} odd; "
          f"clean sentence pairs {a['clean_pairs']}, untouched lines in planted docs "
          f"{a['untouched_lines']}")
    if missing:
        print(f"WARNING: {len(missing)} findings files missing (counted as no findings), "
              f"e.g. {', '.join(missing[:3])}")
    print("\nrecall (any severity)      n  " + "".join(f"{h:>7}" for h in HALVES)
          + "  as error  target  status")
    for r in ROWS:
        rec = [figs[h]["recall"][r] for h in HALVES]
        ok = rec[2] is not None and rec[2] >= TARGETS[r]
        print(f"  {r:<20} {a['planted'][r]:>6}  " + "".join(f"{fmt(x):>7}" for x in rec)
              + f"  {fmt(a['as_error'][r]):>8}  >={TARGETS[r]:.2f}  {status(ok)}")
    both = [figs[h]["moved_both_ends"] for h in HALVES]
    print(f"  {'moved, both ends':<20} {'':>6}  " + "".join(f"{fmt(x):>7}" for x in both))
    left = [figs[h]["moved_omission_left"] for h in HALVES]
    print(f"  {'moved, om./add. error left':<27}" + "".join(f"{x:>7}" for x in left)
          + f"  {'':>8}  {'0':>6}  {status(left[2] == 0)}")
    print("\nfalse alarms on clean pairs, per 100 sentence pairs (error / warning / info)")
    print(f"  {'':<20}" + "".join(f"{h:>22}" for h in HALVES))
    fa = lambda f: "/".join(f"{f[s]:.2f}" for s in SEVERITIES)
    print(f"  {'all checks':<20}" + "".join(f"{fa(figs[h]['clean_per100']):>22}" for h in HALVES)
          + f"   target error <= {FA_TARGET:.2f}: "
          + status(a["clean_per100"]["error"] <= FA_TARGET))
    zero = {s: 0.0 for s in SEVERITIES}
    for c in a["clean_by_check"]:
        print(f"  {c:<20}" + "".join(f"{fa(figs[h]['clean_by_check'].get(c, zero)):>22}"
                                     for h in HALVES))
    print("\nfalse alarms on untouched lines of planted docs, per 100 lines (error / warning / info)")
    print(f"  {'all checks':<20}" + "".join(f"{fa(figs[h]['planted_fa_per100']):>22}"
                                            for h in HALVES)
          + f"   target error <= {FA_TARGET:.2f}: "
          + status(a["planted_fa_per100"]["error"] <= FA_TARGET))
    shown = [(k, v) for k, v in examples.items() if v]
    if shown:
        print("\nexamples (missed errors, error-severity false alarms):")
        for k, v in shown:
            for e in v:
                print(f"  [{k}] {e}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("res_dir")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--examples", type=int, default=1, help="print examples (0: none)")
    a = ap.parse_args()
    names = sorted(f[:-len(".truth.jsonl")] for f in os.listdir(a.out_dir)
                   if f.endswith(".truth.jsonl"))
    if not names:
        sys.exit(f"qa_eval: no *.truth.jsonl in {a.out_dir}")
    tallies = {h: Tally() for h in HALVES}
    missing = []
    examples = collections.defaultdict(list)
    for k, name in enumerate(names):
        for h in (HALVES[k % 2], "all"):
            score_doc(a.out_dir, a.res_dir, name, tallies[h], missing if h == "all" else [],
                      examples if h == "all" else collections.defaultdict(list))
    figs = {h: figures(tallies[h]) for h in HALVES}
    report(figs, missing, examples if a.examples else {})
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"figures": figs, "targets": TARGETS, "fa_target": FA_TARGET,
                       "missing": missing}, f, indent=1)


if __name__ == "__main__":
    main()
