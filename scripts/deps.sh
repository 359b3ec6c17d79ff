#!/bin/sh
# Installs the Debian 12 packages talign needs; does nothing when all are present. bin/talign
# links the static archives of the -dev packages: liblzma-dev (libxml2's) and g++ (libstdc++.a).
# `deps.sh fuzz` adds clang and its libFuzzer runtime for `make fuzz`; `deps.sh cluster` adds
# Slurm (slurm-wlm, munge) and GNU parallel for tests/slurm_test.sh and tests/parallel_test.sh;
# `deps.sh interop` adds the translators' tools tests/interop_test.sh drives: OmegaT (its jar holds
# the TMX 1.4b DTD), translate-toolkit, headless Chromium and unzip.
set -e
PKGS="libicu-dev libhunspell-dev hunspell-en-us hunspell-ru libcriterion-dev libstemmer-dev \
zlib1g-dev libxxhash-dev mueller7-dict pkg-config libxml2-dev libxml2-utils python3 \
liblzma-dev g++"
[ "${1:-}" = fuzz ] && PKGS="$PKGS clang libclang-rt-14-dev"
[ "${1:-}" = cluster ] && PKGS="$PKGS slurm-wlm munge parallel"
[ "${1:-}" = interop ] && PKGS="$PKGS omegat translate-toolkit chromium unzip"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "talign: installing missing packages:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
