#!/bin/sh
# Alignment figures for issue 4 (evaluation data stays in ../shared, never copied here):
#  - strict bead F1 on the WMT21 `noisy` cases and end-to-end link F1 on the raw paragraphs, for
#    the full model, --no-lexicon and --no-realign;
#  - the calibration table of the bead scores;
#  - time, peak memory and strict F1 on 1k, 5k, 20k, 100k and 231k lines of wmt12-20 (repeated
#    to length) put through mkcases.py (seed 5), one document each; the last is about
#    208,000 x 202,000 sentences (issue 5's memory ceiling: under 1 GB).
# Usage: bench/aligneval.sh [BIN] [SHARED]
BIN=${1:-bin/talign}; SH=${2:-../shared}
C=$(mktemp -d); trap 'rm -rf "$C"' EXIT
python3 "$SH/eval/mkcases.py" "$SH/data/wmt21" "$C/cases" 1
for mode in "" "--no-lexicon" "--no-realign"; do
  mkdir -p "$C/sys" "$C/e2e"; rm -f "$C/sys/"* "$C/e2e/"*
  for g in "$C"/cases/noisy/*.gold; do b=${g%.gold}
    $BIN align $mode --presegmented --format ladder "$b.en" "$b.ru" > "$C/sys/$(basename "$b").ladder"
  done
  for f in "$C"/cases/e2e/*.para.en; do d=${f%.para.en}
    $BIN align $mode --format tsv "$d.para.en" "$d.para.ru" > "$C/e2e/$(basename "$d").tsv"
  done
  echo "== align ${mode:-(full model)}"
  echo "noisy strict: $(python3 "$SH/eval/score.py" ladder "$C/cases/noisy" "$C/sys" | tr '\n' ' ')"
  echo "e2e links:    $(python3 "$SH/eval/score.py" e2e "$C/cases/e2e" "$C/e2e" | tr '\n' ' ')"
  if [ -z "$mode" ]; then
    echo "== calibration of the bead scores (noisy cases, full model)"
    python3 bench/calibration.py "$C/cases/noisy" "$C/sys"
  fi
done
echo "== long single documents (wmt12-20 through mkcases.py seed 5)"
for i in 1 2 3 4 5 6 7 8 9; do cat "$SH/data/wmt12-20/news.en"; done > "$C/all.en"
for i in 1 2 3 4 5 6 7 8 9; do cat "$SH/data/wmt12-20/news.ru"; done > "$C/all.ru"
for n in 1000 5000 20000 100000 231000; do
  mkdir -p "$C/big$n/src" "$C/big$n/sys"
  head -n $n "$C/all.en" > "$C/big$n/src/doc.en"; head -n $n "$C/all.ru" > "$C/big$n/src/doc.ru"
  python3 "$SH/eval/mkcases.py" "$C/big$n/src" "$C/big$n/cases" 5
  ne=$(wc -l < "$C/big$n/cases/noisy/doc.en"); nr=$(wc -l < "$C/big$n/cases/noisy/doc.ru")
  t=$( { /usr/bin/time -f '%e s, peak RSS %M KB' $BIN align --presegmented --format ladder \
         "$C/big$n/cases/noisy/doc.en" "$C/big$n/cases/noisy/doc.ru" > "$C/big$n/sys/doc.ladder"; } 2>&1 | tail -1)
  f=$(python3 "$SH/eval/score.py" ladder "$C/big$n/cases/noisy" "$C/big$n/sys" | tail -1)
  echo "$n lines ($ne x $nr sentences): $t, strict $f"
done
