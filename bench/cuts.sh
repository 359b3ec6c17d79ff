#!/bin/sh
# Segment integrity of aligned output (issue 15): how often a unit of `talign align` starts or
# ends inside a sentence. Evaluation data stays in ../shared, never copied here.
#  - WMT21 e2e cases (mkcases.py seed 1): per 100 beads, the cuts (bead boundaries inside a gold
#    sentence) that are no plain-ICU sentence end, and all cuts; the share of whole beads; the
#    end-to-end link F1 (score.py e2e); cuts the segmenter made vs. cuts the aligner added. For
#    all documents and for the halves of even and odd document id (the number that ends the
#    name), so a change tuned on one half is checked on the other; then those cuts by cause
#    (bench/cut_causes.py: which segmenter rule kind or aligner step made them).
#  - corpora/samples (no gold): the aligner's cuts, bead boundaries that are no sentence end of
#    `talign segment`, with and without a plain-ICU sentence end there, each listed.
# Usage: bench/cuts.sh [BIN] [SHARED]; KEEP=DIR keeps the cases and outputs in DIR; EXAMPLES=N
# lists N examples of cuts that no ICU sentence end explains, overall and for each cause
# (default 0).
BIN=${1:-bin/talign}; SH=${2:-../shared}
[ -d "$SH/data/wmt21" ] || { echo "cuts: $SH/data/wmt21 not found (give SHARED)"; exit 0; }
if [ -n "$KEEP" ]; then C=$KEEP; rm -rf "$C"; mkdir -p "$C"; else C=$(mktemp -d); trap 'rm -rf "$C"' EXIT; fi
# the binary copied, so a rebuild during the run cannot change it; the lexicon it was built with
cp "$BIN" "$C/talign" || exit 1
TALIGN_LEXICON=${TALIGN_LEXICON:-$(cd "$(dirname "$BIN")/.." && pwd)/lexicon/en-ru.lex}
[ -f "$TALIGN_LEXICON" ] || { echo "cuts: no lexicon $TALIGN_LEXICON (set TALIGN_LEXICON)" >&2; exit 1; }
export TALIGN_LEXICON
T="$C/talign"
cc -O2 -o "$C/icu" bench/icu_baseline.c $(pkg-config --cflags --libs icu-uc icu-i18n) || exit 1
CUTS="python3 $SH/eval/cuts.py"

# Runs align, segment and plain ICU on one pair; outputs OUT/sys/NAME.tsv, OUT/{seg,icu}/NAME.seg.*
# (with JSONL: also the segmenter's sentences with their kinds, for bench/cut_causes.py)
run_pair() { # EN RU NAME OUT [JSONL]
  "$T" align --format tsv "$1" "$2" > "$4/sys/$3.tsv" 2>> "$C/warnings"
  "$T" segment --lang en "$1" > "$4/seg/$3.seg.en" 2>> "$C/warnings"
  "$T" segment --lang ru "$2" > "$4/seg/$3.seg.ru" 2>> "$C/warnings"
  if [ -n "$5" ]; then
    "$T" segment --format jsonl --lang en "$1" > "$4/seg/$3.seg.en.jsonl" 2>> "$C/warnings"
    "$T" segment --format jsonl --lang ru "$2" > "$4/seg/$3.seg.ru.jsonl" 2>> "$C/warnings"
  fi
  "$C/icu" -p en "$1" > "$4/icu/$3.seg.en"
  "$C/icu" -p ru "$2" > "$4/icu/$3.seg.ru"
}

