#!/usr/bin/env bash
# Issue 17's real-process check: three `nhsid serve --cluster` processes on 127.0.0.1 form one Orleans cluster with
# membership (ADO.NET clustering) and the index's store on PostgreSQL, each with its GC heap capped
# (DOTNET_GCHeapHardLimit) below what the same index took on one silo. Synthetic records (tests/NhsIdentity.Synthetic)
# are loaded; one process is killed with SIGKILL while writes go on, and restarted. Checked:
#   - every lookup through the cluster equals the single-node answer (ids, order, weights and probabilities to the
#     bit, decisions) before the kill, through the survivors after it, and through all three after the restart;
#   - every acknowledged write is present (a lookup of its content finds its id; a removed id is found by nothing);
#   - a lookup during recovery answers 503 or the whole answer, never a partial one;
#   - whether the cap binds: one silo alone under the same cap is asked every lookup (failures or an ended process
#     mean the whole cluster index does not fit under it);
# and printed: the recovery time (kill to every probe lookup answered and equal again), memory per process, load.
#
#   benchmarks/reliability/orleans-processes.sh --people 20000 --lookups 1000 --writes 600
#
# Options:
#   --people N     synthetic people (their PAS extract is about 80% of N records; default 20000)
#   --lookups N    lookups compared before and after (default 1000)
#   --writes N     writes in the stream the kill interrupts (default 600)
#   --heap-mb N    each silo's GC heap cap (default: 60% of the one-silo node's resident memory)
#   --buckets N    buckets per blocking rule (default 64)
#   --port P       the throw-away PostgreSQL's loopback port (default 55437)
#   --no-build     skip building (when the solution is built in Release already)
#
# Runs from a fresh clone: it needs the .NET SDK and PostgreSQL's server binaries (Debian's postgresql package; it is
# installed with apt-get when missing and possible). PostgreSQL runs in a temp dir on 127.0.0.1 only, trust auth, and
# is stopped and removed on exit. The steps are the test tests/NhsIdentity.Server.Tests/Cluster/ClusterProcessTests.cs
# (skipped by a plain `dotnet test`: it takes minutes), run with NHSID_ORLEANS_* settings; its report is printed as
# markdown lines. Exits non-zero when any check fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

people=20000 lookups=1000 writes=600 heap_mb="" buckets=64 pg_port=55437 build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --people) people="$2"; shift 2 ;;
    --lookups) lookups="$2"; shift 2 ;;
    --writes) writes="$2"; shift 2 ;;
    --heap-mb) heap_mb="$2"; shift 2 ;;
    --buckets) buckets="$2"; shift 2 ;;
    --port) pg_port="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [[ $build == 1 ]]; then
  dotnet build NhsIdentity.sln -c Release -v q -nologo >/dev/null
fi

# PostgreSQL as .ci/run starts it: the distribution's binaries, a temp cluster owned by the postgres user when root.
pg_bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true; }
if [ -z "$(pg_bin_dir)" ] && command -v apt-get >/dev/null 2>&1; then
  (timeout 600 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq postgresql) >/dev/null 2>&1 || true
fi
pg_bin=$(pg_bin_dir)
[[ -n "$pg_bin" && -x "$pg_bin/initdb" ]] || { echo "no PostgreSQL server binaries (install Debian's postgresql package)" >&2; exit 1; }
as_pg=(); [ "$(id -u)" -ne 0 ] || as_pg=(runuser -u postgres --)
pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/nhsid-orleans-pg.XXXXXX")
work=$(mktemp -d)
stop_all() {
  ${as_pg[@]+"${as_pg[@]}"} "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir" "$work"
}
trap stop_all EXIT
[ "$(id -u)" -ne 0 ] || chown postgres: "$pg_dir"
# Trust auth is safe only because the cluster listens on 127.0.0.1 alone (and a socket in its own temp dir).
timeout 120 ${as_pg[@]+"${as_pg[@]}"} "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -E UTF8 \
  --auth-local=trust --auth-host=trust >"$pg_dir/initdb.log" 2>&1
timeout 120 ${as_pg[@]+"${as_pg[@]}"} "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_dir -c max_connections=300" start >/dev/null

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date +%s)
status=0
NHSID_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres" \
NHSID_ORLEANS_PROCESSES=1 NHSID_ORLEANS_PEOPLE=$people NHSID_ORLEANS_LOOKUPS=$lookups NHSID_ORLEANS_WRITES=$writes \
NHSID_ORLEANS_HEAP_MB=$heap_mb NHSID_ORLEANS_BUCKETS=$buckets NHSID_ORLEANS_REPORT="$work/report.md" \
  dotnet test tests/NhsIdentity.Server.Tests -c Release --no-build \
    --filter "FullyQualifiedName~ClusterProcessTests" --logger "console;verbosity=detailed" >"$work/log" 2>&1 || status=$?
elapsed=$(( $(date +%s) - start ))

if [[ -s "$work/report.md" ]]; then
  cat "$work/report.md"
else
  echo "the run did not get far enough to report; its output:" >&2
  tail -n 60 "$work/log" >&2
fi
if (( status != 0 )); then
  grep -v '^\[xUnit' "$work/log" | sed -n '/Error Message/,/Stack Trace/p' >&2
fi
echo
echo "$elapsed s in all; load average (1, 5, 15 min) $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after; $(nproc) cores"
exit $status
