#!/bin/sh
# Hostile input: every case gets its documented exit code and a message, no crash, no leak (the
# ASan build's LeakSanitizer turns a leak into exit 23), and an output that is complete or absent.
# TALIGN = the binary under test; LEX = a lexicon file to cut (default lexicon/en-ru.lex, skipped
# when absent).
set -u
T=${TALIGN:-bin/talign}
LEX=${LEX:-lexicon/en-ru.lex}
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fail=0
check() { # check NAME EXPECTED_CODE ACTUAL_CODE
  if [ "$2" != "$3" ]; then echo "FAIL $1: exit $3, expected $2"; fail=1; else echo "ok   $1"; fi
}
says() { # says NAME PATTERN FILE: the message names what went wrong
  if grep -q -- "$2" "$3"; then echo "ok   $1"; else echo "FAIL $1: no '$2' in: $(cat "$3")"; fail=1; fi
}
printf 'The city council met. It voted.\n' > "$tmp/en.txt"
printf 'Городской совет собрался. Он проголосовал.\n' > "$tmp/ru.txt"

# empty and white-space-only files
: > "$tmp/empty"
printf ' \n\t\n \r\n\n' > "$tmp/blank"
for f in empty blank; do
  out=$($T segment "$tmp/$f" 2>"$tmp/err"); check "$f-segment" 0 $?
  [ -z "$out" ]; check "$f-segment-nothing" 0 $?
  $T align -o "$tmp/$f.tsv" "$tmp/$f" "$tmp/$f" 2>"$tmp/err"; check "$f-align" 0 $?
  [ -e "$tmp/$f.tsv" ] && [ ! -s "$tmp/$f.tsv" ]; check "$f-align-empty-output" 0 $?
done
$T align "$tmp/en.txt" "$tmp/empty" > "$tmp/out" 2>"$tmp/err"; check empty-side 0 $?
says empty-side-warns "no sentences" "$tmp/err"
[ "$(wc -l < "$tmp/out")" = 2 ]; check empty-side-all-left-out 0 $?

# one 50 MB line, and 1,000,000 one-character lines
awk 'BEGIN { s = "the cat sat on the mat, and then it looked around "; l = "";
             for (i = 0; i < 1000000; i++) printf "%s", s; printf "end.\n" }' > "$tmp/long"
$T segment "$tmp/long" > "$tmp/out" 2>"$tmp/err"; check long-line 0 $?
[ "$(wc -c < "$tmp/out")" -gt 50000000 ]; check long-line-output 0 $?
awk 'BEGIN { for (i = 0; i < 1000000; i++) print substr("ABCDEFGHIJ", i % 10 + 1, 1) }' > "$tmp/many"
$T segment "$tmp/many" > "$tmp/out" 2>"$tmp/err"; check many-lines 0 $?
[ "$(grep -c . "$tmp/out")" = 1000000 ]; check many-lines-output 0 $?

# markup and quotes that never close: --clean and the quote rule stay linear (each of these
# took 40-50 s per MB when every opening searched to the end of the text)
unclosed() { # unclosed NAME PATTERN: 200,000 copies of PATTERN on one line
  awk -v p="$2" 'BEGIN { for (i = 0; i < 200000; i++) printf "%s", p; print "" }' > "$tmp/open"
  timeout 20 $T segment --clean "$tmp/open" > /dev/null 2>"$tmp/err"; check "unclosed-$1" 0 $?
}
unclosed comment '<!--'
unclosed script '<script>'
unclosed attribute '<a href="'
unclosed shown-tag "&lt;b x='"
unclosed single-quote " 'a. B"
unclosed curly-quote ' \xe2\x80\x98a. B'
# one line of 200,000 different lowercase words each followed by a capitalised one (every
# place a glued headline might end), after an opening quote and with ")" closing each: the
# restated-headline and quoted-sentence rules look only so far ahead (5 s a MB before)
awk 'BEGIN { srand(7); printf "\"";
             for (i = 0; i < 400000; i++) { w = "";
               for (k = 0; k < 6; k++) w = w sprintf("%c", 97 + int(rand() * 26));
               printf "%s%s ", (i % 2 ? toupper(substr(w, 1, 1)) substr(w, 2) : w), (i % 2 ? ")" : "") }
             print "" }' > "$tmp/caps"
for l in en ru; do
  timeout 20 $T segment --lang $l "$tmp/caps" > /dev/null 2>"$tmp/err"; check "glued-capitals-$l" 0 $?
done

