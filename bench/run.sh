#!/bin/sh
# make bench: prints every figure the issues ask for. The evaluation data lives in ../shared
# (or $SHARED), never in this repository.
SH=${SHARED:-../shared}
[ -d "$SH/data" ] || { echo "bench: $SH/data not found (set SHARED=...)"; exit 0; }
echo "== segmentation accuracy"; python3 bench/segeval.py bin/talign "$SH/data" "$SH/eval"
echo "== segmentation speed"; sh bench/segspeed.sh "$SH"
echo "== lexicon"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
bin/talign lexicon learn -o "$T/learned.lex" --parallel "$SH/data/wmt12-20/news.en" "$SH/data/wmt12-20/news.ru"
build/lexcover "$SH/data/wmt21" lexicon/en-ru.lex "$T/learned.lex"
echo "== alignment"; sh bench/aligneval.sh bin/talign "$SH"
echo "== segment integrity of aligned output"; sh bench/cuts.sh bin/talign "$SH"
