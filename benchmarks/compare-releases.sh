#!/usr/bin/env bash
# Is this release faster or slower than the last? One BenchmarkDotNet run of ReleaseBench with one job per NhsIdentity
# version: the baseline (a previous release's .nupkg, a version already in the local feed, or a git commit packed
# here) against the working tree (or a package of it). See benchmarks/README.md, "Comparing releases".
#
#   benchmarks/compare-releases.sh --baseline git:v0.1.0                       # pack tag v0.1.0, compare with the working tree
#   benchmarks/compare-releases.sh --baseline ~/Downloads/NhsIdentity.0.1.0.nupkg --job short
#   benchmarks/compare-releases.sh --baseline 0.1.0 --current pack --filter '*ReleaseBench.NhsNumber*'
#   benchmarks/compare-releases.sh --baseline git:v0.1.0 --out benchmarks/results/ReleaseComparison.md
#
# Options:
#   --baseline SPEC   required; the first job and the Ratio baseline. SPEC is one of:
#                       path/to/NhsIdentity.X.nupkg   copied into the feed; its version is read from the package
#                       X                             a version already in the feed (artifacts/bench-feed)
#                       git:REF                       REF (tag, branch, commit) cloned to a temporary folder and packed
#                                                     as <its Version>-ref-<short sha>
#   --current SPEC    default "working": the working tree through the project reference (no packing). "pack" packs
#                     the working tree as <Version>-local.<UTC timestamp> and measures that package; or any SPEC above.
#   --job NAME        default|short|medium|long|dry (default: default, the accuracy committed reports use)
#   --filter GLOB     BenchmarkDotNet filter (default: *ReleaseBench*); only ReleaseBench compiles against packages
#   --feed DIR        the local feed (default: artifacts/bench-feed)
#   --out FILE        also write the markdown report to FILE, with a header (command, versions, date, machine)
#   --note TEXT       the machine line of that header (default: uname and CPU count)
#   -- ARGS           anything after -- goes to BenchmarkDotNet as is (e.g. --keepFiles, --buildTimeout 1200)
#
# Results: artifacts/release-comparison/results/NhsIdentity.Benchmarks.ReleaseBench-report-github.md and
# -report-full.json. The benchmark run holds the lock file ${NHSID_BENCH_LOCK:-/tmp/nhsid-bench.lock} (flock), so two
# runs on one machine never overlap.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

baseline='' current=working job=default filter='*ReleaseBench*' feed="$repo/artifacts/bench-feed" out='' note=''
bdn_args=()
command_line="benchmarks/compare-releases.sh$(printf ' %q' "$@")"
usage() { sed -n '2,29p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline) baseline=${2:?--baseline needs a value}; shift 2 ;;
    --current) current=${2:?--current needs a value}; shift 2 ;;
    --job) job=${2:?--job needs a value}; shift 2 ;;
    --filter) filter=${2:?--filter needs a value}; shift 2 ;;
    --feed) feed=$(realpath -m "${2:?--feed needs a value}"); shift 2 ;;
    --out) out=${2:?--out needs a value}; shift 2 ;;
    --note) note=${2:?--note needs a value}; shift 2 ;;
    -h|--help) usage 0 ;;
    --) shift; bdn_args=("$@"); break ;;
    *) echo "unknown option: $1" >&2; usage ;;
  esac
done
[ -n "$baseline" ] || { echo "--baseline is required" >&2; usage; }
mkdir -p "$feed"

cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}/nhsidentity"

# The version in a .nupkg's nuspec.
nupkg_version() { unzip -p "$1" '*.nuspec' | sed -n 's:.*<version>\(.*\)</version>.*:\1:p' | head -n 1; }

# NuGet never re-extracts a version it has in its global cache: if the feed's package differs from the cached one
# (same version packed again from other code), drop the cached copy so the restore takes the feed's.
refresh_cache() {
  local version=$1 lower cached nupkg hash
  lower=$(echo "$version" | tr '[:upper:]' '[:lower:]')
  cached="$cache/$lower"
  nupkg="$feed/NhsIdentity.$version.nupkg"
  [ -d "$cached" ] && [ -f "$nupkg" ] || return 0
  hash=$(openssl dgst -sha512 -binary "$nupkg" | base64 -w0)
  if [ "$(cat "$cached/nhsidentity.$lower.nupkg.sha512" 2>/dev/null)" != "$hash" ]; then
    echo "NuGet cache holds a different NhsIdentity $version: removing $cached" >&2
    rm -rf "$cached"
  fi
}

