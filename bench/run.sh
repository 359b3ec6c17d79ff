#!/bin/sh
# make bench: prints segmentation figures, segmentation speed and alignment figures.
# The evaluation data lives in ../shared (not in this repository).
SH=${SHARED:-../shared}
[ -d "$SH/data" ] || { echo "bench: $SH/data not found (set SHARED=...)"; exit 0; }
echo "== segmentation accuracy"; python3 bench/segeval.py bin/talign "$SH/data" "$SH/eval"
echo "== segmentation speed"; sh bench/segspeed.sh "$SH"
echo "== alignment"; sh bench/aligneval.sh bin/talign "$SH"
