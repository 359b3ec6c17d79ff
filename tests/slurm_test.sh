#!/bin/sh
# A one-node Slurm cluster on this machine (munged, slurmctld, slurmd with a generated
# slurm.conf, all as root, state in a temp folder): scripts/slurm-corpus.sh runs an array job
# of `talign corpus` shards and the merge; the merged output must equal a single-machine run
# byte for byte. Installs nothing (`sh scripts/deps.sh cluster` does). TALIGN = the binary.
set -u
T=${TALIGN:-bin/talign}
case $T in /*) ;; *) T=$PWD/$T ;; esac
SRC=$PWD
for tool in munged mungekey slurmctld slurmd sbatch squeue sinfo; do
  command -v $tool >/dev/null 2>&1 || PATH=$PATH:/usr/sbin command -v $tool >/dev/null 2>&1 ||
    { echo "FAIL slurm: $tool missing (run: sh scripts/deps.sh cluster)"; exit 1; }
done
PATH=$PATH:/usr/sbin
[ "$(id -u)" = 0 ] || { echo "FAIL slurm: the daemons run as root here; run as root"; exit 1; }
tmp=$(mktemp -d /tmp/talign-slurm.XXXXXX)
chmod 755 "$tmp"
pids=""
stop() {
  for p in $pids; do kill "$p" 2>/dev/null; done
  sleep 1
  for p in $pids; do kill -9 "$p" 2>/dev/null; done
  [ -n "${KEEP:-}" ] || rm -rf "$tmp"
}
trap stop EXIT
die() { echo "FAIL slurm: $*"; for f in "$tmp"/*.log; do echo "== $f"; tail -20 "$f"; done; exit 1; }
host=$(hostname -s)
port=$((20000 + $$ % 20000))
mkdir -p "$tmp/munge" "$tmp/state" "$tmp/spool" "$tmp/out"
chmod 711 "$tmp/munge"
mungekey -c -k "$tmp/munge/munge.key" 2>/dev/null ||
  { dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1 count=1024 2>/dev/null; chmod 400 "$tmp/munge/munge.key"; }
munged -F --force --key-file="$tmp/munge/munge.key" --socket="$tmp/munge/munge.socket" \
  --pid-file="$tmp/munge/munged.pid" --log-file="$tmp/munged.log" --seed-file="$tmp/munge/seed" \
  2>>"$tmp/munged.log" &
pids="$pids $!"
cat > "$tmp/slurm.conf" <<CONF
ClusterName=talign
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$tmp/munge/munge.socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/builtin
NodeName=$host CPUs=2 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$tmp/slurm.conf
sleep 1
slurmctld -D -i -f "$SLURM_CONF" >"$tmp/slurmctld.out.log" 2>&1 &
pids="$pids $!"
slurmd -D -f "$SLURM_CONF" >"$tmp/slurmd.out.log" 2>&1 &
pids="$pids $!"
k=0
until [ "$(sinfo -h -o %T 2>/dev/null | head -1)" = idle ]; do
  k=$((k + 1)); [ $k -gt 60 ] && die "the node did not come up (sinfo: $(sinfo -h 2>&1))"
  sleep 1
done
echo "ok   slurm-cluster-up ($host)"
# 36 pairs: the sample articles under many ids
docs="antonov-cyber-security arctic-expedition moscow-metro"
i=0; : > "$tmp/manifest.tsv"
while [ $i -lt 12 ]; do
  for d in $docs; do
    e=$(ls "$SRC"/corpora/samples/*-$d.en.txt)
    printf 'doc%02d-%s\t%s\t%s\n' $i $d "$e" "${e%.en.txt}.ru.txt" >> "$tmp/manifest.tsv"
  done
  i=$((i + 1))
done
merge=$(sh "$SRC/scripts/slurm-corpus.sh" -n 3 -c 1 -b "$T" -o "$tmp/out/merged.tsv" \
  "$tmp/manifest.tsv" -- --format tsv --dedup --min-score 0.5) || die "sbatch failed"
k=0
while squeue -h -j "$merge" 2>/dev/null | grep -q .; do
  k=$((k + 1)); [ $k -gt 300 ] && die "the merge job did not finish"
  sleep 1
done
[ -s "$tmp/out/merged.tsv" ] || { cat "$tmp"/out/*.log 2>/dev/null; die "no merged output"; }
echo "ok   slurm-array-and-merge"
"$T" corpus -q --format tsv --dedup --min-score 0.5 -o "$tmp/single.tsv" "$tmp/manifest.tsv"
if cmp "$tmp/single.tsv" "$tmp/out/merged.tsv"; then
  echo "ok   slurm-merged-equals-single"
else
  die "the merged output differs from a single-machine run"
fi
grep -q '"pairs_done": 36' "$tmp/out/merged.tsv.report.json" || die "the merged report does not count 36 pairs"
echo "ok   slurm-report"
