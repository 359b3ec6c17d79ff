#!/bin/sh
# The library's surface: every symbol libtalign.a defines for others starts with ta_, the library
# never reads the environment (no getenv/secure_getenv), the CLI includes no project header but
# include/talign.h (and its own cli.h, corpus.h), every fallible call of the header takes a
# ta_error, and the library's folders form layers (LAYERS, lowest first): a file includes headers
# and calls functions of its own layer or a lower one only (so nothing in lexicon/ reaches into
# align/). LIB=build/libtalign.a by default; its objects are read next to it.
set -u
lib=${LIB:-build/libtalign.a}
fail=0
check() { # check NAME OUTPUT_THAT_MUST_BE_EMPTY
  if [ -n "$2" ]; then echo "FAIL $1:"; echo "$2" | sed 's/^/    /'; fail=1; else echo "ok   $1"; fi
}
[ -f "$lib" ] || { echo "FAIL no $lib"; exit 1; }
bad=$(nm -g --defined-only "$lib" | awk 'NF == 3 && $3 !~ /^ta_/ { print $3 }')
check exported-symbols-prefixed "$bad"
env=$(nm -A "$lib" | awk '$NF ~ /^(secure_)?getenv$/ { print $1, $NF }')
check no-getenv "$env"
LAYERS="base lexicon align/text align/segment align/aligner align/check corpora"
layer_awk='function layer(p,   i, n, l) { n = split(L, l, " "); for (i = n; i >= 1; i--)
             if (index(p, l[i] "/") == 1) return i; return 0 }'
# calls: an undefined symbol of an object is defined by an object of a higher layer
objdir=$(dirname "$lib")
calls=$(cd "$objdir" && for l in $LAYERS; do nm -A "$l"/*.o; done 2>/dev/null |
  awk -v L="$LAYERS" "$layer_awk"'
    { split($1, f, ":"); o = f[1] }
    $2 == "U" { use[++n] = o; sym[n] = $3; next }
    $2 ~ /^[TDBRC]$/ { def[$3] = o }
    END { for (i = 1; i <= n; i++) if ((sym[i] in def) && layer(def[sym[i]]) > layer(use[i]))
            print use[i] " calls " sym[i] " of " def[sym[i]] }' | sort -u)
[ -n "$(ls "$objdir"/base/*.o 2>/dev/null)" ] || calls="no objects in $objdir/base"
check layers-calls-go-down "$calls"
# includes: a quoted header (header names are unique across the folders) of a higher layer
hdrs=$(for l in $LAYERS; do ls "$l"/*.h 2>/dev/null; done)
incs=$(for l in $LAYERS; do for f in "$l"/*.c "$l"/*.h; do [ -f "$f" ] &&
         sed -n "s|^#include \"\([^\"]*\)\".*|$f \1|p" "$f"; done; done |
  awk -v L="$LAYERS" -v H="$hdrs" "$layer_awk"'
    BEGIN { n = split(H, h, " "); for (i = 1; i <= n; i++) { b = h[i]; sub(/.*\//, "", b); at[b] = h[i] } }
    { b = $2; sub(/.*\//, "", b); t = at[b]
      if (t != "" && layer(t) > layer($1)) print $1 " includes " t }' | sort -u)
check layers-includes-go-down "$incs"
# any #include "x.h" or <x.h> naming a header of the library's folders (LAYERS)
inc=$({ for h in $hdrs; do
        grep -Hn "#include [\"<]\(.*/\)\?$(basename "$h")[\">]" cli/*.c cli/*.h; done
      grep -Hn '#include "' cli/*.c cli/*.h | grep -v '#include "\(talign\|cli\|corpus\)\.h"'; } | sort -u)
check cli-includes-only-talign.h "$inc"
# every call returning a ta_status ends with `ta_error *err` but the memory-only per-unit calls
# the header names
noerr=$(tr '\n' ' ' < include/talign.h | grep -o 'ta_status ta_[a-z_0-9]*([^;]*);' |
        grep -v 'ta_error \*err);' | sed 's/^ta_status \(ta_[a-z_0-9]*\)(.*/\1/' |
        grep -vx 'ta_unit_text\|ta_dedup_new\|ta_dedup_add')
check fallible-calls-take-ta_error "$noerr"
exit $fail
