#!/bin/sh
# Speed and memory figures of issue 14, each with its ratio to a baseline build measured in the
# same run (this machine's speed varies 2x and other jobs share its cores: wall and CPU times
# are best of N; callgrind instruction counts, with CALLGRIND=1, are the stable figure).
#  1. one `talign align` of one article pair, start-up included: CPU ms (best of N) for a pair
#     whose headline rules ask no dictionary and for one that asks ru_RU (its word-form file,
#     lexicon/forms.ru_RU, and libhunspell for comparison); mean CPU ms over all 172 WMT21 pairs
#  2. pairs in one long-lived process (build/pairrate): pairs/s and CPU ms/pair on one core, the
#     rate of two such processes side by side (2 cores), peak RSS at 1,000 and 10,000 pairs
#  3. the 20k-line document (mkcases.py seed 5 over the first 20,000 lines of wmt12-20): time,
#     peak RSS, strict F1
# Usage: bench/speed.sh [BASE_TREE] [SHARED]   BASE_TREE: a built checkout (bin/talign,
#   build/libtalign.a, lexicon/en-ru.lex), e.g. git clone -q . /tmp/base && make -C /tmp/base
# Environment: N (repeats, default 5), PAIRS (default 10000), CALLGRIND=1 (instruction counts).
BASE=${1:-}; SH=${2:-../shared}; N=${N:-5}; PAIRS=${PAIRS:-10000}
[ -d "$SH/data/wmt21" ] || { echo "speed: $SH/data not found (give SHARED)"; exit 0; }
make -s build/pairrate || exit 1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
LIBS="$(pkg-config --libs icu-uc icu-i18n hunspell libxml-2.0) -lstemmer -lz -lm -lpthread"
TREES=". $BASE"
if [ -n "$BASE" ]; then
  cc -O2 -std=c11 -D_DEFAULT_SOURCE -I"$BASE/include" bench/pairrate.c "$BASE/build/libtalign.a" \
     $LIBS -o "$T/pairrate.base" || exit 1
fi
W=$SH/data/wmt21
EASY=$W/newstest2021_en-ru.abcnews.420117   # asks no dictionary (like 55 of the 172 pairs)
HARD=$W/newstest2021_en-ru.abcnews.420102   # asks ru_RU of a headline's word (like 107)

