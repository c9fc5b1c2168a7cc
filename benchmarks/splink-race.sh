#!/usr/bin/env bash
# The race with Splink's engine (issue 18 item 6): nhsid's dedupe with a saved model, against the SQL Splink 4's
# predict() generates for the same model run by DuckDB (benchmarks/SplinkRace), on the same generated extract, with
# the same blocking rules and the same m/u. Each side runs in its own process, timed by /usr/bin/time, the two turn
# about (nhsid, DuckDB, nhsid, DuckDB, ...), each timed run holding the lock ${NHSID_BENCH_LOCK:-/tmp/nhsid-bench.lock}.
#
#   benchmarks/splink-race.sh 100k                 # 127,250 persons: pas.csv holds 99,936 records
#   benchmarks/splink-race.sh 1m --runs 3          # 1,272,500 persons: 1,001,087 records
#
# Options:
#   SIZE             100k or 1m (the generator's --persons 127250 or 1272500, seed 42)
#   --runs N         timed runs of each side (default: 3); medians are reported
#   --duckdb-runs N  timed runs of the DuckDB side when they must be fewer (default: --runs)
#   --dir DIR        where the extract, model, Parquet file and pairs go (default: artifacts/splink-race/SIZE); the
#                    extract, model and Parquet file are made once and reused
#   --no-build       skip building (when the three projects are built in Release already)
#
# What each side starts from, which favours DuckDB: nhsid reads the CSV extract and prepares its records inside the
# timed run; DuckDB reads the Parquet file `nhsid prepare` wrote beforehand (preparation is not in its time). Both
# score with the model `nhsid train` saved once (model.json, and its export splink.json from --splink-model-out) and
# write the pairs at or above the review threshold (match probability 0.5). The untimed check then compares the pairs
# each blocking rule generated and the weights of the pairs written (SplinkRace check). Writes DIR/race.md.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

size='' runs=3 duckdb_runs='' dir='' build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=${2:?}; shift 2 ;;
    --duckdb-runs) duckdb_runs=${2:?}; shift 2 ;;
    --dir) dir=${2:?}; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    100k|1m) size=$1; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$size" in
  100k) persons=127250 ;;
  1m) persons=1272500 ;;
  *) echo "give the size: 100k or 1m" >&2; exit 2 ;;
esac
duckdb_runs=${duckdb_runs:-$runs}
dir=$(realpath -m "${dir:-artifacts/splink-race/$size}")
lock=${NHSID_BENCH_LOCK:-/tmp/nhsid-bench.lock}
mkdir -p "$dir"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "$build" = 1 ]; then
  for project in src/NhsIdentity.Cli tests/NhsIdentity.Synthetic benchmarks/SplinkRace; do
    dotnet build "$project" -c Release -v q -nologo >&2
  done
fi
nhsid=$repo/src/NhsIdentity.Cli/bin/Release/net10.0/nhsid
race=$repo/benchmarks/SplinkRace/bin/Release/net10.0/SplinkRace
synthetic=$repo/tests/NhsIdentity.Synthetic/bin/Release/net10.0/NhsIdentity.Synthetic

cd "$dir"
# (1) the extract, (2) the model and its Splink export, and the prepared Parquet file: made once, not timed.
[ -f pas.csv ] || "$synthetic" --persons "$persons" --seed 42 --out . >&2
[ -f model.json ] && [ -f splink.json ] || "$nhsid" train pas.csv --model-out model.json --splink-model-out splink.json --quiet >&2
[ -f prepared.parquet ] || "$nhsid" prepare pas.csv --out prepared.parquet --quiet >&2

nhsid_cmd=("$nhsid" dedupe pas.csv --model model.json --out nhsid-pairs.csv --json nhsid-run.json --quiet)
duckdb_cmd=("$race" duckdb --settings splink.json --prepared prepared.parquet --out duckdb-pairs.csv --counts duckdb-counts.csv)

# timed SIDE N COMMAND...: one run under the lock; appends "SIDE N wall user peak" to times.txt.
timed() {
  local side=$1 n=$2; shift 2
  flock "$lock" /usr/bin/time -o "time-$side-$n.txt" -f "%e %U %M" "$@" > "log-$side-$n.txt" 2>&1
  echo "$side $n $(cat "time-$side-$n.txt")" | tee -a times.txt >&2
}

