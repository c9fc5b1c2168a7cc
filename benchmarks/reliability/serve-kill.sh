#!/usr/bin/env bash
# Does a SIGKILL of the identity service during a write storm ever lose an acknowledged write, leave one half-applied,
# or leave the index disagreeing with the store? Runs R rounds on one store: four clients write (FHIR PUTs of new
# patients, replacements of earlier ones, DELETEs on both APIs), the service (the built NhsIdentity.Server, as
# `nhsid serve` hosts it) is killed with SIGKILL right after a seeded number of acknowledged writes while the other
# clients' writes are in flight, then restarted on the same store and checked:
#   - lost:  an id whose stored content is neither its last acknowledged write nor its write in flight at the kill
#            (an acknowledged PUT missing or older, an acknowledged DELETE undone);
#   - torn:  an id whose stored resource is not, byte for byte, any content sent for it;
#   - extra: a stored id that was never written;
#   - index ≠ store: the index's record count differs from the store's, or a /match answer (ids and weights) differs
#            from that of an index rebuilt from the store alone (queries: every id written in the round, 100 others).
# Every few rounds the service is stopped cleanly (SIGTERM), which saves its index snapshot: later restarts load the
# snapshot and catch up with the writes made after it. The first restart has no snapshot and rebuilds from the store.
# Prints a markdown table row; exits non-zero when anything was lost, torn, extra or disagreeing.
#
#   benchmarks/reliability/serve-kill.sh --rounds 30 --writes 2000 --seed 1
#
# Options:
#   --rounds R           kills (default: 30)
#   --writes W           requests per storm at most; the kill comes after between W/4 and 3W/4 acknowledgements
#                        (default: 2000)
#   --clients C          concurrent writers (default: 4)
#   --clean-stop-every N a clean stop (new snapshot) after every Nth round (default: 3)
#   --seed S             seed of the kill points and the writes (default: 1)
#   --store sqlite|postgres  postgres needs NHSID_TEST_POSTGRES (an Npgsql connection string; default: sqlite)
#   --no-build           skip building (when the solution is built in Release already)
#
# The rounds are the test tests/NhsIdentity.Server.Tests/KillTests.cs, run with NHSID_SERVE_KILL_* overrides: the
# script and CI check the same thing, the script at scale. SIGKILL is a process crash (the kernel keeps what was
# written); it does not simulate a power cut (see benchmarks/results/Reliability.md).
set -euo pipefail
cd "$(dirname "$0")/../.."

rounds=30 writes=2000 clients=4 every=3 seed=1 store=sqlite build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --writes) writes="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --clean-stop-every) every="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --store) store="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
case "$store" in
  sqlite) test=Acknowledged_writes_survive_kill_9_and_restarts_on_sqlite ;;
  postgres) test=Acknowledged_writes_survive_kill_9_and_restarts_on_postgres
    [[ -n "${NHSID_TEST_POSTGRES:-}" ]] || { echo "--store postgres needs NHSID_TEST_POSTGRES" >&2; exit 2; } ;;
  *) echo "--store: sqlite or postgres" >&2; exit 2 ;;
esac

if [[ $build == 1 ]]; then
  dotnet build tests/NhsIdentity.Server.Tests -c Release -v q >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date +%s)
status=0
NHSID_SERVE_KILL_ROUNDS=$rounds NHSID_SERVE_KILL_WRITES=$writes NHSID_SERVE_KILL_CLIENTS=$clients \
NHSID_SERVE_KILL_CLEAN_STOP_EVERY=$every NHSID_SERVE_KILL_SEED=$seed NHSID_SERVE_KILL_REPORT="$work/row" \
  dotnet test tests/NhsIdentity.Server.Tests -c Release --no-build --filter "FullyQualifiedName~KillTests.$test" \
    --logger "console;verbosity=detailed" >"$work/log" 2>&1 || status=$?
elapsed=$(( $(date +%s) - start ))
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

if [[ ! -s "$work/row" ]]; then
  echo "the rounds did not finish; the test's output:" >&2
  cat "$work/log" >&2
  exit 1
fi
if (( status != 0 )); then
  grep -v '^\[xUnit' "$work/log" | sed -n '/Error Message/,/Stack Trace/p' >&2
fi

echo "| store | clients | requests per storm (max) | rounds | acknowledged writes | in flight at the kill (landed / not) | lost | torn | extra | index ≠ store | restarts from snapshot / from store |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
echo "| $store | $clients | $writes $(cat "$work/row")"
echo
echo "seed $seed, a clean stop every $every rounds; $elapsed s; load average (1, 5, 15 min) $load_before before, $load_after after"
exit $status
