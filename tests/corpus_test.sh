#!/bin/sh
# talign corpus: order and determinism across -j, failing pairs, --resume after kill -9, shards
# and merge, dedup counts, gzip, stdin JSONL, folders, filters. TALIGN = the binary under test.
set -u
T=${TALIGN:-bin/talign}
case $T in /*) ;; *) T=$PWD/$T ;; esac
S=$PWD/corpora/samples
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1: $2"; fail=1; }
check() { # check NAME STATUS WHAT: STATUS 0 passes, else WHAT says what went wrong
  if [ "$2" = 0 ]; then ok "$1"; else bad "$1" "$3"; fi
}
expect() { # expect NAME EXPECTED_EXIT ACTUAL_EXIT
  if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "exit $3, expected $2"; fi
}
docs="antonov-cyber-security arctic-expedition moscow-metro"
mkdir -p "$tmp/docs"
for d in $docs; do cp "$S"/tass-*-$d.en.txt "$tmp/docs/$d.en.txt"; cp "$S"/tass-*-$d.ru.txt "$tmp/docs/$d.ru.txt"; done
# a manifest of relative paths, ids in an order that is not alphabetical
printf '# three articles\nz-metro\tdocs/moscow-metro.en.txt\tdocs/moscow-metro.ru.txt\n' > "$tmp/m3.tsv"
printf 'a-antonov\tdocs/antonov-cyber-security.en.txt\tdocs/antonov-cyber-security.ru.txt\n' >> "$tmp/m3.tsv"
printf 'm-arctic\tdocs/arctic-expedition.en.txt\tdocs/arctic-expedition.ru.txt\n' >> "$tmp/m3.tsv"
# 300 pairs: the three repeated under distinct ids
i=0; : > "$tmp/big.tsv"
while [ $i -lt 100 ]; do
  for d in $docs; do printf 'p%03d-%s\tdocs/%s.en.txt\tdocs/%s.ru.txt\n' $i $d $d $d >> "$tmp/big.tsv"; done
  i=$((i + 1))
done
cd "$tmp"

$T help corpus | grep -q -- "--shard K/N"; check help $? "talign help corpus lacks --shard"

# manifest order: the documents come out in the manifest's order, not sorted, at any -j
$T corpus -q -j 2 --format tsv -o o3.tsv m3.tsv; check run-tsv $? "exit code"
[ "$(cut -f1 o3.tsv | uniq | tr '\n' ' ')" = "z-metro a-antonov m-arctic " ]
check manifest-order $? "documents out of manifest order: $(cut -f1 o3.tsv | uniq | tr '\n' ' ')"

# the same bytes whatever -j is
$T corpus -q -j 1 -o j1.tmx big.tsv && $T corpus -q -j 2 -o j2.tmx big.tsv && cmp -s j1.tmx j2.tmx
check j1-equals-j2 $? "-j 1 and -j 2 outputs differ"
xmllint --noout j1.tmx; check tmx-well-formed $? "xmllint rejects the TMX"
[ "$(grep -o 'tuid="[^"]*"' j1.tmx | sort | uniq -d | wc -l)" = 0 ]; check tmx-tuid-unique $? "duplicate tuids"
grep -q '<tu tuid="p000-antonov-cyber-security:1" creationdate="[0-9T]*Z">' j1.tmx && grep -q '<prop type="x-doc">p099-moscow-metro</prop>' j1.tmx
check tmx-doc-props $? "tuid or x-doc missing"
n_multi=$(awk -F'\t' '$5 != "1-1"' o3.tsv | wc -l); n_block=$($T corpus -q -o b3.tmx m3.tsv && grep -c 'segtype="block"' b3.tmx)
[ "$n_multi" -gt 0 ] && [ "$n_multi" = "$n_block" ]; check tmx-segtype-block $? "$n_multi beads of several sentences, $n_block marked block"

# TMX as talign align writes it: with the x-doc props and the "ID:" of the tuids taken out,
# each pair's units are align's, byte for byte (dateline cut in two, segtype="block", x-source,
# creationdate), with and without --tmx-sentences
for d in $docs; do printf '%s\t%s.en.txt\t%s.ru.txt\n' "$d" "$d" "$d" >> docs/same.tsv; done
for opt in "" --tmx-sentences; do
  SOURCE_DATE_EPOCH=1630540800 $T corpus -q $opt -o same.tmx docs/same.tsv
  sed -e '/<prop type="x-doc">/d' -e 's/<tu tuid="[^":]*:/<tu tuid="/' same.tmx > same.units
  : > align.units; n=0
  for d in $docs; do
    SOURCE_DATE_EPOCH=1630540800 $T align $opt --format tmx docs/$d.en.txt docs/$d.ru.txt > a.tmx
    [ $n = 0 ] && sed -n '1,/<body>/p' a.tmx >> align.units; n=1
    sed -e '1,/<body>/d' -e '/<\/body>/,$d' a.tmx >> align.units
  done
  printf '  </body>\n</tmx>\n' >> align.units
  cmp -s same.units align.units; check "tmx-as-align${opt}" $? "$(diff same.units align.units | head -5)"
done
grep -q '<tu tuid="moscow-metro:3.2" creationdate="20210902T000000Z">' same.tmx && grep -q '<seg>/ТАСС/.</seg>' same.tmx
check tmx-dateline-two-units $? "no unit moscow-metro:3.2 with the agency tag"
[ "$(grep -c '<tu ' same.tmx)" -gt "$($T corpus -q -o - docs/same.tsv | grep -c '<tu ')" ]
check tmx-sentences-more-units $? "--tmx-sentences cut no bead"
# x-source: the path as the manifest gives it; creationdate: each pair's newer mtime, the
# header the newest of all; SOURCE_DATE_EPOCH wins; the same inputs give the same bytes
mkdir -p dated/docs; cp m3.tsv dated/; cp docs/*.txt dated/docs/; cd dated
touch -d '2021-09-02 12:30:00Z' docs/moscow-metro.en.txt; touch -d '2021-06-22 08:00:00Z' docs/moscow-metro.ru.txt
touch -d '2021-06-22 09:00:00Z' docs/antonov-cyber-security.en.txt docs/antonov-cyber-security.ru.txt
touch -d '2021-07-14 10:00:00Z' docs/arctic-expedition.en.txt docs/arctic-expedition.ru.txt
$T corpus -q -o d1.tmx m3.tsv && $T corpus -q -j 1 -o d2.tmx m3.tsv && cmp -s d1.tmx d2.tmx; check tmx-same-bytes $? "two runs differ"
grep -q '<header .* creationdate="20210902T123000Z"/>' d1.tmx && grep -q '<tu tuid="a-antonov:1" creationdate="20210622T090000Z">' d1.tmx &&
  grep -q '<tu tuid="z-metro:1" creationdate="20210902T123000Z">' d1.tmx && grep -q '<tu tuid="m-arctic:1" creationdate="20210714T100000Z">' d1.tmx
check tmx-creationdate-mtime $? "$(grep -o '<tu tuid="[^"]*:1" creationdate="[^"]*"' d1.tmx | tr '\n' ' ')"
grep -q '<tuv xml:lang="en"><prop type="x-source">docs/arctic-expedition.en.txt</prop><seg>' d1.tmx &&
  grep -q '<tuv xml:lang="ru"><prop type="x-source">docs/arctic-expedition.ru.txt</prop><seg>' d1.tmx
check tmx-x-source $? "no x-source prop with the manifest's path"
SOURCE_DATE_EPOCH=1630540800 $T corpus -q -o d3.tmx m3.tsv
[ "$(grep -c 'creationdate="20210902T000000Z"' d3.tmx)" = "$(($(grep -c '<tu ' d3.tmx) + 1))" ]; check tmx-creationdate-epoch $? "not every date from SOURCE_DATE_EPOCH"
SOURCE_DATE_EPOCH=soon $T corpus -q -o d4.tmx m3.tsv 2> err && cmp -s d1.tmx d4.tmx && grep -q SOURCE_DATE_EPOCH err
check tmx-creationdate-bad-epoch $? "a bad SOURCE_DATE_EPOCH was not ignored with a warning"
# -o -: the TMX has its header
$T corpus -q -o - m3.tsv | cmp -s - d1.tmx; check tmx-stdout $? "TMX on stdout differs from -o FILE"
cd ..
# tuids stay unique: a manifest's ids must differ, a repeated stdin record id fails, merge
# refuses a shard given twice
cp m3.tsv dup.tsv; printf 'a-antonov\tdocs/arctic-expedition.en.txt\tdocs/arctic-expedition.ru.txt\n' >> dup.tsv
$T corpus -q -o dup.tmx dup.tsv 2> err; expect manifest-duplicate-id 3 $?
grep -q "dup.tsv:5: the id 'a-antonov' is already on line 3" err; check manifest-duplicate-id-named $? "$(cat err)"
printf '{"id":"x","en":"Hello there.","ru":"Привет."}\n{"id":"x","en":"Good bye.","ru":"Пока."}\n' |
  $T corpus -q --no-lexicon --stdin-jsonl --format tmx > sx.tmx 2>/dev/null; expect stdin-duplicate-id 1 $?
[ "$(grep -c '<tu tuid="x:1"' sx.tmx)" = 1 ] && xmllint --noout sx.tmx; check stdin-duplicate-id-dropped $? "$(grep '<tu ' sx.tmx)"

# a failing pair is reported and skipped; the rest is written; exit 1
cp m3.tsv mf.tsv
printf 'gone\tdocs/nothing.en.txt\tdocs/moscow-metro.ru.txt\n' >> mf.tsv
: > docs/empty.ru.txt; printf 'emptyru\tdocs/moscow-metro.en.txt\tdocs/empty.ru.txt\n' >> mf.tsv
printf 'Hello \320\234\320 world\n' > docs/bad.en.txt; printf 'badbytes\tdocs/bad.en.txt\tdocs/moscow-metro.ru.txt\n' >> mf.tsv
$T corpus --format tsv -o of.tsv mf.tsv 2>err; expect failed-pairs-exit 1 $?
[ "$(cut -f1 of.tsv | uniq | tr '\n' ' ')" = "z-metro a-antonov m-arctic " ]; check failed-rest-written $? "the good pairs are not all written"
grep -q '"pairs_failed": 3' of.tsv.report.json && grep -q '"reason": "missing"' of.tsv.report.json &&
  grep -q '"reason": "empty"' of.tsv.report.json && grep -q '"reason": "undecodable"' of.tsv.report.json
check failed-reasons $? "the report lacks the three failures with their reasons"
grep -q "3 of 6 pairs failed" err && grep -q "nothing.en.txt" err; check failed-summary $? "no summary of failures on stderr"
$T corpus -q --min-score 1.5 -o x.tsv m3.tsv 2>/dev/null; expect min-score-validated 2 $?
$T corpus -q -o x.tsv nosuch.tsv 2>/dev/null; expect missing-manifest 3 $?

# permissions: the umask's, not mkstemp's 0600
(umask 022; $T corpus -q -o perm.tsv m3.tsv); [ "$(stat -c %a perm.tsv)" = 644 ]; check output-mode $? "mode $(stat -c %a perm.tsv)"

# gzip: decompresses to the plain output
$T corpus -q -o g.tmx.gz big.tsv && gzip -dc g.tmx.gz | cmp -s - j1.tmx; check gzip-equals-plain $? "gunzip(OUT.gz) != OUT"

# dedup: 100 copies of three articles keep the units of one copy; the drops are counted
$T corpus -q --format tsv -o one.tsv m3.tsv
$T corpus -q --dedup -o d.tsv big.tsv
kept=$(wc -l < d.tsv); one=$(sort -u -t'	' -k2,3 one.tsv | wc -l)
[ "$kept" -gt 0 ] && [ "$kept" -le "$one" ]; check dedup-kept $? "$kept units kept, one copy has $one distinct"
units=$(sed -n 's/.*"units": \([0-9]*\).*/\1/p' d.tsv.report.json)
dup=$(sed -n 's/.*"dropped_duplicate": \([0-9]*\).*/\1/p' d.tsv.report.json)
near=$(sed -n 's/.*"dropped_near_duplicate": \([0-9]*\).*/\1/p' d.tsv.report.json)
[ $((kept + dup + near)) = "$units" ] && [ "$dup" -gt 0 ]; check dedup-counts $? "kept $kept + dup $dup + near $near != units $units"
# near duplicates: the same letters, other case, spaces and digits
printf 'Moscow opens 3 stations.\n' > docs/n1.en; printf 'Москва открыла 3 станции.\n' > docs/n1.ru
printf 'MOSCOW opens 5 stations!\n' > docs/n2.en; printf 'Москва  открыла 5 станции.\n' > docs/n2.ru
printf 'a\tdocs/n1.en\tdocs/n1.ru\nb\tdocs/n2.en\tdocs/n2.ru\n' > near.tsv
$T corpus -q --no-lexicon --dedup -o near.out.tsv near.tsv
[ "$(wc -l < near.out.tsv)" = 1 ] && grep -q '"dropped_near_duplicate": 1' near.out.tsv.report.json
check dedup-near $? "a near duplicate was not dropped"

