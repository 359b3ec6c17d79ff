#!/bin/sh
# slurm-corpus.sh — talign corpus on a Slurm cluster: an array job, one shard a task, then a
# merge job that runs when every task has succeeded (--dependency=afterok).
#
#   scripts/slurm-corpus.sh [-n SHARDS] [-c CPUS] [-b TALIGN] [-p PARTITION] -o OUT MANIFEST [-- OPTIONS]
#
# OPTIONS go to every `talign corpus` (e.g. --dedup --min-score 0.5 --format tsv); with --dedup
# the merge dedups across shards too. Shards are written beside OUT as OUT.shardK (of the same
# format and compression) and removed after the merge. Prints the merge job's id; wait for it
# with `squeue -j ID` or `sacct -j ID`. A failed task can be rerun alone (it resumes: --resume).
set -eu
n=4 cpus=2 bin=talign part="" out="" 
while [ $# -gt 0 ]; do
  case $1 in
    -n) n=$2; shift 2 ;;
    -c) cpus=$2; shift 2 ;;
    -b) bin=$2; shift 2 ;;
    -p) part="--partition=$2"; shift 2 ;;
    -o) out=$2; shift 2 ;;
    --) shift; break ;;
    -*) echo "slurm-corpus.sh: unknown option $1" >&2; exit 2 ;;
    *) manifest=$1; shift ;;
  esac
done
[ -n "$out" ] && [ -n "${manifest:-}" ] || { sed -n '2,12p' "$0" >&2; exit 2; }
opts="$*"
dedup=""; case " $opts " in *" --dedup "*) dedup=--dedup ;; esac
fmt=""; set -- $opts
while [ $# -gt 0 ]; do [ "$1" = --format ] && fmt="--format $2"; shift; done
case $out in *.gz) base=${out%.gz}; gz=.gz ;; *) base=$out; gz="" ;; esac
shard() { echo "$base.shard$1$gz"; }
# the shards' names in order, for the merge
list=""; k=1
while [ "$k" -le "$n" ]; do list="$list $(shard $k)"; k=$((k + 1)); done
logs=$(dirname "$out")
array=$(sbatch --parsable $part --array=1-"$n" --cpus-per-task="$cpus" \
  --job-name=talign-corpus --output="$logs/talign-corpus-%A_%a.log" \
  --wrap="$bin corpus -q --resume -j $cpus --shard \$SLURM_ARRAY_TASK_ID/$n $opts -o $base.shard\$SLURM_ARRAY_TASK_ID$gz $manifest; rc=\$?; [ \$rc -le 1 ] || exit \$rc")
merge=$(sbatch --parsable $part --dependency=afterok:"$array" --job-name=talign-merge \
  --output="$logs/talign-merge-%j.log" \
  --wrap="$bin corpus merge $dedup $fmt -o $out$list && for s in$list; do rm -f \$s \${s%$gz}.report.json; done")
echo "$merge"
