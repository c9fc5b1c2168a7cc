#!/usr/bin/env bash
# Bounded libFuzzer run of one target: build, instrument a copy with sharpfuzz, fuzz for N seconds.
#   tests/NhsIdentity.Fuzz/run-libfuzzer.sh <target> [seconds=60]
# Needs: sharpfuzz on PATH (or SHARPFUZZ=path) and libfuzzer-dotnet (LIBFUZZER_DOTNET=path); README.md says how.
# Writes under ${FUZZ_WORK:-/tmp/nhsidentity-fuzz}: bin/ (instrumented copy), corpus/<target>/ (grown corpus, seeded
# from the committed one), artifacts/<target>/ (crash-*, timeout-*, oom-* inputs), <target>.log.
set -euo pipefail
cd "$(dirname "$0")/../.."

target="${1:?usage: run-libfuzzer.sh <target> [seconds]}"
seconds="${2:-60}"
work="${FUZZ_WORK:-/tmp/nhsidentity-fuzz}"
sharpfuzz="${SHARPFUZZ:-sharpfuzz}"
libfuzzer="${LIBFUZZER_DOTNET:?set LIBFUZZER_DOTNET to the libfuzzer-dotnet binary (README.md)}"

[ -d "tests/NhsIdentity.Fuzz/corpus/$target" ] || { echo "unknown target: $target" >&2; exit 2; }

dotnet build tests/NhsIdentity.Fuzz -c Release -o "$work/bin.new" >/dev/null
rm -rf "$work/bin" && mv "$work/bin.new" "$work/bin"
# Instrument the code under test only: the library, and the CLI for the csv target. Never the harness or the BCL.
"$sharpfuzz" "$work/bin/NhsIdentity.dll"
"$sharpfuzz" "$work/bin/nhsid.dll"

mkdir -p "$work/corpus/$target" "$work/artifacts/$target"
cp -n "tests/NhsIdentity.Fuzz/corpus/$target/"* "$work/corpus/$target/"

set +e
"$libfuzzer" --target_path="$work/bin/NhsIdentity.Fuzz" --target_arg="$target" \
  -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/$target/" "$work/corpus/$target" >"$work/$target.log" 2>&1
rc=$?
set -e

grep -E '^#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::new_units_added|SUMMARY' "$work/$target.log" || true
if [ "$rc" -ne 0 ]; then
  echo "$target: libFuzzer exited $rc; inputs in $work/artifacts/$target/, log $work/$target.log" >&2
  exit "$rc"
fi
echo "$target: no crash in ${seconds}s"