# best CPU ms of N runs of "$@" (perf's task-clock; /usr/bin/time's 10 ms steps without perf)
best_cpu() {
  b=""
  for i in $(seq "$N"); do
    if perf stat -x, -e task-clock -o "$T/time" "$@" > /dev/null 2>&1; then
      c=$(grep task-clock "$T/time" | cut -d, -f1)
    else
      /usr/bin/time -o "$T/time" -f '%U %S' "$@" > /dev/null 2>&1
      c=$(tail -1 "$T/time" | awk '{printf "%.0f", ($1 + $2) * 1000}')
    fi
    if [ -z "$b" ] || awk -v a="$c" -v b="$b" 'BEGIN { exit !(a < b) }'; then b=$c; fi
  done
  echo "$b"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
show() { # name value base unit
  if [ -n "$3" ]; then echo "$1: $2 $4 (baseline $3 $4, ratio $(ratio "$2" "$3"))"
  else echo "$1: $2 $4"; fi
}
tree_bin() { echo "$1/bin/talign"; }
tree_lex() { echo "$1/lexicon/en-ru.lex"; }

echo "== one talign align, start-up included (CPU ms, best of $N)"
for p in EASY HARD; do
  eval f=\$$p
  cur=$(best_cpu bin/talign align --lexicon lexicon/en-ru.lex --format tsv "$f.para.en" "$f.para.ru")
  bas=""; [ -n "$BASE" ] && bas=$(best_cpu "$BASE/bin/talign" align --lexicon "$BASE/lexicon/en-ru.lex" --format tsv "$f.para.en" "$f.para.ru")
  show "$(basename "$f")" "$cur" "$bas" ms
done
# the same pair with libhunspell (no word-form files beside the default lexicon)
hun=$(TALIGN_LEXICON=$T/none/en-ru.lex best_cpu bin/talign align --lexicon lexicon/en-ru.lex --format tsv "$HARD.para.en" "$HARD.para.ru")
show "$(basename "$HARD") with libhunspell instead of lexicon/forms.ru_RU" "$hun" "" ms
mean_all() { # mean CPU ms per process over every pair
  /usr/bin/time -f '%U %S' sh -c 'for f in "$1"/*.para.en; do d=${f%.para.en}
      "$2" align --lexicon "$3" --format tsv "$d.para.en" "$d.para.ru" > /dev/null 2>&1; done' \
      sh "$W" "$1" "$2" 2>&1 | tail -1 | awk -v n="$(ls "$W"/*.para.en | wc -l)" '{printf "%.1f", ($1 + $2) * 1000 / n}'
}
cur=$(mean_all bin/talign lexicon/en-ru.lex)
bas=""; [ -n "$BASE" ] && bas=$(mean_all "$BASE/bin/talign" "$BASE/lexicon/en-ru.lex")
show "mean over the $(ls "$W"/*.para.en | wc -l) WMT21 pairs, one process each" "$cur" "$bas" "ms CPU"

echo "== pairs in one process (build/pairrate, $PAIRS pairs)"
build/pairrate "$W" lexicon/en-ru.lex "$PAIRS" > "$T/cur" || echo "pairrate: FAILED (a pair differed between passes)"
[ -n "$BASE" ] && "$T/pairrate.base" "$W" "$BASE/lexicon/en-ru.lex" "$PAIRS" > "$T/base"
cms=$(sed -n 's/.* pairs\/s, \([0-9.]*\) ms CPU\/pair/\1/p' "$T/cur")
bms=""; [ -n "$BASE" ] && bms=$(sed -n 's/.* pairs\/s, \([0-9.]*\) ms CPU\/pair/\1/p' "$T/base")
show "CPU per pair, one thread" "$cms" "$bms" ms
crate=$(awk -v m="$cms" 'BEGIN { printf "%.0f", 1000 / m }')
brate=""; [ -n "$bms" ] && brate=$(awk -v m="$bms" 'BEGIN { printf "%.0f", 1000 / m }')
show "pairs/s per core (1000 / CPU ms)" "$crate" "$brate" "pairs/s"
grep -h "peak RSS" "$T/cur" | sed 's/^/this tree: /'
[ -n "$BASE" ] && grep -h "peak RSS" "$T/base" | sed 's/^/baseline:  /'
grep -h "output hash" "$T/cur" | sed 's/^/this tree: /'
[ -n "$BASE" ] && grep -h "output hash" "$T/base" | sed 's/^/baseline:  /'
# two processes side by side: the rate two workers get from the 2 cores
two=$( (build/pairrate "$W" lexicon/en-ru.lex 2000 > "$T/a" & build/pairrate "$W" lexicon/en-ru.lex 2000 > "$T/b"; wait) ;
       cat "$T/a" "$T/b" | sed -n 's/.*: \([0-9]*\) pairs\/s.*/\1/p' | awk '{s += $1} END {print s}')
echo "two processes side by side (2,000 pairs each): $two pairs/s together (wall; other jobs share the cores)"

echo "== the 20k-line document (mkcases.py seed 5)"
mkdir -p "$T/big/src" "$T/big/sys"
head -n 20000 "$SH/data/wmt12-20/news.en" > "$T/big/src/doc.en"
head -n 20000 "$SH/data/wmt12-20/news.ru" > "$T/big/src/doc.ru"
python3 "$SH/eval/mkcases.py" "$T/big/src" "$T/big/cases" 5
big() { # best wall s and its peak RSS of N runs; then strict F1
  bw=""; bm=""
  for i in $(seq "$N"); do
    r=$( { /usr/bin/time -f '%e %M' "$1" align --lexicon "$2" --presegmented --format ladder \
           "$T/big/cases/noisy/doc.en" "$T/big/cases/noisy/doc.ru" > "$T/big/sys/doc.ladder"; } 2>&1 | tail -1)
    w=${r% *}; m=${r#* }
    if [ -z "$bw" ] || awk -v a="$w" -v b="$bw" 'BEGIN { exit !(a < b) }'; then bw=$w; fi
    if [ -z "$bm" ] || [ "$m" -lt "$bm" ]; then bm=$m; fi
  done
  f=$(python3 "$SH/eval/score.py" ladder "$T/big/cases/noisy" "$T/big/sys" | tail -1)
  echo "$bw $bm $f"
}
set -- $(big bin/talign lexicon/en-ru.lex); cw=$1 cm=$2; shift 2; cf="$*"
cp "$T/big/sys/doc.ladder" "$T/cur.ladder"
bw=""; bm=""; bf=""
if [ -n "$BASE" ]; then
  set -- $(big "$BASE/bin/talign" "$BASE/lexicon/en-ru.lex"); bw=$1 bm=$2; shift 2; bf="$*"
  cmp -s "$T/big/sys/doc.ladder" "$T/cur.ladder" && echo "ladder byte-identical to the baseline's" ||
    echo "ladder DIFFERS from the baseline's"
fi
show "time (best of $N)" "$cw" "$bw" s
show "peak RSS (least of $N)" "$((cm / 1024))" "${bm:+$((bm / 1024))}" MB
echo "strict: $cf${bf:+ (baseline: $bf)}"

if [ "${CALLGRIND:-0}" = 1 ] && command -v valgrind > /dev/null; then
  echo "== instructions (callgrind)"
  # the tunable set beforehand: talign re-executes /proc/self/exe (valgrind's tool under
  # valgrind) to set it itself for inputs of 1 MB and more
  ir() { GLIBC_TUNABLES=glibc.malloc.hugetlb=1 \
         valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 > /dev/null |
         sed -n 's/.*refs: *//p' | tr -d ,; }
  for t in $TREES; do
    b=$(tree_bin "$t"); l=$(tree_lex "$t"); pr=build/pairrate; [ "$t" = . ] || pr=$T/pairrate.base
    s=$(ir "$b" align --lexicon "$l" --format tsv "$EASY.para.en" "$EASY.para.ru")
    h=$(ir "$b" align --lexicon "$l" --format tsv "$HARD.para.en" "$HARD.para.ru")
    r=$(ir "$pr" "$W" "$l" 344)
    g=$(ir "$b" align --lexicon "$l" --presegmented --format ladder "$T/big/cases/noisy/doc.en" "$T/big/cases/noisy/doc.ru")
    echo "$t: one pair $s (with hunspell: $h); pairrate 344 pairs $r; 20k-line document $g"
  done
fi
