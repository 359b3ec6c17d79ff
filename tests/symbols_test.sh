#!/bin/sh
# The library's surface: every symbol libtalign.a defines for others starts with ta_, the library
# never reads the environment (no getenv/secure_getenv), the CLI includes no project header but
# include/talign.h (and its own cli.h, corpus.h), and every fallible call of the header takes a
# ta_error. LIB=build/libtalign.a by default.
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
# any #include "x.h" or <x.h> naming a header of the library's folders (align/ lexicon/ corpora/)
inc=$({ for h in $(cd align && ls *.h */*.h 2>/dev/null) $(cd lexicon && ls *.h 2>/dev/null) \
                $(cd corpora && ls *.h 2>/dev/null); do
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
