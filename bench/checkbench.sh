#!/bin/sh
# checkbench.sh — builds bench/checkbench.c against build/libtalign.a (run `make` first) and runs
# it: false alarms of the QA checks on line-aligned professional translations. Arguments go to
# the program: [-v] [-q] [-c CHECKS] [DIR] (default /work/shared/data/wmt21).
set -e
cd "$(dirname "$0")/.."
PKGS="icu-uc icu-i18n hunspell libxml-2.0"
mkdir -p build/bench
cc -O2 -g -std=c11 -Wall -Wextra -Wpedantic -Iinclude -Ialign -Ilexicon $(pkg-config --cflags $PKGS) \
    bench/checkbench.c build/libtalign.a $(pkg-config --libs $PKGS) -lstemmer -lz -lm -lpthread \
    -o build/bench/checkbench
exec build/bench/checkbench "$@"