# pack DIR VERSION: dotnet pack the library in DIR into the feed.
pack() {
  echo "packing NhsIdentity $2 from $1" >&2
  dotnet pack "$1/src/NhsIdentity" -c Release -o "$feed" "/p:Version=$2" -v quiet -nologo >&2
  refresh_cache "$2"
}

# resolve SPEC: print the version to pass to --versions (packing or copying into the feed first).
resolve() {
  local spec=$1 version ref sha base tmp
  case "$spec" in
    working) echo working ;;
    pack)
      base=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1)
      version="$base-local.$(date -u +%Y%m%d%H%M%S)"
      pack "$repo" "$version"
      echo "$version" ;;
    git:*)
      ref=${spec#git:}
      sha=$(git rev-parse --short=7 "$ref^{commit}")
      base=$(git show "$sha:Directory.Build.props" | sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' | head -n 1)
      version="$base-ref-$sha"   # one identifier: a numeric sha with a leading 0 is not valid SemVer
      if [ ! -f "$feed/NhsIdentity.$version.nupkg" ]; then
        # A clone sharing this repository's objects, not a worktree: nothing in this repository changes.
        tmp=$(mktemp -d)
        git clone --quiet --shared --no-checkout "$repo" "$tmp/src"
        git -C "$tmp/src" checkout --quiet --detach "$sha"
        pack "$tmp/src" "$version"
        rm -rf "$tmp"
      fi
      echo "$version" ;;
    *.nupkg)
      [ -f "$spec" ] || { echo "no such package: $spec" >&2; exit 2; }
      version=$(nupkg_version "$spec")
      [ -n "$version" ] || { echo "cannot read the version of $spec" >&2; exit 2; }
      cp "$spec" "$feed/NhsIdentity.$version.nupkg"
      refresh_cache "$version"
      echo "$version" ;;
    *)
      [ -f "$feed/NhsIdentity.$spec.nupkg" ] || { echo "NhsIdentity.$spec.nupkg is not in $feed" >&2; exit 2; }
      refresh_cache "$spec"
      echo "$spec" ;;
  esac
}

baseline_version=$(resolve "$baseline")
current_version=$(resolve "$current")
[ "$baseline_version" != "$current_version" ] || { echo "baseline and current are both $baseline_version" >&2; exit 2; }
echo "comparing NhsIdentity $baseline_version (baseline) with $current_version" >&2

artifacts="$repo/artifacts/release-comparison"
# The project file reads the feed from this property; as an environment variable it reaches every job's build
# (BenchmarkDotNet builds each version in a child process that inherits the environment).
export NhsIdentityFeed="$feed"
rm -rf "$artifacts"
started=$(date -u '+%Y-%m-%d %H:%M')
flock "${NHSID_BENCH_LOCK:-/tmp/nhsid-bench.lock}" \
  dotnet run -c Release --project benchmarks/NhsIdentity.Benchmarks -- \
    --versions "$baseline_version,$current_version" --job "$job" --filter "$filter" \
    --artifacts "$artifacts" ${bdn_args[@]+"${bdn_args[@]}"}
finished=$(date -u '+%H:%M')

report="$artifacts/results/NhsIdentity.Benchmarks.ReleaseBench-report-github.md"
[ -f "$report" ] || { echo "no report at $report" >&2; exit 1; }
echo "report: $report" >&2
echo "json:   ${report%-github.md}-full.json" >&2

if [ -n "$out" ]; then
  [ -n "$note" ] || note="$(uname -sm), $(nproc) logical cores"
  {
    echo "# Release comparison: NhsIdentity $baseline_version (baseline) vs $current_version"
    echo
    echo "- Date: $started-$finished UTC. Machine: $note."
    echo "- Command: \`$command_line\` (job \`$job\`, filter \`$filter\`), run from the repository root at commit $(git rev-parse --short=7 HEAD)$(git diff --quiet HEAD -- src || echo ' with uncommitted changes in src/')."
    echo "- Jobs: \`v$baseline_version\` is the baseline; \`$current_version\` is $( [ "$current_version" = working ] && echo 'the working tree (project reference)' || echo "package $current_version")."
    echo "  Ratio = that row's time over the baseline job's time for the same row (below 1: faster). MannWhitney(5%): the"
    echo "  BenchmarkDotNet equivalence test with a 5% threshold (Faster / Slower / Same)."
    echo "- Everything below the rule is \`$(realpath --relative-to="$repo" "$report")\`, unedited."
    echo
    echo '---'
    echo
    cat "$report"
  } > "$out"
  echo "wrote $out" >&2
fi
