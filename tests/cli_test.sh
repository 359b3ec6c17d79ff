#!/bin/sh
# CLI tests: exit codes, messages, encodings, atomic output. TALIGN = the binary under test.
set -u
T=${TALIGN:-bin/talign}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { # check NAME EXPECTED_CODE ACTUAL_CODE
  if [ "$2" != "$3" ]; then echo "FAIL $1: exit $3, expected $2"; fail=1; else echo "ok   $1"; fi
}
$T --version >/dev/null; check version 0 $?
$T --help | grep -q "exit codes"; check help 0 $?
$T help segment | grep -q -- "--lang"; check help-segment 0 $?
$T nosuch 2>/dev/null; check unknown-command 2 $?
$T segment --format nope /dev/null 2>/dev/null; check bad-format 2 $?
$T segment /nonexistent/x.txt 2>"$tmp/err"; check missing-file 3 $?
grep -q "/nonexistent/x.txt" "$tmp/err"; check missing-file-named 0 $?
printf 'Hello \320\234\320 world \320\234\n' > "$tmp/bad.txt"
$T segment "$tmp/bad.txt" 2>"$tmp/err"; check invalid-utf8 3 $?
grep -q "byte offset 8" "$tmp/err" && grep -q -- "--encoding" "$tmp/err"; check invalid-utf8-msg 0 $?
$T segment --rules -nosuch /dev/null 2>"$tmp/err"; check rules-unknown 2 $?
grep -q "abbrev-title" "$tmp/err"; check rules-unknown-lists-names 0 $?
echo "Mr. Smith came; he left." | $T segment --explain 2>"$tmp/err" >/dev/null; check explain 0 $?
grep -q "vetoed	abbrev-title" "$tmp/err" && grep -q "^hits	abbrev-title	1" "$tmp/err"; check explain-names-rule 0 $?
[ "$(echo "He came; he left." | $T segment | wc -l)" = 1 ]; check semicolon-no-end 0 $?
[ "$(echo "He came; he left." | $T segment --split-semicolons | wc -l)" = 2 ]; check split-semicolons 0 $?
echo "Текст." | $T segment --lang ru --hunspell-dir /nonexistent 2>"$tmp/err" >/dev/null; [ $? -ne 0 ]; check hunspell-missing 0 $?
grep -q "/nonexistent/ru_RU" "$tmp/err"; check hunspell-missing-named 0 $?
printf 'a\000b' > "$tmp/nul.txt"
$T segment "$tmp/nul.txt" 2>/dev/null; check nul-byte 3 $?
$T segment "$tmp" 2>/dev/null; check directory 3 $?
: > "$tmp/empty.txt"
out=$($T segment "$tmp/empty.txt"); check empty 0 $?
[ -z "$out" ]; check empty-output 0 $?
printf '\314\356\361\352\342\340. \317\356\352\340.\n' > "$tmp/cp1251.txt"   # CP1251
printf 'Москва. Пока.\n' > "$tmp/utf8.txt"
[ "$($T segment --lang ru "$tmp/cp1251.txt")" = "$($T segment --lang ru "$tmp/utf8.txt")" ]; check cp1251-same 0 $?
printf 'One. Two.\n' | $T segment - | wc -l | grep -q 2; check stdin 0 $?
$T segment -o "$tmp/out.txt" "$tmp/utf8.txt"; check output-file 0 $?
[ -s "$tmp/out.txt" ] && ! ls "$tmp" | grep -q tmp; check output-complete 0 $?
$T segment -o /nonexistent/dir/out.txt "$tmp/utf8.txt" 2>/dev/null; check output-unwritable 4 $?
$T segment --format jsonl "$tmp/utf8.txt" | grep -q '"start":0,"end":13'; check jsonl-offsets 0 $?
printf 'Russia hopes for talks. Antonov said so on Monday.\nThe summit was in Geneva.\n' > "$tmp/a.en"
printf 'Россия надеется на переговоры, заявил в понедельник Антонов.\nСаммит прошел в Женеве.\n' > "$tmp/a.ru"
$T align --no-lexicon "$tmp/a.en" "$tmp/a.ru" > "$tmp/a.tsv"; check align-tsv 0 $?
[ "$(cut -f4 "$tmp/a.tsv" | tr '\n' ' ')" = "2-1 1-1 " ]; check align-merge 0 $?
$T align --no-lexicon --format tmx -o "$tmp/a.tmx" "$tmp/a.en" "$tmp/a.ru"; check align-tmx 0 $?
$T lexicon learn -o "$tmp/l.lex" --min-count 1 --min-score 0 "$tmp/a.tsv" 2>"$tmp/err"; check learn-tsv 0 $?
grep -q "from 1 sentence pairs" "$tmp/err" && [ -s "$tmp/l.lex" ]; check learn-tsv-1-1-only 0 $?
$T lexicon learn -o "$tmp/l2.lex" --min-count 1 --parallel "$tmp/a.en" "$tmp/a.ru" 2>"$tmp/err"; check learn-parallel 0 $?
grep -q "from 2 sentence pairs" "$tmp/err"; check learn-parallel-lines 0 $?
$T lexicon learn -o "$tmp/l3.lex" /nonexistent.tsv 2>/dev/null; check learn-missing 3 $?
if command -v xmllint >/dev/null; then xmllint --noout "$tmp/a.tmx"; check tmx-valid 0 $?; fi
$T align --no-lexicon --format moses -o "$tmp/m" "$tmp/a.en" "$tmp/a.ru" && [ "$(wc -l < "$tmp/m.en")" = 2 ] && [ -s "$tmp/m.ru" ]; check align-moses 0 $?
$T align --no-lexicon --format ladder "$tmp/a.en" "$tmp/a.ru" | tail -1 | grep -q "^3	2"; check align-ladder 0 $?
$T align --no-lexicon "$tmp/a.en" /nonexistent 2>/dev/null; check align-missing 3 $?
$T align --no-lexicon "$tmp/a.en" 2>/dev/null; check align-usage 2 $?
$T align --no-lexicon "$tmp/empty.txt" "$tmp/a.ru" 2>"$tmp/err" | wc -l | grep -q 2; check align-empty-side 0 $?
grep -q warning "$tmp/err"; check align-empty-warning 0 $?
printf '\303\220\303\245\303\266\303\245\303\255\303\247\303\250\303\277 \303\255\303\240 \303\257\303\245\303\260\303\261\303\256\303\242\303\240 \303\250 \303\261\303\256\303\241\303\256\303\260\303\240.\n' > "$tmp/moji.txt"
$T segment --lang ru "$tmp/moji.txt" 2>"$tmp/err" >/dev/null; grep -q "repair-mojibake" "$tmp/err"; check mojibake-warning 0 $?
[ "$($T segment --lang ru --repair-mojibake "$tmp/moji.txt" 2>/dev/null)" = "Рецензия на персова и собора." ]; check mojibake-repair 0 $?
printf '<p>One &amp; two. Three.</p>\n<p>Four.</p>\n' > "$tmp/page.html"
[ "$($T segment --clean "$tmp/page.html" | tr "\n" "|")" = "One & two.|Three.||Four.|" ]; check clean 0 $?
printf '<p>A<b>1</b></p>\n<p>B.</p>\n' > "$tmp/pe.html"; printf '<p>A<b>1</b></p>\n<p>B.</p>\n' > "$tmp/pr.html"
$T align --clean --format tsv "$tmp/pe.html" "$tmp/pr.html" | grep -q "^A1	A1"; check align-clean 0 $?
$T align --band 0 "$tmp/utf8.txt" "$tmp/utf8.txt" 2>/dev/null; check align-bad-band 2 $?
$T align --band 3 "$tmp/utf8.txt" "$tmp/utf8.txt" >/dev/null 2>&1; check align-band 0 $?
# talign check: exit 1 on findings at or above --fail-on, 0 below, 2/3 for usage and input
printf 'The plant produced 12,500 cars in 2020.\nThe talks in Geneva lasted four hours.\n' > "$tmp/qe.txt"
printf 'Завод выпустил 12 500 автомобилей в 2020 году.\nПереговоры в Женеве продолжались четыре часа.\n' > "$tmp/qr.txt"
printf 'Завод выпустил 12 000 автомобилей в 2020 году.\nПереговоры в Женеве продолжались четыре часа.\n' > "$tmp/qx.txt"
$T check --presegmented --no-lexicon --checks -all,number "$tmp/qe.txt" "$tmp/qr.txt" >/dev/null 2>&1; check check-clean 0 $?
$T check --presegmented --no-lexicon --checks -all,number --format json "$tmp/qe.txt" "$tmp/qx.txt" > "$tmp/q.json" 2>/dev/null; check check-finding 1 $?
grep -q '"check":"number","severity":"error","bead":1,"en":\[0\],"ru":\[0\]' "$tmp/q.json" && grep -q '12,500 ≠ 12 000' "$tmp/q.json"; check check-json 0 $?
$T check --presegmented --no-lexicon --checks -all,number --fail-on never "$tmp/qe.txt" "$tmp/qx.txt" >/dev/null 2>&1; check check-fail-on-never 0 $?
$T check --no-lexicon --checks nosuch "$tmp/qe.txt" "$tmp/qr.txt" 2>"$tmp/err"; check check-unknown-check 2 $?
grep -q nosuch "$tmp/err"; check check-unknown-named 0 $?
$T check --fail-on fatal "$tmp/qe.txt" "$tmp/qr.txt" 2>/dev/null; check check-bad-fail-on 2 $?
$T check "$tmp/qe.txt" 2>/dev/null; check check-one-file 2 $?
$T check --presegmented --no-lexicon "$tmp/qe.txt" /nonexistent/ru.txt 2>/dev/null; check check-missing 3 $?
# --pairs: talign's own TSV read back gives the same number finding; a TSV line without a tab
$T align --presegmented --format tsv "$tmp/qe.txt" "$tmp/qx.txt" > "$tmp/q.tsv"
$T check --pairs "$tmp/q.tsv" --no-lexicon --checks -all,number --format csv > "$tmp/q.csv" 2>/dev/null; check check-pairs-tsv 1 $?
grep -q '12,500 ≠ 12 000' "$tmp/q.csv"; check check-pairs-csv 0 $?
printf 'no tab here\n' > "$tmp/bad.tsv"
$T check --no-lexicon --pairs "$tmp/bad.tsv" 2>"$tmp/err"; check check-pairs-bad 3 $?
grep -q "bad.tsv:1" "$tmp/err"; check check-pairs-bad-line 0 $?
$T check --presegmented --no-lexicon --format html -o "$tmp/q.html" "$tmp/qe.txt" "$tmp/qx.txt" 2>/dev/null
grep -q '12,500 ≠ 12 000' "$tmp/q.html"; check check-html 0 $?
# a binary copied away from its lexicon (as benchmarks do): check refuses to run rather than
# report a faithful translation as left out sentence by sentence; --no-lexicon or --lexicon run
mkdir -p "$tmp/away" && cp "$(command -v "$T")" "$tmp/away/talign"
TALIGN_LEXICON= "$tmp/away/talign" check --presegmented "$tmp/qe.txt" "$tmp/qr.txt" >/dev/null 2>"$tmp/err"; check check-no-lexicon 3 $?
grep -q "no lexicon at $tmp/away/../" "$tmp/err" && grep -q -- "--no-lexicon" "$tmp/err"; check check-no-lexicon-msg 0 $?
TALIGN_LEXICON= "$tmp/away/talign" check --presegmented --no-lexicon --checks -all,number "$tmp/qe.txt" "$tmp/qr.txt" >/dev/null 2>&1; check check-no-lexicon-asked 0 $?
# a lexicon whose word list (checked lazily, at the first lookup) is damaged: check's name
# lookups would read "not in the lexicon"; check and lexicon lookup refuse it and say so
cp lexicon/en-ru.lex "$tmp/bad.lex"; sz=$(wc -c < "$tmp/bad.lex")
printf 'Z' | dd of="$tmp/bad.lex" bs=1 seek=$((sz - 100)) conv=notrunc 2>/dev/null
$T check --presegmented --lexicon "$tmp/bad.lex" "$tmp/qe.txt" "$tmp/qr.txt" >/dev/null 2>"$tmp/err"; check check-corrupt-lexicon 3 $?
grep -q "bad.lex: corrupt lexicon" "$tmp/err"; check check-corrupt-lexicon-msg 0 $?
$T lexicon lookup --lexicon "$tmp/bad.lex" Кольцевую >/dev/null 2>"$tmp/err"; grep -q "bad.lex: corrupt lexicon" "$tmp/err"; check lookup-corrupt-lexicon-msg 0 $?
# BCP 47 language tags: the primary subtag picks the rules, the tag as given goes into TMX
$T align --src-lang en-US --tgt-lang RU-ru --format tmx "$tmp/qe.txt" "$tmp/qr.txt" > "$tmp/tag.tmx" 2>/dev/null; check lang-tag 0 $?
grep -q 'srclang="en-US"' "$tmp/tag.tmx" && grep -q 'xml:lang="RU-ru"' "$tmp/tag.tmx"; check lang-tag-tmx 0 $?
$T align --src-lang english "$tmp/qe.txt" "$tmp/qr.txt" 2>"$tmp/err"; check lang-bad 2 $?
grep -q "en-US" "$tmp/err"; check lang-bad-msg 0 $?
# a vertical tab (Word's manual line break) is a space between words
printf 'One line\vcontinues here.\n' > "$tmp/vt.txt"
[ "$($T segment "$tmp/vt.txt")" = "One line continues here." ]; check vertical-tab 0 $?
$T version | grep -q "^talign [0-9]"; check version-command 0 $?
$T -V | grep -q "^talign [0-9]"; check version-V 0 $?
$T align --min-score 2 "$tmp/qe.txt" "$tmp/qr.txt" 2>/dev/null; check min-score-range 2 $?
$T align --min-score abc "$tmp/qe.txt" "$tmp/qr.txt" 2>/dev/null; check min-score-number 2 $?
$T align --format xlsx "$tmp/qe.txt" "$tmp/qr.txt" 2>"$tmp/err"; check format-choices 2 $?
grep -q "tsv, ladder, moses, tmx, jsonl, html" "$tmp/err"; check format-choices-listed 0 $?
# --only-1-1: a pair with a left-out sentence has a 1-0 bead, which --only-1-1 leaves out
printf 'The talks in Geneva lasted four hours.\nNobody commented on the meeting afterwards, the press office said.\nThe Kremlin said the summit was constructive.\n' > "$tmp/oe.txt"
printf 'Переговоры в Женеве продолжались четыре часа.\nВ Кремле заявили, что саммит был конструктивным.\n' > "$tmp/or.txt"
$T align --presegmented --format tsv "$tmp/oe.txt" "$tmp/or.txt" | cut -f4 | grep -q '^1-0$'; check only-1-1-has-null 0 $?
[ "$($T align --presegmented --only-1-1 --format tsv "$tmp/oe.txt" "$tmp/or.txt" | cut -f4 | sort -u)" = 1-1 ]; check only-1-1 0 $?
# -o files get the umask's permissions; an existing file keeps its mode
( umask 022; $T align --presegmented --format tsv -o "$tmp/m.tsv" "$tmp/qe.txt" "$tmp/qr.txt" )
[ "$(stat -c %a "$tmp/m.tsv")" = 644 ]; check output-umask 0 $?
chmod 640 "$tmp/m.tsv"
( umask 022; $T align --presegmented --format tsv -o "$tmp/m.tsv" "$tmp/qe.txt" "$tmp/qr.txt" )
[ "$(stat -c %a "$tmp/m.tsv")" = 640 ]; check output-mode-kept 0 $?
# the review page: the files' names as title (not their paths), a left-out sentence not green
printf 'The talks in Geneva lasted four hours.\nNobody commented on the meeting afterwards, the press office said.\nThe Kremlin said the summit was constructive.\n' > "$tmp/he.txt"
printf 'Переговоры в Женеве продолжались четыре часа.\nВ Кремле заявили, что саммит был конструктивным.\n' > "$tmp/hr.txt"
$T align --presegmented --format html "$tmp/he.txt" "$tmp/hr.txt" > "$tmp/h.html"
grep -q "<title>he.txt / hr.txt</title>" "$tmp/h.html"; check html-title 0 $?
grep -q '<tr class="b null z"' "$tmp/h.html" && grep -q 'lang="ru"' "$tmp/h.html"; check html-left-out-row 0 $?
# TMX: every unit has its own tuid; a bead of several sentences is marked segtype="block"
s=corpora/samples/tass-2021-09-02-moscow-metro
$T align --format tmx $s.en.txt $s.ru.txt > "$tmp/u.tmx"
[ "$(grep -o 'tuid="[0-9]*"' "$tmp/u.tmx" | sort | uniq -d | wc -l)" = 0 ] && [ "$(grep -c '<tu tuid=' "$tmp/u.tmx")" -gt 10 ]; check tmx-tuid 0 $?
nb=$(grep -c 'segtype="block"' "$tmp/u.tmx")
[ "$nb" -gt 0 ] && [ "$nb" = "$($T align --format tsv $s.en.txt $s.ru.txt | cut -f4 | grep -vc -e '^1-1$' -e '-0$' -e '^0-')" ]; check tmx-block 0 $?
# the review page: summary, filter buttons, sticky header, sentence marks in merged cells; 1,000 beads
$T align --format html $s.en.txt $s.ru.txt > "$tmp/r.html"
grep -q '16 beads: 1&nbsp;1-0, 13&nbsp;1-1, 1&nbsp;1-2, 1&nbsp;2-1\. Left out: 1 English sentence' "$tmp/r.html"; check html-summary 0 $?
[ "$(grep -o 'data-f="[a-z0-9]*"' "$tmp/r.html" | tr '\n' ' ')" = 'data-f="all" data-f="non11" data-f="weak" data-f="left" ' ]; check html-filter-buttons 0 $?
grep -q 'thead{position:sticky' "$tmp/r.html"; check html-sticky-header 0 $?
grep -q '<span class="s">Moscow Mayor[^<]*</span> <span class="s">Passengers' "$tmp/r.html"; check html-sentence-marks 0 $?
[ "$(grep -c '<tr class="b' "$tmp/r.html")" = 16 ] && ! grep -q '<script[^>]* src=\|https\?://' "$tmp/r.html"; check html-rows-no-network 0 $?
i=0; : > "$tmp/ke.txt"; : > "$tmp/kr.txt"
while [ $i -lt 1000 ]; do echo "Sentence number $i was said." >> "$tmp/ke.txt"; echo "Предложение номер $i было сказано." >> "$tmp/kr.txt"; i=$((i + 1)); done
$T align --presegmented --no-lexicon --format html -o "$tmp/k.html" "$tmp/ke.txt" "$tmp/kr.txt"; check html-1000 0 $?
[ "$(grep -c '<tr class="b' "$tmp/k.html")" = 1000 ] && [ "$(wc -c < "$tmp/k.html")" -lt 300000 ]; check html-1000-rows 0 $?
# TMX: creationdate from SOURCE_DATE_EPOCH, else the inputs' mtime (the same bytes every run);
# each tuv names its document; the TASS dateline is two units
SOURCE_DATE_EPOCH=1630540800 $T align --format tmx $s.en.txt $s.ru.txt > "$tmp/d.tmx"
[ "$(grep -c 'creationdate="20210902T000000Z"' "$tmp/d.tmx")" = "$(($(grep -c '<tu ' "$tmp/d.tmx") + 1))" ]; check tmx-creationdate-epoch 0 $?
cp "$tmp/he.txt" "$tmp/me.txt"; cp "$tmp/hr.txt" "$tmp/mr.txt"; touch -d '2021-09-02 12:30:00Z' "$tmp/me.txt" "$tmp/mr.txt"
$T align --presegmented --format tmx "$tmp/me.txt" "$tmp/mr.txt" > "$tmp/m1.tmx"; $T align --presegmented --format tmx "$tmp/me.txt" "$tmp/mr.txt" > "$tmp/m2.tmx"
grep -q 'creationdate="20210902T123000Z"' "$tmp/m1.tmx" && cmp -s "$tmp/m1.tmx" "$tmp/m2.tmx"; check tmx-creationdate-mtime 0 $?
SOURCE_DATE_EPOCH=soon $T align --presegmented --format tmx "$tmp/me.txt" "$tmp/mr.txt" 2> "$tmp/err" | grep -q 'creationdate="20210902T123000Z"' && grep -q "SOURCE_DATE_EPOCH" "$tmp/err"; check tmx-creationdate-bad-epoch 0 $?
grep -q '<tuv xml:lang="en"><prop type="x-source">tass-2021-09-02-moscow-metro.en.txt</prop><seg>' "$tmp/d.tmx" && grep -q '<prop type="x-source">tass-2021-09-02-moscow-metro.ru.txt</prop>' "$tmp/d.tmx"; check tmx-x-source 0 $?
grep -q '<tu tuid="3.1"' "$tmp/d.tmx" && grep -q '<seg>MOSCOW, September 2.</seg>' "$tmp/d.tmx" && grep -q '<seg>/TASS/.</seg>' "$tmp/d.tmx" && grep -q '<seg>/ТАСС/.</seg>' "$tmp/d.tmx"; check tmx-dateline-two-units 0 $?
# --tmx-sentences: a 2-1 bead is cut at the comma that fits the lengths; with no comma, or one
# where the lengths do not fit, it stays one block unit
printf 'The talks in Geneva lasted four hours.\nThey ended late at night.\nThe Kremlin said the summit was constructive.\n' > "$tmp/te.txt"
printf 'Переговоры в Женеве продолжались четыре часа, они закончились поздно ночью.\nВ Кремле заявили, что саммит был конструктивным.\n' > "$tmp/tr1.txt"
printf 'Переговоры в Женеве продолжались четыре часа и закончились поздно ночью.\nВ Кремле заявили, что саммит был конструктивным.\n' > "$tmp/tr2.txt"
printf 'Переговоры, в Женеве продолжавшиеся четыре часа и закончившиеся поздно ночью.\nВ Кремле заявили, что саммит был конструктивным.\n' > "$tmp/tr3.txt"
$T align --presegmented --tmx-sentences --format tmx "$tmp/te.txt" "$tmp/tr1.txt" > "$tmp/t1.tmx"
grep -q '<seg>Переговоры в Женеве продолжались четыре часа,</seg>' "$tmp/t1.tmx" && grep -q '<seg>они закончились поздно ночью.</seg>' "$tmp/t1.tmx" && ! grep -q block "$tmp/t1.tmx"; check tmx-sentences-cut 0 $?
$T align --presegmented --format tmx "$tmp/te.txt" "$tmp/tr1.txt" | grep -q 'tuid="1" .*segtype="block"'; check tmx-sentences-off-by-default 0 $?
for k in 2 3; do
  $T align --presegmented --tmx-sentences --format tmx "$tmp/te.txt" "$tmp/tr$k.txt" | grep -q 'tuid="1" .*segtype="block"'; check tmx-sentences-stays-block-$k 0 $?
done
# --presegmented: ladder rungs are the files' line numbers (blank and <p> lines counted), <p> lines are no sentences
printf 'A one.\nTwo here.\n\nThree there.\n<p>\nFour.\n' > "$tmp/le.txt"; printf 'Один.\nДва.\n\n\nТри.\n<p>\nЧетыре.\n' > "$tmp/lr.txt"
[ "$($T align --presegmented --no-lexicon --format ladder "$tmp/le.txt" "$tmp/lr.txt" | cut -f1,2 | tr '\t\n' ' |')" = "0 0|1 1|3 4|5 6|6 7|" ]; check ladder-lines 0 $?
printf 'One here.\nTwo there.\n<p>' > "$tmp/pe.txt"; printf 'Один.\nДва.\n<p>' > "$tmp/pr.txt"
[ "$($T align --presegmented --no-lexicon --format ladder "$tmp/pe.txt" "$tmp/pr.txt" | tail -1 | cut -f1,2 | tr '\t' ' ')" = "3 3" ]; check ladder-lines-last-p 0 $?
[ "$($T align --presegmented --no-lexicon --format tsv "$tmp/le.txt" "$tmp/lr.txt" | cut -f1 | tr '\n' '|')" = "A one.|Two here.|Three there.|Four.|" ]; check presegmented-p-mark 0 $?
[ "$($T align --no-lexicon --format ladder "$tmp/le.txt" "$tmp/lr.txt" | tail -1 | cut -f1,2 | tr '\t' ' ')" = "5 5" ]; check ladder-sentences-raw 0 $?
# talign segment's output (blank lines or, with --format hunalign, <p> lines between paragraphs)
# fed back with --presegmented: each rung's line is where its bead's TSV text starts
printf 'Headline here\n\nFirst one. Second one.\nThird para.\n' > "$tmp/se.txt"
[ "$($T segment --format hunalign "$tmp/se.txt" | tr '\n' '|')" = "Headline here|<p>|First one.|Second one.|<p>|Third para.|" ]; check segment-hunalign 0 $?
for f in text hunalign; do
  $T segment --format $f $s.en.txt > "$tmp/s.en"; $T segment --lang ru --format $f $s.ru.txt > "$tmp/s.ru"
  $T align --presegmented --format ladder "$tmp/s.en" "$tmp/s.ru" | sed '$d' > "$tmp/s.ladder"
  $T align --presegmented --format tsv "$tmp/s.en" "$tmp/s.ru" > "$tmp/s.tsv"
  bad=0; k=0
  while IFS='	' read -r i j sc; do
    k=$((k + 1)); row=$(sed -n "${k}p" "$tmp/s.tsv")
    en=$(sed -n "$((i + 1))p" "$tmp/s.en"); ru=$(sed -n "$((j + 1))p" "$tmp/s.ru")
    e=$(printf '%s' "$row" | cut -f1); r=$(printf '%s' "$row" | cut -f2)
    # a rung on a blank line would read "" and match any text: a non-empty side needs a line
    { [ -z "$e" ] || { [ -n "$en" ] && case "$e" in "$en"*) true;; *) false;; esac; }; } &&
      { [ -z "$r" ] || { [ -n "$ru" ] && case "$r" in "$ru"*) true;; *) false;; esac; }; } || bad=1
  done < "$tmp/s.ladder"
  [ $bad = 0 ] && [ "$k" -gt 10 ] && [ "$k" = "$(wc -l < "$tmp/s.tsv")" ]; check ladder-matches-segment-$f 0 $?