# median of the numbers on standard input
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

load_before=$(uptime)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
: > times.txt
for n in $(seq 1 "$runs"); do
  timed nhsid "$n" "${nhsid_cmd[@]}"
  if [ "$n" -le "$duckdb_runs" ]; then
    timed duckdb "$n" "${duckdb_cmd[@]}"
  fi
done
load_after=$(uptime)

# The untimed checks: the last runs' pairs per rule and written pairs; then DuckDB scoring exactly the pairs nhsid
# wrote, whatever their weight (so the weights of every pair nhsid wrote are compared, even where DuckDB's fall below).
check=''
if [ "$duckdb_runs" -gt 0 ]; then
  check=$("$race" check --nhsid-pairs nhsid-pairs.csv --nhsid-json nhsid-run.json --duckdb-pairs duckdb-pairs.csv --duckdb-counts duckdb-counts.csv) || true
fi
"$race" duckdb --settings splink.json --prepared prepared.parquet --out duckdb-on-nhsid-pairs.csv --counts duckdb-counts-check.csv \
  --only-pairs nhsid-pairs.csv > log-check.txt 2>&1
check_nhsid_pairs=$("$race" check --nhsid-pairs nhsid-pairs.csv --nhsid-json nhsid-run.json --duckdb-pairs duckdb-on-nhsid-pairs.csv \
  --duckdb-counts duckdb-counts-check.csv) || true
records=$(($(wc -l < pas.csv) - 1))
pairs=$(sed -n 's/.*"pairsCompared": *\([0-9]*\).*/\1/p' nhsid-run.json | head -n 1)
duckdb_pairs=$(sed -n 's/^duckdb: pairs compared: \([0-9]*\).*/\1/p' log-check.txt)
stat() { awk -v side="$1" -v col="$2" '$1 == side { print $col }' times.txt | median; }
nw=$(stat nhsid 3) nu=$(stat nhsid 4) np=$(stat nhsid 5)
dw=$(stat duckdb 3) du=$(stat duckdb 4) dp=$(stat duckdb 5)
ratio=$(awk -v a="$nw" -v b="$dw" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "(DuckDB not run)" }')

{
  echo "## $size: $records records ($persons persons, seed 42), $started"
  echo
  echo "- load before: \`$load_before\`"
  echo "- load after: \`$load_after\`"
  echo "- nhsid: \`nhsid dedupe pas.csv --model model.json --out nhsid-pairs.csv --json nhsid-run.json --quiet\`"
  echo "- DuckDB: \`SplinkRace duckdb --settings splink.json --prepared prepared.parquet --out duckdb-pairs.csv --counts duckdb-counts.csv\`"
  echo "- runs (side, run, wall s, user CPU s, peak KB), in the order they ran:"
  echo
  echo '```'
  cat times.txt
  echo '```'
  echo
  echo "| side | runs | wall (median) | user CPU (median) | peak memory (median) | pairs compared |"
  echo "|---|---:|---:|---:|---:|---:|"
  printf '| nhsid (from CSV) | %s | %s s | %s s | %s MB | %s |\n' "$runs" "$nw" "$nu" "$((np / 1024))" "$pairs"
  printf '| DuckDB (from Parquet) | %s | %s s | %s s | %s MB | %s |\n' "$duckdb_runs" "$dw" "$du" "$((dp / 1024))" "$pairs"
  echo
  echo "Ratio nhsid / DuckDB, wall: **$ratio**"
  echo
  if [ "$duckdb_runs" -gt 0 ]; then
    echo "DuckDB's phases (last run):"
    echo
    echo '```'
    grep '^duckdb:' "log-duckdb-$duckdb_runs.txt"
    echo '```'
    echo
    echo "Check (SplinkRace check, last runs' outputs):"
    echo
    echo "$check"
    echo
  fi
  echo "Check on the pairs nhsid wrote (DuckDB scoring just those, untimed):"
  echo
  echo "$check_nhsid_pairs"
} | tee race.md
