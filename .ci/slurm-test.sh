#!/usr/bin/env bash
# The scale-out test on a real scheduler: installs Debian's slurm-wlm and munge when missing, starts
# a single-node cluster, submits the committed job files (docs/scale-out/submit-slurm.sh: an array of
# 3 shards, then the merge), waits, and compares the merged folder byte for byte (every file but
# manifest.json) with a single-machine run of the same experiment. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

host=$(hostname)
cpus=$(nproc)
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/munge
cat >/etc/slurm/slurm.conf <<CONF
ClusterName=carepool-ci
SlurmctldHost=${host}
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
MpiDefault=none
SchedulerType=sched/backfill
NodeName=${host} CPUs=${cpus} State=UNKNOWN
PartitionName=ci Nodes=${host} Default=YES MaxTime=INFINITE State=UP
CONF

# munge: a key owned by munge, mode 400, and the daemon running as munge.
if [ ! -s /etc/munge/munge.key ]; then
  mkdir -p /etc/munge
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chown munge:munge /etc/munge/munge.key /run/munge
chmod 400 /etc/munge/munge.key
pgrep -x munged >/dev/null || su -s /bin/sh munge -c munged
pgrep -x slurmctld >/dev/null || slurmctld
pgrep -x slurmd >/dev/null || slurmd
for _ in $(seq 1 60); do
  sinfo -h -o '%T' 2>/dev/null | grep -qE 'idle|mixed|allocated' && break
  sleep 1
done
sinfo

work=$(mktemp -d "$PWD/.carepool-tmp-slurm-XXXXXX")
trap 'rm -rf "$work"' EXIT
export SCENARIO=scenarios/test/mini-ics.yaml REPS=4 WARMUP_DAYS=2
export EXTRA="--policies siloed,systemBank --set durationDays=10"
export OUT="$work/slurm"
merge_job=$(docs/scale-out/submit-slurm.sh 3)
echo "submitted; merge job $merge_job"
for _ in $(seq 1 600); do
  state=$(sacct -n -X -j "$merge_job" -o State 2>/dev/null | head -1 | tr -d ' ' || true)
  if [ -z "$state" ]; then state=$(squeue -h -j "$merge_job" -o %T 2>/dev/null || true); fi
  case "$state" in
    COMPLETED) break ;;
    FAILED|CANCELLED*|TIMEOUT|OUT_OF_MEMORY|NODE_FAIL|DEPENDENCY*) echo "merge job $state"; cat carepool-*.log || true; exit 1 ;;
  esac
  [ -f "$OUT/merged/manifest.json" ] && ! squeue -h -j "$merge_job" | grep -q . && break
  sleep 1
done
[ -f "$OUT/merged/manifest.json" ] || { echo "the merged results never appeared"; cat carepool-*.log || true; exit 1; }

# shellcheck disable=SC2086
node packages/cli/bin/carepool.mjs compare "$SCENARIO" --reps "$REPS" --warmup-days "$WARMUP_DAYS" $EXTRA \
  --out "$work/single" --quiet >/dev/null
for f in "$work/single"/*; do
  name=$(basename "$f")
  [ "$name" = manifest.json ] && continue
  cmp "$f" "$OUT/merged/$name"
done
[ "$(ls "$work/single" | wc -l)" = "$(ls "$OUT/merged" | wc -l)" ]
rm -f carepool-shard-*.log carepool-merge-*.log
echo "slurm: 3 shards merged by the job files equal one run, byte for byte (every file but manifest.json)"
