#!/bin/sh
# make demo: aligns every sample article pair in corpora/samples and writes out/NAME.tmx,
# out/NAME.html and out/NAME.tsv.
set -e
cd "$(dirname "$0")/.."
mkdir -p out
for en in corpora/samples/*.en.txt; do
  ru=${en%.en.txt}.ru.txt
  name=$(basename "${en%.en.txt}")
  [ -f "$ru" ] || continue
  bin/talign align --format tmx -o "out/$name.tmx" "$en" "$ru"
  bin/talign align --format html -o "out/$name.html" "$en" "$ru"
  bin/talign align --format tsv -o "out/$name.tsv" "$en" "$ru"
  if command -v xmllint >/dev/null 2>&1; then xmllint --noout "out/$name.tmx"; fi
  echo "talign demo: out/$name.tmx, out/$name.html ($(wc -l < "out/$name.tsv") beads)"
done
echo "First beads of out/$name.tsv:"
head -n 6 "out/$name.tsv" | cut -c1-160
