#!/bin/sh
# Segmentation speed on Russian news (wmt12-20 news.ru joined into paragraphs, repeated to
# ~30 MB): talign segment vs. plain ICU sentence breaks over the same text, in the same run.
# Each is timed ROUNDS times (default 5), alternating, and the best time of each is kept:
# this machine's timings vary by up to two times between identical runs.
# BIN (default bin/talign) is the binary timed: copy it to /tmp first so a rebuild cannot
# disturb a run.
SH=${1:-../shared}
BIN=${BIN:-bin/talign}
ROUNDS=${ROUNDS:-5}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
for i in 1 2 3 4 5; do paste -d' ' - - - - - < "$SH/data/wmt12-20/news.ru"; done > "$T/ru.txt"
cc -O2 -o "$T/icu" bench/icu_baseline.c $(pkg-config --cflags --libs icu-uc icu-i18n) || exit 1
size=$(stat -c %s "$T/ru.txt")
for r in $(seq "$ROUNDS"); do
    t0=$(date +%s.%N); "$BIN" segment --lang ru "$T/ru.txt" > /dev/null; t1=$(date +%s.%N)
    "$T/icu" "$T/ru.txt" > /dev/null; t2=$(date +%s.%N)
    echo "$t0 $t1 $t2"
done > "$T/times"
python3 -c "
s=$size/1e6
rows=[list(map(float,l.split())) for l in open('$T/times')]
a=min(r[1]-r[0] for r in rows); b=min(r[2]-r[1] for r in rows)
print(f'{s:.1f} MB Russian, best of {len(rows)}: talign {s/a:.1f} MB/s, plain ICU {s/b:.1f} MB/s, ratio {b/a:.2f}')"
