#!/bin/sh
# The README's GNU parallel recipe, on this machine (--sshlogin : is the local host): one
# `talign corpus --shard K/N` per job, then `talign corpus merge`; the merged output must equal
# a single run byte for byte. Installs nothing (`sh scripts/deps.sh cluster` does).
set -u
T=${TALIGN:-bin/talign}
case $T in /*) ;; *) T=$PWD/$T ;; esac
command -v parallel >/dev/null || { echo "FAIL parallel: GNU parallel missing (sh scripts/deps.sh cluster)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
docs="antonov-cyber-security arctic-expedition moscow-metro"
i=0; : > "$tmp/manifest.tsv"
while [ $i -lt 10 ]; do
  for d in $docs; do
    e=$(ls "$PWD"/corpora/samples/*-$d.en.txt)
    printf 'doc%02d-%s\t%s\t%s\n' $i $d "$e" "${e%.en.txt}.ru.txt" >> "$tmp/manifest.tsv"
  done
  i=$((i + 1))
done
N=4
seq 1 $N | parallel --will-cite --sshlogin 2/: \
  "$T" corpus -q -j 1 --dedup --shard {}/$N -o "$tmp/shard{}.tmx.gz" "$tmp/manifest.tsv" ||
  { echo "FAIL parallel-shards: a job failed"; exit 1; }
"$T" corpus merge -q --dedup -o "$tmp/merged.tmx.gz" $(seq -f "$tmp/shard%g.tmx.gz" 1 $N) ||
  { echo "FAIL parallel-merge"; exit 1; }
"$T" corpus -q --dedup -o "$tmp/single.tmx.gz" "$tmp/manifest.tsv"
if cmp -s "$tmp/single.tmx.gz" "$tmp/merged.tmx.gz"; then
  echo "ok   parallel-merged-equals-single"
else
  echo "FAIL parallel-merged-equals-single: merged shards differ from a single run"; exit 1
fi
