#!/bin/sh
# Alignment figures for issue 4 on ../shared/eval cases (evaluation data is never copied here):
# strict bead F1 on `noisy` and end-to-end link F1 on the raw paragraphs, for the full model,
# --no-lexicon and --no-realign.  Usage: bench/aligneval.sh [BIN] [SHARED]
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
done