# --resume after kill -9 in the middle gives the bytes of an uninterrupted run (dedup, gzip);
# TMX with --tmx-sentences too (the dedup set is rebuilt from the units of the partial file).
# 1,500 pairs: a run of 300 at -j 1 can end within one checkpoint interval (0.25 s) on a fast
# machine, before the loop below sees a checkpoint
i=0; : > resume.tsv
while [ $i -lt 500 ]; do
  for d in $docs; do printf 'r%03d-%s\tdocs/%s.en.txt\tdocs/%s.ru.txt\n' $i $d $d $d >> resume.tsv; done
  i=$((i + 1))
done
for f in tsv tmx; do
  opt=""; [ $f = tmx ] && opt=--tmx-sentences
  $T corpus -q -j 1 --dedup $opt -o ref.$f.gz resume.tsv
  $T corpus -q -j 1 --dedup $opt -o res.$f.gz resume.tsv & pid=$!
  n=0; k=0
  while [ $k -lt 600 ]; do # up to 30 s: a loaded machine under ASan is slow to checkpoint
    n=$(sed -n 's/^pairs //p' res.$f.progress 2>/dev/null); n=${n:-0}
    [ "$n" -gt 20 ] && break
    sleep 0.05; k=$((k + 1))
  done
  kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  [ "$n" -gt 0 ] && [ "$n" -lt 1500 ] && [ ! -e res.$f.gz ]
  check resume-killed-midway-$f $? "not killed in the middle (checkpoint at $n pairs) or OUT exists"
  $T corpus -q -j 2 --dedup $opt --resume -o res.$f.gz resume.tsv; expect resume-exit-$f 0 $?
  cmp -s ref.$f.gz res.$f.gz; check resume-same-bytes-$f $? "resumed output differs from the uninterrupted one"
  [ ! -e res.$f.gz.partial ] && [ ! -e res.$f.progress ]; check resume-cleans-up-$f $? "partial or progress file left"
  grep -q '"pairs_done": 1500' res.$f.report.json; check resume-report-$f $? "the report does not count all 1500 pairs"
