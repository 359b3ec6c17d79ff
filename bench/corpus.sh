#!/bin/sh
# talign corpus throughput: the 172 WMT21 article pairs (/work/shared/data/wmt21/*.para.en,
# .para.ru; not copied, the manifest repeats their paths) up to 1,000 and 10,000 pairs. Prints
# pairs/s at -j 1 and -j 2 (without and with --spell --drop-misspelled) and the peak RSS at 1,000 and 10,000 pairs (from OUT.report.json),
# and the CPU seconds (user + sys): on a shared machine wall-clock rates are noisy, pairs per
# CPU second are not.
#   sh bench/corpus.sh [TALIGN] [DATA_DIR]
set -eu
T=${1:-bin/talign}
D=${2:-/work/shared/data/wmt21}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ls "$D"/*.para.en > "$tmp/en.list"
[ -s "$tmp/en.list" ] || { echo "bench/corpus.sh: no *.para.en in $D" >&2; exit 2; }
manifest() { # manifest N FILE
  awk -v n="$1" '{ p[NR] = $0 } END { for (i = 0; i < n; i++) { e = p[i % NR + 1]; r = e;
    sub(/\.para\.en$/, ".para.ru", r); printf "p%05d\t%s\t%s\n", i, e, r } }' "$tmp/en.list" > "$2"
}
manifest 1000 "$tmp/m1k.tsv"
manifest 10000 "$tmp/m10k.tsv"
num() { sed -n "s/.*\"$1\": \([0-9.]*\).*/\1/p" "$2"; }
run() { # run LABEL JOBS MANIFEST [OPTIONS]
  # shellcheck disable=SC2086
  /usr/bin/time -f "%U %S" -o "$tmp/cpu" "$T" corpus -q -j "$2" ${4:-} --format tsv -o "$tmp/out.tsv" "$3" || true
  r=$tmp/out.tsv.report.json
  cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$tmp/cpu")
  printf '%-13s -j %s  %5s pairs  %7s s  %7s pairs/s  CPU %6s s (%s pairs/CPU s)  peak RSS %5s MB\n' \
    "$1" "$2" "$(num pairs_done "$r")" "$(num seconds "$r")" "$(num pairs_per_second "$r")" "$cpu" \
    "$(awk -v n="$(num pairs_done "$r")" -v c="$cpu" 'BEGIN { printf "%.0f", n / c }')" \
    "$(awk -v k="$(num peak_rss_kb "$r")" 'BEGIN { printf "%.1f", k / 1024 }')"
}
echo "talign corpus on $(wc -l < "$tmp/en.list") WMT21 article pairs, repeated ($(nproc) cores)"
run "1,000 pairs" 1 "$tmp/m1k.tsv"
run "1,000 pairs" 2 "$tmp/m1k.tsv"
run "10,000 pairs" 2 "$tmp/m10k.tsv"
run "1,000 --spell" 1 "$tmp/m1k.tsv" "--spell --drop-misspelled"
run "1,000 --spell" 2 "$tmp/m1k.tsv" "--spell --drop-misspelled"
run "10,000 --spell" 2 "$tmp/m10k.tsv" "--spell --drop-misspelled"
