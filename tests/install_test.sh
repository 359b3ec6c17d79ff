#!/bin/sh
# make install into a temporary PREFIX: the installed binary finds its lexicon, a program
# built with `pkg-config talign` links the installed library, the man page is well-formed.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { # check NAME EXPECTED_CODE ACTUAL_CODE
  if [ "$2" != "$3" ]; then echo "FAIL $1: exit $3, expected $2"; fail=1; else echo "ok   $1"; fi
}
make -s install PREFIX="$tmp/p" > "$tmp/log" 2>&1; check install 0 $?
s=corpora/samples/tass-2021-09-02-moscow-metro
if [ -f lexicon/en-ru.lex ]; then
  "$tmp/p/bin/talign" align --format tsv $s.en.txt $s.ru.txt > "$tmp/a.tsv" 2> "$tmp/err"; check installed-align 0 $?
  ! grep -q "no lexicon" "$tmp/err"; check installed-lexicon-found 0 $?
  bin/talign align --format tsv $s.en.txt $s.ru.txt | cmp -s - "$tmp/a.tsv"; check installed-same-output 0 $?
fi
for f in lexicon/forms.*; do # the word-form files beside the installed lexicon, where it looks
  [ -f "$f" ] || continue
  cmp -s "$f" "$tmp/p/share/talign/${f#lexicon/}"; check "installed-${f#lexicon/}" 0 $?
done
"$tmp/p/bin/talign" version | grep -q "^talign "; check installed-version 0 $?
cat > "$tmp/use.c" <<'C'
#include <talign.h>
#include <stdio.h>
#include <string.h>
int main(void)
{
    ta_aligner *a = NULL;
    ta_pair *p = NULL;
    const char *en = "The talks lasted four hours.\n", *ru = "Переговоры длились четыре часа.\n";
    ta_aligner_opts o = ta_aligner_opts_default();
    o.presegmented = true;
    if (ta_aligner_new(&o, NULL, &a, NULL) || ta_aligner_run(a, en, strlen(en), ru, strlen(ru), &p, NULL))
        return 1;
    ta_corpus c;
    ta_pair_corpus(p, &c);
    printf("%zu %s\n", c.n_beads, TA_VERSION);
    ta_pair_free(p);
    ta_aligner_free(a);
    return c.n_beads == 1 ? 0 : 1;
}
C
PKG_CONFIG_PATH="$tmp/p/lib/pkgconfig" cc -std=c11 "$tmp/use.c" -o "$tmp/use" \
  $(PKG_CONFIG_PATH="$tmp/p/lib/pkgconfig" pkg-config --cflags --libs --static talign) 2> "$tmp/cc"
check pkg-config-build 0 $?
"$tmp/use" > /dev/null; check pkg-config-run 0 $?
if command -v groff > /dev/null; then
  groff -k -man -Tutf8 -ww "$tmp/p/share/man/man1/talign.1" > "$tmp/man.txt" 2> "$tmp/manerr" && [ ! -s "$tmp/manerr" ]
  check man-page 0 $?
fi
exit $fail