# every class of invalid UTF-8: the byte offset and what to do
for c in 'overlong \300\257' 'overlong3 \340\200\257' 'surrogate \355\240\200' \
         'truncated \342\202' 'stray \200' 'five-byte \370\210\200\200\200' 'above-10FFFF \364\220\200\200'; do
  name=${c%% *}; bytes=${c#* }
  printf "Good text. $bytes More.\n" > "$tmp/bad"
  $T segment -o "$tmp/bad.out" "$tmp/bad" 2>"$tmp/err"; check "utf8-$name" 3 $?
  says "utf8-$name-offset" "byte offset 11" "$tmp/err"
  says "utf8-$name-hint" "--encoding" "$tmp/err"
  [ ! -e "$tmp/bad.out" ]; check "utf8-$name-no-output" 0 $?
done
printf 'Good text. \342\202' > "$tmp/cut"   # cut inside the last character
$T segment "$tmp/cut" 2>"$tmp/err"; check utf8-cut-at-end 3 $?

# UTF-16 without a byte order mark reads like UTF-8; NUL bytes in UTF-8 do not
printf 'Москва. Пока.\n' > "$tmp/u8"
iconv -f UTF-8 -t UTF-16LE "$tmp/u8" > "$tmp/u16"
[ "$($T segment --lang ru "$tmp/u16")" = "$($T segment --lang ru "$tmp/u8")" ]; check utf16-no-bom 0 $?
printf 'one\000two. three\n' > "$tmp/nul"
$T segment "$tmp/nul" 2>"$tmp/err"; check nul-bytes 3 $?
says nul-bytes-offset "byte offset 3" "$tmp/err"

# not a regular file, no file, no room for the output
$T segment "$tmp" 2>"$tmp/err"; check directory 3 $?
says directory-says "directory" "$tmp/err"
mkfifo "$tmp/fifo"
TALIGN_FIFO_WAIT=1 $T segment "$tmp/fifo" 2>"$tmp/err"; check fifo-no-writer 3 $?
says fifo-no-writer-says "pipe" "$tmp/err"
TALIGN_FIFO_WAIT=1 $T segment "$tmp/fifo" 2>"$tmp/err"; says fifo-wait-from-env "in 1 s" "$tmp/err"
# the command hands $TALIGN_DATA to the library (which reads no environment) for every data file
mkdir "$tmp/data" && cp lexicon/abbrev.* lexicon/starters.* lexicon/stopwords.* lexicon/titl* \
  lexicon/boilerplate.txt lexicon/numbers.* lexicon/months.* lexicon/clause.* lexicon/endings.* lexicon/roles.* "$tmp/data/" &&
  printf 'c 1.0\ns2 x\n' > "$tmp/data/params.en-ru"
a=corpora/samples/tass-2021-07-14-arctic-expedition
TALIGN_DATA="$tmp/data" $T align --no-lexicon $a.en.txt $a.ru.txt >/dev/null 2>"$tmp/err"
check data-dir-params 3 $?
says data-dir-params-says "$tmp/data/params.en-ru, line 2" "$tmp/err"
(printf 'One. Two.\n' > "$tmp/fifo") &
[ "$($T segment "$tmp/fifo" | wc -l)" = 2 ]; check fifo-with-writer 0 $?
wait
$T align "$tmp/en.txt" "$tmp/missing.txt" 2>"$tmp/err"; check missing 3 $?
says missing-named "missing.txt" "$tmp/err"
mkdir "$tmp/ro"; chmod 555 "$tmp/ro"
if touch "$tmp/ro/probe" 2>/dev/null; then  # root writes anywhere: a path under a file instead
  $T align -o /proc/version/out.tsv "$tmp/en.txt" "$tmp/ru.txt" 2>"$tmp/err"; check unwritable-output 4 $?
  says unwritable-output-named "out.tsv" "$tmp/err"
  echo "skip unwritable-output-nothing-left: running as root, no folder is read-only"
else
  $T align -o "$tmp/ro/out.tsv" "$tmp/en.txt" "$tmp/ru.txt" 2>"$tmp/err"; check unwritable-output 4 $?
  says unwritable-output-named "out.tsv" "$tmp/err"
  [ -z "$(ls "$tmp/ro")" ]; check unwritable-output-nothing-left 0 $?
fi

# a 1:1000 length ratio: aligned anyway, every sentence once, with a warning
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "Предложение номер %d.\n", i }' > "$tmp/ru3000"
$T align "$tmp/en.txt" "$tmp/ru3000" > "$tmp/out" 2>"$tmp/err"; check ratio-1-1000 0 $?
says ratio-1-1000-warns "counterparts" "$tmp/err"
[ "$(cut -f2 "$tmp/out" | grep -o 'Предложение' | wc -l)" = 3000 ]; check ratio-1-1000-complete 0 $?

# mixed scripts
printf 'Привет, world! 你好。 مرحبا بكم. 🙂 Ok? Ελληνικά κείμενα. Done.\n' > "$tmp/mixed"
$T segment "$tmp/mixed" > "$tmp/out" 2>"$tmp/err"; check mixed-scripts 0 $?
$T align --format html -o "$tmp/mixed.html" "$tmp/mixed" "$tmp/mixed" 2>"$tmp/err"; check mixed-scripts-align 0 $?

# a lexicon file cut at many offsets: refused by name, never read as garbage
if [ -f "$LEX" ]; then
  size=$(wc -c < "$LEX")
  for off in 0 1 7 16 64 1000 65536 $((size / 3)) $((size / 2)) $((size - 1)); do
    head -c "$off" "$LEX" > "$tmp/cut.lex"
    $T lexicon stats "$tmp/cut.lex" > /dev/null 2>"$tmp/err"; check "lexicon-cut-$off" 3 $?
    says "lexicon-cut-$off-named" "cut.lex" "$tmp/err"
  done
  $T align --lexicon "$tmp/cut.lex" "$tmp/en.txt" "$tmp/ru.txt" > /dev/null 2>&1; check lexicon-cut-align 3 $?
else
  echo "skip lexicon-cut: no $LEX"
fi
exit $fail
