#!/bin/sh
# interop_test.sh — talign's output in the tools translators use (Debian 12 packages, installed
# by `sh scripts/deps.sh interop`; run by .ci/run). TALIGN = the binary under test.
# - Every TMX talign writes (align --format tmx, with and without --tmx-sentences, on the three
#   samples; `talign corpus` TMX, with and without --tmx-sentences, and merged shards) is valid
#   against the TMX 1.4b DTD that OmegaT ships in its
#   jar (schemas/tmx14.dtd, extracted at test time with unzip: nothing is copied into the repo).
# - translate-toolkit, through Debian's /usr/bin/python3 (a python3 earlier on PATH may not see
#   Debian's modules), reads every unit with the right languages.
# - OmegaT 3.6 console mode translates the Moscow metro sample with talign's TMX in the
#   project's tm/auto/ folder: TMs there fill exact matches (plain tm/ gives only fuzzy matches,
#   which console mode does not insert). Filled = Total - Remaining segments of
#   omegat/project_stats.txt, cross-checked with the units of the project's exported TMX
#   (PROJECT-omegat.tmx holds one unit per translated segment). Expected: 15 of 19 with the
#   default TMX (every segment whose sentence talign aligned 1-1, the dateline cut in two as
#   OmegaT's SRX rules cut it), 17 of 19 with --tmx-sentences (all but the "All news" boilerplate
#   line and the sentence the translation left out).
# - Headless Chromium loads the review page (align --format html) without script errors and its
#   filter buttons change what is shown. The page's script honours #filter=NAME in the URL by
#   clicking that filter's button, and marks <body data-ready="1"> as its last statement, so a
#   script error leaves the mark out; --dump-dom prints the DOM after the script ran, and the
#   test counts the rows not hidden for each filter against the counts of the TSV output. A copy
#   of the page with a broken script shows that the mark does catch errors, and the console is
#   read from Chromium's log (--enable-logging=stderr) for "Uncaught" errors. On a page of 1,000
#   beads, a probe script scrolls 20,000 px down and records where the header is: still at the
#   top (sticky).
set -u
T=${TALIGN:-bin/talign}
case $T in /*) ;; *) T=$PWD/$T ;; esac
S=$PWD/corpora/samples
PY=/usr/bin/python3
JAR=/usr/share/omegat/OmegaT.jar
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { # check NAME STATUS WHAT: STATUS 0 passes, else WHAT says what went wrong
  if [ "$2" = 0 ]; then echo "ok   $1"; else echo "FAIL $1: $3"; fail=1; fi
}
for tool in xmllint unzip omegat chromium "$PY"; do
  command -v "$tool" >/dev/null || { echo "FAIL $tool is missing: run sh scripts/deps.sh interop"; exit 1; }
done
metro=tass-2021-09-02-moscow-metro
docs="tass-2021-06-22-antonov-cyber-security tass-2021-07-14-arctic-expedition $metro"

# ---- the TMX 1.4b DTD from OmegaT's jar ------------------------------------------------------
unzip -p "$JAR" schemas/tmx14.dtd > "$tmp/tmx14.dtd" && grep -q '<!ELEMENT tmx' "$tmp/tmx14.dtd"
check dtd-extracted $? "no schemas/tmx14.dtd in $JAR"
valid() { # valid NAME FILE
  xmllint --noout --dtdvalid "$tmp/tmx14.dtd" "$2" 2> "$tmp/xmllint.err"
  check "$1" $? "$(head -3 "$tmp/xmllint.err")"
}

# the DTD does reject a unit it does not allow
printf '<?xml version="1.0"?>\n<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body><tu bogus="1"><tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>\n' > "$tmp/bad.tmx"
! xmllint --noout --dtdvalid "$tmp/tmx14.dtd" "$tmp/bad.tmx" 2>/dev/null
check dtd-rejects-bad-unit $? "xmllint accepted an attribute the DTD does not declare"

# ---- align TMX: valid, and read by translate-toolkit -----------------------------------------
# units DOC TMX: the units translate-toolkit reads, as "n EN_LANG RU_LANG"; fails when a unit
# lacks either language
units() {
  "$PY" - "$1" <<'PY'
import sys
from translate.storage import tmx
store = tmx.tmxfile.parsefile(sys.argv[1])
units = [u for u in store.units if not u.isheader()]
langs = set()
for u in units:
    tuvs = u.xmlelement.findall("tuv")
    langs.add(tuple(t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in tuvs))
    assert u.source and u.target, u.getid()
print(len(units), " ".join(sorted(set(l for ls in langs for l in ls))))
PY
}
for d in $docs; do
  for mode in default sentences; do
    opt=""; [ $mode = sentences ] && opt=--tmx-sentences
    $T align --format tmx $opt --src-lang en-US --tgt-lang ru-RU -o "$tmp/$d.$mode.tmx" \
      "$S/$d.en.txt" "$S/$d.ru.txt" 2> "$tmp/err"
    check "align-$mode-$d" $? "$(cat "$tmp/err")"
    valid "dtd-$mode-$d" "$tmp/$d.$mode.tmx"
    n=$(grep -c '<tu ' "$tmp/$d.$mode.tmx")
    got=$(units "$tmp/$d.$mode.tmx" 2> "$tmp/err")
    [ "$got" = "$n en-US ru-RU" ]
    check "ttk-$mode-$d" $? "translate-toolkit read '$got' $(tail -1 "$tmp/err"), expected '$n en-US ru-RU'"
  done
done
# --tmx-sentences cuts the metro's 2-1 bead: more units than the default
[ "$(grep -c '<tu ' "$tmp/$metro.sentences.tmx")" -gt "$(grep -c '<tu ' "$tmp/$metro.default.tmx")" ]
check tmx-sentences-more-units $? "--tmx-sentences wrote no more units than the default"

# ---- corpus TMX: a run, one with --tmx-sentences and language tags, and merged shards ------
: > "$tmp/m.tsv"
for d in $docs; do printf '%s\t%s\t%s\n' "$d" "$S/$d.en.txt" "$S/$d.ru.txt" >> "$tmp/m.tsv"; done
$T corpus -q --format tmx -o "$tmp/corpus.tmx" "$tmp/m.tsv" 2> "$tmp/err"
check corpus-run $? "$(cat "$tmp/err")"
tags="--src-lang en-US --tgt-lang ru-RU"
$T corpus -q --tmx-sentences $tags -o "$tmp/corpus-sentences.tmx" "$tmp/m.tsv" 2> "$tmp/err"
check corpus-run-sentences $? "$(cat "$tmp/err")"
for k in 1 2; do $T corpus -q --tmx-sentences $tags --shard $k/2 -o "$tmp/shard$k.tmx" "$tmp/m.tsv"; done
$T corpus merge -q -o "$tmp/corpus-merged.tmx" "$tmp/shard1.tmx" "$tmp/shard2.tmx" 2> "$tmp/err"
check corpus-merge $? "$(cat "$tmp/err")"
for c in corpus:"en ru" corpus-sentences:"en-US ru-RU" corpus-merged:"en-US ru-RU"; do
  name=${c%%:*} langs=${c#*:}
  valid "dtd-$name" "$tmp/$name.tmx"
  n=$(grep -c '<tu ' "$tmp/$name.tmx")
  got=$(units "$tmp/$name.tmx" 2> "$tmp/err")
  [ "$got" = "$n $langs" ]; check "ttk-$name" $? "translate-toolkit read '$got', expected '$n $langs'"
done
# the corpus's units are align's: translate-toolkit sees the same texts in both
"$PY" - "$tmp/corpus-sentences.tmx" "$tmp"/*.sentences.tmx > "$tmp/ttk-same" <<'PY'
import sys
from translate.storage import tmx
def pairs(path):
    return sorted((u.source, u.target) for u in tmx.tmxfile.parsefile(path).units if not u.isheader())
corpus = pairs(sys.argv[1])
aligned = sorted(p for f in sys.argv[2:] for p in pairs(f))
print("same" if corpus == aligned else "differ: %d vs %d units" % (len(corpus), len(aligned)))
PY
[ "$(cat "$tmp/ttk-same")" = same ]; check ttk-corpus-units-are-aligns $? "$(cat "$tmp/ttk-same")"

# ---- OmegaT console mode --------------------------------------------------------------------
# omegat_filled TMX: "FILLED TOTAL EXPORTED" for the metro sample translated with TMX in tm/auto
omegat_filled() {
  p=$tmp/omegat-$(basename "$1" .tmx)
  mkdir -p "$p/source" "$p/target" "$p/tm/auto" "$p/glossary" "$p/dictionary" "$p/omegat"
  cp "$S/$metro.en.txt" "$p/source/"
  cp "$1" "$p/tm/auto/"
  cat > "$p/omegat.project" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>EN-US</source_lang>
    <target_lang>RU-RU</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneRussianTokenizer</target_tok>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
XML
  timeout 300 omegat "$p" --mode=console-translate --config-dir="$tmp/omegat-config" \
    > "$p.log" 2>&1 || { echo "0 0 0"; return; }
  total=$(awk -F'\t' '/^Total:/ {print $2 + 0; exit}' "$p/omegat/project_stats.txt")
  left=$(awk -F'\t' '/^Remaining:/ {print $2 + 0; exit}' "$p/omegat/project_stats.txt")
  exported=$(grep -c '<tu>' "$p/$(basename "$p")-omegat.tmx")
  echo "$((total - left)) $total $exported"
}
# the same with talign corpus's TMX of the three samples (default, --tmx-sentences)
for mode in default:15 sentences:17 corpus:15 corpus-sentences:17; do
  m=${mode%:*} want=${mode#*:}
  case $m in corpus*) tm=$tmp/$m.tmx ;; *) tm=$tmp/$metro.$m.tmx ;; esac
  set -- $(omegat_filled "$tm")
  [ "$1 $2 $3" = "$want 19 $want" ]
  check "omegat-$m" $? "OmegaT filled $1 of $2 segments (exported $3 units), expected $want of 19"
  echo "     OmegaT, $m TMX: $1 of $2 segments filled"
done

# ---- the review page in headless Chromium ------------------------------------------------------
# rows FILTER PAGE: "READY SHOWN" after the page's script ran with #filter=FILTER
rows() {
  chromium --headless --no-sandbox --disable-gpu --user-data-dir="$tmp/chromium" \
    --virtual-time-budget=2000 --enable-logging=stderr --v=0 --dump-dom \
    "file://$2#filter=$1" > "$tmp/dom" 2>> "$tmp/chromium.log"
  ready=$(grep -c '<body[^>]*data-ready="1"' "$tmp/dom")
  shown=$(grep -o '<tr class="b[^"]*"[^>]*>' "$tmp/dom" | grep -vc ' hidden')
  echo "$ready $shown"
}
$T align --format html -o "$tmp/review.html" "$S/$metro.en.txt" "$S/$metro.ru.txt"
$T align --format tsv -o "$tmp/review.tsv" "$S/$metro.en.txt" "$S/$metro.ru.txt"
# a pair with weak beads: the Russian side of one article against another's
$T align --no-lexicon --format html -o "$tmp/weak.html" "$S/$metro.en.txt" "$S/tass-2021-07-14-arctic-expedition.ru.txt"
$T align --no-lexicon --format tsv -o "$tmp/weak.tsv" "$S/$metro.en.txt" "$S/tass-2021-07-14-arctic-expedition.ru.txt"
: > "$tmp/chromium.log"
for page in review weak; do
  all=$(wc -l < "$tmp/$page.tsv")
  non11=$(cut -f4 "$tmp/$page.tsv" | grep -vc '^1-1$')
  weak=$(awk -F'\t' '$3 < 0.9' "$tmp/$page.tsv" | wc -l)
  left=$(cut -f4 "$tmp/$page.tsv" | grep -c -e '-0$' -e '^0-')
  for f in all:$all non11:$non11 weak:$weak left:$left; do
    name=${f%:*} want=${f#*:}
    got=$(rows "$name" "$tmp/$page.html")
    [ "$got" = "1 $want" ]; check "chromium-$page-$name" $? "ready and rows shown: '$got', expected '1 $want'"
  done
done
[ "$(awk -F'\t' '$3 < 0.9' "$tmp/weak.tsv" | wc -l)" -gt 0 ]
check chromium-weak-page-has-weak $? "the mismatched pair has no weak bead: the weak filter is not tested"
! grep -q "Uncaught" "$tmp/chromium.log"; check chromium-no-console-errors $? "$(grep Uncaught "$tmp/chromium.log" | head -3)"
# 1,000 beads: scrolled 20,000 px down, the header with the filters is still at the top
i=0; : > "$tmp/ke.txt"; : > "$tmp/kr.txt"
while [ $i -lt 1000 ]; do echo "Sentence number $i was said." >> "$tmp/ke.txt"; echo "Предложение номер $i было сказано." >> "$tmp/kr.txt"; i=$((i + 1)); done
$T align --presegmented --no-lexicon --format html -o "$tmp/k.html" "$tmp/ke.txt" "$tmp/kr.txt"
sed 's|</body>|<script>scrollTo(0,20000);document.body.setAttribute("data-probe",Math.round(document.querySelector("thead").getBoundingClientRect().top)+" "+Math.round(scrollY))</script></body>|' "$tmp/k.html" > "$tmp/probe.html"
got=$(chromium --headless --no-sandbox --disable-gpu --user-data-dir="$tmp/chromium" --window-size=1000,600 \
  --virtual-time-budget=2000 --dump-dom "file://$tmp/probe.html" 2>/dev/null | grep -o 'data-probe="[^"]*"')
[ "$got" = 'data-probe="0 20000"' ]; check chromium-sticky-header-1000-beads $? "header top and scroll: $got, expected 0 20000"
# the ready mark catches a script error
sed 's|<script>|<script>undefined_function();|' "$tmp/review.html" > "$tmp/broken.html"
[ "$(rows all "$tmp/broken.html" | cut -d' ' -f1)" = 0 ]
check chromium-catches-script-error $? "a broken script still marked the page ready"

exit $fail
