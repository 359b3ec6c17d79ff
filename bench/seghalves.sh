#!/bin/sh
# WMT21 end to end by halves (issue 15): the 172 e2e cases of mkcases.py split by document id
# (even / odd), each aligned with `talign align --format tsv` and scored with score.py e2e
# (link F1) and cuts.py (cuts inside gold sentences, whole beads); with REF_DIR (plain ICU
# sentences as DOC.seg.en / DOC.seg.ru, see cuts.py) cuts at a real sentence end are told
# from the rest. Tune on one half, read the other: a gain on one half only is a fit.
#   bench/seghalves.sh [SHARED_DIR] [REF_DIR]     BIN (default bin/talign), OPTS: align options
SH=${1:-../shared}
REF=${2:-}
BIN=${BIN:-bin/talign}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
python3 "$SH/eval/mkcases.py" "$SH/data/wmt21" "$T/cases" 1 > /dev/null || exit 1
for h in even odd; do mkdir -p "$T/$h/gold" "$T/$h/sys" "$T/$h/seg" "$T/$h/ref"; done
for p in "$T"/cases/e2e/*.para.en; do
    d=$(basename "${p%.para.en}"); id=${d##*.}
    h=$([ $((id % 2)) -eq 0 ] && echo even || echo odd)
    cp "$T/cases/e2e/$d.en" "$T/cases/e2e/$d.ru" "$T/$h/gold/"
    # shellcheck disable=SC2086
    "$BIN" align --format tsv $OPTS "$p" "${p%.en}.ru" > "$T/$h/sys/$d.tsv" 2>/dev/null
    for l in en ru; do
        "$BIN" segment --lang $l "${p%.en}.$l" 2>/dev/null | grep -v '^$' > "$T/$h/seg/$d.seg.$l"
        [ -n "$REF" ] && cp "$REF/$d.seg.$l" "$T/$h/ref/"
    done
done
for h in even odd; do
    f1=$(python3 "$SH/eval/score.py" e2e "$T/$h/gold" "$T/$h/sys" | grep F1)
    cuts=$(python3 "$SH/eval/cuts.py" "$T/$h/gold" "$T/$h/sys" "$T/$h/seg" ${REF:+"$T/$h/ref"} -n 0 | tr '\n' ' ')
    echo "wmt21 e2e $h: $f1 | $cuts"
done