done
$T corpus -q --dedup --resume -o other.tsv resume.tsv >/dev/null 2>&1  # nothing to resume: a full run
cmp -s other.tsv "$(gzip -dc ref.tsv.gz > refplain.tsv; echo refplain.tsv)"; check resume-without-checkpoint $? "differs"
printf 'talign-corpus-progress 1\nfingerprint 0\npairs 1\nbytes 0 0\n' > opt.tsv.progress; : > opt.tsv.partial
$T corpus -q --resume -o opt.tsv big.tsv 2>/dev/null; expect resume-other-options 2 $?

# shards merged in order == one run, with and without dedup, TMX and TSV
for f in tmx tsv; do
  for d in "" --dedup; do
    $T corpus -q $d --format $f -o all.$f big.tsv
    for k in 1 2 3 4; do $T corpus -q $d --format $f --shard $k/4 -o s$k.$f big.tsv; done
    $T corpus merge -q $d --format $f -o merged.$f s1.$f s2.$f s3.$f s4.$f
    cmp -s all.$f merged.$f; check "shards-merge-$f${d:+-dedup}" $? "merged shards differ from one run"
  done
done
grep -q '"pairs_done": 300' merged.tsv.report.json; check merge-report-summed $? "reports not summed"
xmllint --noout merged.tmx; check merge-tmx-well-formed $? "xmllint rejects the merged TMX"
# --tmx-sentences and a language tag: the merged shards are still one run's bytes (the header
# is the shards', with its srclang), and tuids stay unique
$T corpus -q --tmx-sentences --src-lang en-US --dedup -o all.tmx big.tsv
for k in 1 2 3; do $T corpus -q --tmx-sentences --src-lang en-US --dedup --shard $k/3 -o t$k.tmx big.tsv; done
$T corpus merge -q --dedup -o mt.tmx t1.tmx t2.tmx t3.tmx && cmp -s all.tmx mt.tmx
check shards-merge-tmx-sentences $? "merged shards differ from one run"
grep -q 'srclang="en-US"' mt.tmx && [ "$(grep -o 'tuid="[^"]*"' mt.tmx | sort | uniq -d | wc -l)" = 0 ]
check merge-header-and-tuids $? "srclang lost or tuids repeated"
$T corpus merge -q -o twice.tmx t1.tmx t1.tmx 2> err; expect merge-shard-twice 3 $?
grep -q "t1.tmx: document 'p000-antonov-cyber-security' is also earlier" err && [ ! -e twice.tmx ]
check merge-shard-twice-named $? "$(cat err)"

# Moses: two files, line for line
$T corpus -q --format moses -o mo m3.tsv && [ "$(wc -l < mo.en)" = "$(wc -l < mo.ru)" ] && [ "$(wc -l < mo.en)" = "$(wc -l < one.tsv)" ]
check moses $? "mo.en / mo.ru line counts"

# stdin JSONL (a streaming mapper): the same units as a manifest run, ids from the records
python3 - m3.tsv > in.jsonl <<'PY'
import json, sys, os
for line in open(sys.argv[1]):
    if line.startswith('#'): continue
    i, e, r = line.rstrip('\n').split('\t')
    print(json.dumps({"id": i, "en": open(e).read(), "ru": open(r).read(), "extra": [1, {"x": None}]}, ensure_ascii=True))
PY
$T corpus -q --format jsonl -o m3.jsonl m3.tsv
$T corpus -q --stdin-jsonl < in.jsonl > s3.jsonl; expect stdin-jsonl-exit 0 $?
cmp -s m3.jsonl s3.jsonl; check stdin-jsonl-same $? "stdin JSONL output differs from the manifest run"
printf '{"id":"x","en":"Hello.","ru":"\\ud83d\\ude00 \\u041f\\u0440\\u0438\\u0432\\u0435\\u0442."}\nnot json\n' | $T corpus -q --no-lexicon --stdin-jsonl > sj.out 2>/dev/null
expect stdin-jsonl-bad-record 1 $?
grep -q '"ru":"😀 Привет."' sj.out; check stdin-jsonl-surrogates $? "\\u escapes not decoded: $(cat sj.out)"

# folders paired by name; unpaired files listed
mkdir -p en ru
for d in $docs; do cp docs/$d.en.txt en/$d.en.txt; cp docs/$d.ru.txt ru/$d.ru.txt; done
cp docs/moscow-metro.en.txt en/lonely.txt
$T corpus -q --format tsv --en-dir en --ru-dir ru -o dirs.tsv; expect dirs-exit 0 $?
[ "$(cut -f1 dirs.tsv | uniq | wc -l)" = 3 ] && grep -q 'en/lonely.txt' dirs.tsv.report.json; check dirs-unpaired $? "pairs or unpaired list wrong"

# filters
$T corpus -q --format tsv --only-1-1 -o f11.tsv m3.tsv && [ "$(cut -f5 f11.tsv | sort -u)" = 1-1 ]; check only-1-1 $? "other bead types kept"
$T corpus -q --format tsv --min-score 0.999 -o fs.tsv m3.tsv && [ -z "$(awk -F'\t' '$4 < 0.999' fs.tsv)" ] && [ "$(wc -l < fs.tsv)" -lt "$(wc -l < one.tsv)" ]
check min-score $? "low-scored units kept"
# --spell --drop-misspelled: units with a word hunspell flags (the samples have a few) are
# counted and dropped; without --drop-misspelled only counted
if [ -f /usr/share/hunspell/ru_RU.dic ]; then
  $T corpus -q --format tsv --spell --drop-misspelled -o sp.tsv m3.tsv
  n=$(sed -n 's/.*"dropped_misspelled": \([0-9]*\).*/\1/p' sp.tsv.report.json)
  m=$(sed -n 's/.*"units_misspelled": \([0-9]*\).*/\1/p' sp.tsv.report.json)
  [ "${n:-0}" -gt 0 ] && [ "$n" = "$m" ] && [ $(($(wc -l < sp.tsv) + n)) = "$(wc -l < one.tsv)" ]
  check spell-drop $? "misspelt units not dropped (dropped ${n:-?}, misspelled ${m:-?})"
  $T corpus -q --format tsv --spell -o sp2.tsv m3.tsv && cmp -s sp2.tsv one.tsv && grep -q "\"units_misspelled\": $m" sp2.tsv.report.json
  check spell-count-only $? "--spell alone changed the output or did not count"
  $T corpus -q --format tsv --drop-misspelled -o sp3.tsv m3.tsv 2>/dev/null; expect drop-misspelled-needs-spell 2 $?
fi
exit $fail