# One summary line from cuts.py's and score.py's output.
summary() { # LABEL CUTS_OUTPUT F1
  awk -v label="$1" -v f1="$3" '
    /^docs /          { docs = $2; unusable = $4; beads = $6 }
    /^cuts [0-9]/     { cuts = $2 }
    /^whole beads/    { split($3, w, "/"); whole = w[1] / (w[2] ? w[2] : 1) }
    /^cuts from segm/ { seg = $4; al = $12 }
    /^cuts at sentence ends/ { sub(/.*, not: /, ""); notat = $1 + 0;
                        match($0, /aligner cuts: at [0-9]+ not [0-9]+/);
                        split(substr($0, RSTART, RLENGTH), a, " "); alnot = a[6] }
    END { b = beads ? beads : 1
          printf "%-5s docs %3d (unusable %d) beads %5d  not-at-ICU-end %.2f  all cuts %.2f  whole %.4f  e2e F1 %s  | cuts by segmenter %d, aligner %d (not at ICU end %d)\n",
                 label, docs, unusable, beads, 100 * notat / b, 100 * cuts / b, whole, f1, seg, al, alnot }' "$2"
}

echo "== WMT21 e2e (per 100 beads; ICU = plain ICU sentence ends; halves by document id)"
python3 "$SH/eval/mkcases.py" "$SH/data/wmt21" "$C/cases" 1 > /dev/null
W="$C/wmt"; mkdir -p "$W/sys" "$W/seg" "$W/icu" "$W/all" "$W/even" "$W/odd"
for f in "$C"/cases/e2e/*.para.en; do d=${f%.para.en}; n=$(basename "$d")
  run_pair "$d.para.en" "$d.para.ru" "$n" "$W" jsonl
  id=${n##*.}; case $id in *[!0-9]*|'') id=$(printf '%s' "$n" | cksum | cut -d' ' -f1);; esac
  half=odd; [ $((id % 2)) -eq 0 ] && half=even
  for h in all $half; do ln -s "$d.en" "$W/$h/$n.en"; ln -s "$d.ru" "$W/$h/$n.ru"; done
done
for h in all even odd; do
  $CUTS "$W/$h" "$W/sys" "$W/seg" "$W/icu" -n "${EXAMPLES:-0}" > "$W/$h.cuts"
  f1=$(python3 "$SH/eval/score.py" e2e "$W/$h" "$W/sys" | awk '/^F1/ { print $2 }')
  summary "$h" "$W/$h.cuts" "$f1"
done
echo "-- cuts not at a plain-ICU sentence end by cause (all documents; per 100 beads)"
EVAL="$SH/eval" python3 bench/cut_causes.py "$W/all" "$W/sys" "$W/seg" "$W/icu" -n "${EXAMPLES:-0}"
if [ "${EXAMPLES:-0}" != 0 ]; then
  echo "-- examples spread over all cuts not at a plain-ICU sentence end"
  $CUTS "$W/all" "$W/sys" "$W/seg" "$W/icu" -n -1 | grep ' ref0:-' |
    awk -v n="${EXAMPLES}" '{ a[NR] = $0 } END { for (i = 1; i <= n && NR; i++) print a[int((i - 1) * NR / n) + 1] }'
fi

echo "== corpora/samples: the aligner's cuts (bead boundaries that are no 'talign segment' sentence end)"
S="$C/samples"; mkdir -p "$S/sys" "$S/seg" "$S/icu"
for en in corpora/samples/*.en.txt; do ru=${en%.en.txt}.ru.txt; n=$(basename "${en%.en.txt}")
  [ -f "$ru" ] || continue
  run_pair "$en" "$ru" "$n" "$S"
  mkdir "$S/$n"; cp "$S/seg/$n.seg.en" "$S/$n/$n.en"; cp "$S/seg/$n.seg.ru" "$S/$n/$n.ru"
  $CUTS "$S/$n" "$S/sys" "$S/seg" "$S/icu" -n -1 > "$S/$n.cuts"
  all=$(awk '/^cuts [0-9]/ { print $2 }' "$S/$n.cuts")
  notat=$(sed -n 's/^cuts at sentence ends.*, not: \([0-9]*\).*/\1/p' "$S/$n.cuts")
  echo "$n: $(wc -l < "$S/sys/$n.tsv") beads, aligner cuts $all, not at an ICU sentence end ${notat:-0}"
  grep '^  ' "$S/$n.cuts" || true
done
