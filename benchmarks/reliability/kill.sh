#!/usr/bin/env bash
# Does a killed run ever leave a half-written or mismatched set of outputs? Runs one `nhsid link` with three outputs
# (links, clusters, HTML report) to completion to get the reference outputs and its duration, then
# runs it again N times, each killed with SIGKILL after a random delay between 0 and 1.1 × that duration. Before
# each run every output holds an "old" marker. After the kill each output must be byte-identical either to its
# marker (old) or to the reference (new); anything else is a torn file. The run's outputs as a set are "all old",
# "all new" or "mixed" (some new beside some old: not one run). Prints one markdown table row per outcome.
#
#   benchmarks/reliability/kill.sh --runs 60 --seed 1
#
# Options:
#   --runs N     kills (default: 60)
#   --seed S     seed of the kill delays (default: 1)
#   --persons P  synthetic population size (tests/NhsIdentity.Synthetic, seed 42; default: 5000); larger runs spend
#                longer in each phase
#   --no-build   skip building (when the CLI and the generator are built in Release already)
#
# SIGKILL cannot be caught, so a killed run may leave its hidden temporary files (`.NAME.GUID.tmp`) beside the
# outputs; the script counts and removes them between runs. SIGINT and SIGTERM are the catchable signals and are
# tested in the unit tests (the cancellation path removes temporaries).
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=60 seed=1 persons=5000 build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --persons) persons="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

if [[ $build == 1 ]]; then
  dotnet build src/NhsIdentity.Cli -c Release -v q >/dev/null
  dotnet build tests/NhsIdentity.Synthetic -c Release -v q >/dev/null
fi
nhsid=(dotnet src/NhsIdentity.Cli/bin/Release/net10.0/nhsid.dll)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet tests/NhsIdentity.Synthetic/bin/Release/net10.0/NhsIdentity.Synthetic.dll --persons "$persons" --seed 42 --out "$work/data" >/dev/null 2>&1

outputs=(links.csv clusters.csv report.html)
run() {
  "${nhsid[@]}" link "$work/data/pas.csv" "$work/data/gp.csv" --out "$work/out/links.csv" \
    --clusters "$work/out/clusters.csv" --report "$work/out/report.html" 2>/dev/null
}

mkdir -p "$work/out" "$work/ref"
start=$(date +%s%N)
run
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
for o in "${outputs[@]}"; do mv "$work/out/$o" "$work/ref/$o"; done

all_old=0 all_new=0 mixed=0 torn=0 temps=0
RANDOM=$seed
for ((i = 1; i <= runs; i++)); do
  for o in "${outputs[@]}"; do printf 'old output %s\n' "$o" > "$work/out/$o"; done
  delay_ms=$(( (RANDOM * 32768 + RANDOM) % (elapsed_ms * 11 / 10 + 1) ))
  # The command itself in the background, not the function: killing a subshell would leave the CLI running.
  "${nhsid[@]}" link "$work/data/pas.csv" "$work/data/gp.csv" --out "$work/out/links.csv" \
    --clusters "$work/out/clusters.csv" --report "$work/out/report.html" 2>/dev/null & pid=$!
  sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  old=0 new=0
  for o in "${outputs[@]}"; do
    if cmp -s "$work/out/$o" "$work/ref/$o"; then new=$((new + 1))
    elif [[ "$(cat "$work/out/$o" 2>/dev/null)" == "old output $o" ]]; then old=$((old + 1))
    else torn=$((torn + 1)); echo "run $i: $o is neither the old file nor the reference" >&2
    fi
  done
  if (( old == ${#outputs[@]} )); then all_old=$((all_old + 1))
  elif (( new == ${#outputs[@]} )); then all_new=$((all_new + 1))
  elif (( old + new == ${#outputs[@]} )); then mixed=$((mixed + 1)); echo "run $i: $new of ${#outputs[@]} outputs new, $old old" >&2
  fi
  left=$(find "$work/out" -name '.*.tmp' | wc -l)
  temps=$((temps + left))
  find "$work/out" -name '.*.tmp' -delete
done

echo "| kills | persons | uninterrupted run | all old | all new | mixed (not one run) | torn files | temporaries left by SIGKILL |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
echo "| $runs | $persons | $((elapsed_ms)) ms | $all_old | $all_new | $mixed | $torn | $temps |"
(( torn == 0 && mixed == 0 ))
