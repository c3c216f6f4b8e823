#!/bin/bash
# Runs a carepool experiment as a Slurm job array of N shards, then merges them.
#   docs/scale-out/submit-slurm.sh 8            # 8 shards of the experiment in carepool-shards.sbatch
#   SCENARIO=my.yaml REPS=200 docs/scale-out/submit-slurm.sh 16
# Run from the carepool checkout (after `npx --yes pnpm@9.15.9 install`), on a shared file system.
# Prints the merge job's id; the results land in $OUT/merged.
set -euo pipefail
N=${1:?usage: submit-slurm.sh NUMBER_OF_SHARDS}
here=$(dirname "$0")
export OUT=${OUT:-results/slurm-$(date +%Y%m%d-%H%M%S)}
export N
array=$(sbatch --parsable --array="1-$N" "$here/carepool-shards.sbatch")
sbatch --parsable --dependency="afterok:$array" "$here/carepool-merge.sbatch"