done
# whole sentences (issue 15): in the TSV `make demo` writes for each sample pair (the same align
# command), every unit boundary is a sentence end of `talign segment`: the aligner may join
# sentences, never cut one ("... dialogue, Russian | Ambassador to the US", "Colonial |
# Pipeline" were cut once)
ends() { # text on stdin: the offsets (white space left out) where its non-empty lines end
  awk '{ gsub(/[ \t]/, ""); n += length($0); if (length($0)) print n }'
}
for en in corpora/samples/*.en.txt; do
  ru=${en%.en.txt}.ru.txt; n=$(basename "${en%.en.txt}")
  $T align --format tsv "$en" "$ru" > "$tmp/w.tsv"
  inside=0
  for c in 1 2; do
    if [ $c = 1 ]; then l=en f=$en; else l=ru f=$ru; fi
    $T segment --lang $l "$f" | ends > "$tmp/w.seg"
    cut -f$c "$tmp/w.tsv" | ends | sed '$d' > "$tmp/w.units"
    inside=$((inside + $(grep -cvxFf "$tmp/w.seg" "$tmp/w.units")))
  done
  [ "$(wc -l < "$tmp/w.units")" -gt 10 ] && [ "$inside" = 0 ]; check "whole-sentences-$n" 0 $?
done
s=corpora/samples/tass-2021-06-22-antonov-cyber-security
$T align --format tsv $s.en.txt $s.ru.txt > "$tmp/w.tsv"
grep -q "^Russia hopes the US will .* Anatoly Antonov told reporters on Monday\.	" "$tmp/w.tsv" &&
  ! grep -q -e "Russian	" -e "	Pipeline" -e "Colonial	" "$tmp/w.tsv"; check whole-sentences-demo-cuts 0 $?
# long documents (1 MB or more) run again with glibc's huge-page heap (cli_huge_heap): the same
# output and exit code as with $GLIBC_TUNABLES set (no re-exec), options after the files too
$T segment $s.en.txt > "$tmp/one.en" && $T segment --lang ru $s.ru.txt > "$tmp/one.ru"
for i in $(seq 150); do cat "$tmp/one.en"; done > "$tmp/long en.txt"
for i in $(seq 150); do cat "$tmp/one.ru"; done > "$tmp/long.ru"
[ "$(cat "$tmp/long en.txt" "$tmp/long.ru" | wc -c)" -ge 1048576 ]; check huge-heap-input-large 0 $?
$T align "$tmp/long en.txt" "$tmp/long.ru" --presegmented --format tsv > "$tmp/h1.tsv"; check huge-heap-exit 0 $?
GLIBC_TUNABLES= $T align --presegmented --format tsv "$tmp/long en.txt" "$tmp/long.ru" > "$tmp/h2.tsv"
[ -s "$tmp/h1.tsv" ] && cmp -s "$tmp/h1.tsv" "$tmp/h2.tsv"; check huge-heap-same-output 0 $?
exit $fail
