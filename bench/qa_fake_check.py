#!/usr/bin/env python3
"""qa_fake_check.py — a stand-in for `talign check`, used ONLY by bench/qa_selftest.sh to test
bench/qa_eval.py. It reads qa_plant.py's truth and writes RESULTS_DIR/DOC.json and
DOC.clean.json in the format qa_eval.py reads (one JSON object a line).

Usage: qa_fake_check.py OUT_DIR RESULTS_DIR MODE
  perfect  one finding per planted error (right check, ids, lang, word); nothing on clean pairs
  empty    no findings at all
  alarms   perfect, plus one error-severity `number` finding on line 0 of every clean pair
           and on the first untouched line of every planted pair (when there is one), and a
           misspelled-word finding with the wrong word for every planted typo
"""
import json
import os
import sys

CHECK = {"omission": "omission", "addition": "addition", "clause_omission": "omission",
         "number": "number", "spelling": "spelling", "name": "name", "term": "term",
         "moved": "moved"}


def finding(check, en, ru, severity="error", lang=None, word=None):
    f = {"check": check, "severity": severity, "en": en, "ru": ru, "message": "fake"}
    if lang:
        f["lang"], f["word"] = lang, word
    return f


def main():
    out_dir, res_dir, mode = sys.argv[1:4]
    os.makedirs(res_dir, exist_ok=True)
    for tf in sorted(os.listdir(out_dir)):
        if not tf.endswith(".truth.jsonl"):
            continue
        name = tf[:-len(".truth.jsonl")]
        with open(os.path.join(out_dir, tf), encoding="utf-8") as f:
            truth = [json.loads(l) for l in f if l.strip()]
        found, clean = [], []
        if mode in ("perfect", "alarms"):
            for t in truth:
                lang = t["lang"] if t["kind"] == "spelling" else None
                found.append(finding(CHECK[t["kind"]], t["en"], t["ru"], "warning", lang,
                                     t["word"] if lang else None))
                if mode == "alarms" and lang:
                    found.append(finding("spelling", t["en"], t["ru"], "info", lang, "zzz"))
        if mode == "alarms":
            clean.append(finding("number", [0], [0]))
            with open(os.path.join(out_dir, name + ".en"), encoding="utf-8") as f:
                n = sum(1 for _ in f)
            p_en = {i for t in truth for i in t["en"]}
            p_ru = {i for t in truth for i in t["ru"]}
            free = [i for i in range(n) if i not in p_en and i not in p_ru]
            if free:
                found.append(finding("number", [free[0]], [free[0]]))
        for suffix, items in ((".json", found), (".clean.json", clean)):
            with open(os.path.join(res_dir, name + suffix), "w", encoding="utf-8") as f:
                for it in items:
                    f.write(json.dumps(it, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
