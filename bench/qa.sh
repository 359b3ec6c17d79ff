#!/bin/sh
# Translation QA figures for `talign check`, on errors planted into WMT21 (evaluation data stays
# in SHARED_DIR, never copied here):
#  1. bench/qa_plant.py plants omissions, additions, clause omissions, numbers, typos (en, ru),
#     names, glossary terms and moved sentences into every WMT21 document (seed $SEED) and keeps
#     the untouched pair for the false-alarm count;
#  2. runs `$BIN check --presegmented --format json --glossary DOC.glossary.tsv` on every planted
#     and every clean pair ($CHECK_OPTS are added, e.g. CHECK_OPTS='--checks -spelling');
#  3. bench/qa_eval.py prints recall per check and false alarms beside the targets, for the
#     documents of even and odd index and for all (tune on one half, confirm on the other);
#  4. times `check` (spelling on) on a 40-sentence article pair: wall time with start-up, median
#     of 5 runs, beside `align --presegmented` on the same pair measured in the same run.
# Usage: bench/qa.sh [SHARED_DIR]     (default ../shared; env BIN=bin/talign SEED=1 KEEP=DIR
#        keeps the planted set and the findings in DIR; LEXICON=FILE, default the build tree's
#        lexicon/en-ru.lex, is given to check with --lexicon, so that a BIN copied elsewhere
#        still has it: without it the figures are those of another tool)
set -u
SH=${1:-../shared}; BIN=${BIN:-bin/talign}; SEED=${SEED:-1}; CHECK_OPTS=${CHECK_OPTS:-}
B=$(cd "$(dirname "$0")" && pwd)
LEXICON=${LEXICON:-$B/../lexicon/en-ru.lex}
[ -s "$LEXICON" ] || { echo "qa.sh: no lexicon at $LEXICON (run make, or set LEXICON=FILE)" >&2; exit 2; }
if [ -n "${KEEP:-}" ]; then T=$KEEP; mkdir -p "$T"; else T=$(mktemp -d); trap 'rm -rf "$T"' EXIT; fi
[ -d "$SH/data/wmt21" ] || { echo "qa.sh: no $SH/data/wmt21" >&2; exit 2; }
"$BIN" help check >/dev/null 2>&1 || "$BIN" check --help >/dev/null 2>&1 || { echo "qa.sh: '$BIN check' does not exist yet" >&2; exit 2; }

python3 "$B/qa_plant.py" "$SH/data/wmt21" "$T/set" --seed "$SEED" 2> "$T/plant.log" ||
  { cat "$T/plant.log" >&2; exit 1; }
mkdir -p "$T/res"
fails=0 warned=0
run_check() { # GLOSSARY EN RU OUT
  # shellcheck disable=SC2086
  "$BIN" check --presegmented --format json --lexicon "$LEXICON" --glossary "$1" $CHECK_OPTS \
    "$2" "$3" > "$4" 2> "$4.err"
  rc=$?
  if [ $rc -ne 0 ] && [ ! -s "$4" ]; then
    fails=$((fails + 1))
    [ $fails -le 3 ] && echo "qa.sh: $BIN check exited $rc on $2: $(head -c 300 "$4.err")" >&2
  elif grep -q "warning:" "$4.err"; then # warnings (not the findings' summary line) are shown
    warned=$((warned + 1))
    [ $warned -le 3 ] && echo "qa.sh: $BIN check on $2: $(grep -m1 "warning:" "$4.err")" >&2
  fi
  rm -f "$4.err"
}
for t in "$T"/set/*.truth.jsonl; do
  d=${t%.truth.jsonl}; b=$(basename "$d")
  run_check "$d.glossary.tsv" "$d.en" "$d.ru" "$T/res/$b.json"
  run_check "$d.glossary.tsv" "$d.clean.en" "$d.clean.ru" "$T/res/$b.clean.json"
done
[ $fails -eq 0 ] || echo "qa.sh: $fails runs of check failed with no output (counted as no findings)"
[ $warned -eq 0 ] || echo "qa.sh: $warned runs of check printed warnings (first ones above)"
echo "== talign check on planted WMT21 errors (seed $SEED${CHECK_OPTS:+, $CHECK_OPTS}; lexicon $LEXICON)"
cat "$T/plant.log"
python3 "$B/qa_eval.py" "$T/set" "$T/res" --json "$T/figures.json"

# a 40-sentence article pair: the longest clean document, filled up from the next longest
echo
echo "== speed: one 40-sentence article pair, wall time with start-up, median of 5 runs"
python3 - "$T/set" "$T/t40" <<'EOF'
import os, sys
d = sys.argv[1]
docs = sorted((f[:-len(".clean.en")] for f in os.listdir(d) if f.endswith(".clean.en")),
              key=lambda b: (-sum(1 for _ in open(os.path.join(d, b + ".clean.en"))), b))
en, ru, glossary = [], [], os.path.join(d, docs[0] + ".glossary.tsv")
for b in docs:
    en += open(os.path.join(d, b + ".clean.en"), encoding="utf-8").read().splitlines()
    ru += open(os.path.join(d, b + ".clean.ru"), encoding="utf-8").read().splitlines()
    if len(en) >= 40:
        break
for ext, lines in (("en", en[:40]), ("ru", ru[:40])):
    with open(sys.argv[2] + "." + ext, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
with open(sys.argv[2] + ".glossary", "w", encoding="utf-8") as f:
    f.write(open(glossary, encoding="utf-8").read())
EOF
python3 - "$BIN" "$T/t40" "$CHECK_OPTS" "$LEXICON" <<'EOF'
import shlex, statistics, subprocess, sys, time
bin_, t, opts, lex = sys.argv[1], sys.argv[2], shlex.split(sys.argv[3]), sys.argv[4]
def median_time(cmd):
    times = []
    for _ in range(5):
        s = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - s)
    return statistics.median(times)
check = median_time([bin_, "check", "--presegmented", "--format", "json", "--lexicon", lex,
                     "--glossary", t + ".glossary"] + opts + [t + ".en", t + ".ru"])
align = median_time([bin_, "align", "--presegmented", "--lexicon", lex, t + ".en", t + ".ru"])
print(f"  check (all checks, spelling on): {check * 1000:.0f} ms")
print(f"  align --presegmented (baseline):  {align * 1000:.0f} ms   check/align = {check / align:.2f}")
EOF
