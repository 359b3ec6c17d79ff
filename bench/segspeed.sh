#!/bin/sh
# Segmentation speed on Russian news (wmt12-20 news.ru joined into paragraphs, repeated to
# ~20 MB): talign segment vs. plain ICU sentence breaks over the same text, same run.
SH=${1:-../shared}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
for i in 1 2 3 4 5; do paste -d' ' - - - - - < "$SH/data/wmt12-20/news.ru"; done > "$T/ru.txt"
cc -O2 -o "$T/icu" bench/icu_baseline.c $(pkg-config --cflags --libs icu-uc icu-i18n) || exit 1
size=$(stat -c %s "$T/ru.txt")
t0=$(date +%s.%N); bin/talign segment --lang ru "$T/ru.txt" > /dev/null; t1=$(date +%s.%N)
"$T/icu" "$T/ru.txt" > /dev/null; t2=$(date +%s.%N)
python3 -c "
s=$size/1e6; a=$t1-$t0; b=$t2-$t1
print(f'{s:.1f} MB Russian: talign {s/a:.1f} MB/s, plain ICU {s/b:.1f} MB/s, ratio {b/a:.2f}')"
