#!/usr/bin/env bash
# Builds the C++ reference validator, emits NhsNumberBench's exact inputs from the C# program, runs the
# Google Benchmark loop over them and writes benchmarks/results/cpp-nhs-validate.txt.
#
#   benchmarks/cpp/run.sh                   # default: 10 repetitions, median reported
#   REPETITIONS=3 benchmarks/cpp/run.sh     # quicker
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$here/build"
results="$root/benchmarks/results"
mkdir -p "$build" "$results"

cxx="${CXX:-g++}"
"$cxx" -O2 -march=native -std=c++20 -Wall -Wextra -o "$build/nhs_validate" "$here/nhs_validate.cpp" -lbenchmark -lpthread

inputs="$build/nhs-inputs.txt"
dotnet build -c Release -v q --nologo "$root/benchmarks/NhsIdentity.Benchmarks" >/dev/null
dotnet run -c Release --no-build --project "$root/benchmarks/NhsIdentity.Benchmarks" -- --emit-inputs "$inputs"

out="$results/cpp-nhs-validate.txt"
{
    echo "# C++ reference: plain NHS number validator loop (benchmarks/cpp/nhs_validate.cpp)"
    echo "# date: $(date -u +%Y-%m-%dT%H:%MZ)   host: $(hostname)   cpus: $(nproc)"
    echo "# compiler: $("$cxx" --version | head -n1)   flags: -O2 -march=native -std=c++20"
    echo "# command: benchmarks/cpp/run.sh (REPETITIONS=${REPETITIONS:-10})"
    echo "# per_number = CPU time per input string (13.2n = 13.2 ns); the inputs are NhsNumberBench's (--emit-inputs)."
    echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (the machine may be shared; timings noisy)"
    "$build/nhs_validate" "$inputs" \
        --benchmark_repetitions="${REPETITIONS:-10}" \
        --benchmark_report_aggregates_only=false \
        --benchmark_min_time=0.5 2>&1
} | tee "$out"
echo "wrote $out"
