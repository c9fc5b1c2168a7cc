#!/usr/bin/env bash
# The memory runs of benchmarks/results/Orleans.md, in order, each in fresh processes, with the machine's load before
# and after each. Usage: benchmarks/OrleansMemory/run.sh [records...]   (default: 300000 3000000)
set -euo pipefail
cd "$(dirname "$0")"
dotnet build -c Release -v q -nologo >/dev/null
[ $# -gt 0 ] || set -- 300000 3000000
for n in "$@"; do
  for mode in "cluster $n 3 64 1000" "single $n"; do
    echo "## $mode"; echo "uptime before: $(uptime)"
    /usr/bin/time -f "elapsed %e s, peak resident of this process %M KiB" dotnet run -c Release --no-build -- $mode
    echo "uptime after: $(uptime)"; echo
  done
done
