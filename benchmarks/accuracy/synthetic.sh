#!/usr/bin/env bash
# How well does the matcher do on a synthetic evaluation set it was not written against? Generates one profile's
# extracts (tests/NhsIdentity.Synthetic: ErrorProfile.Default, .SupplierHard, .CensusNoisy) into a temporary folder,
# links them with `nhsid link` (or deduplicates pas.csv with `nhsid dedupe`), scores the links with `nhsid evaluate`,
# counts the false links between members of one household or namesakes (the generator's --household-report), and
# prints one markdown table row.
#
#   benchmarks/accuracy/synthetic.sh --profile census-noisy --seed 42 --persons 2000
#   benchmarks/accuracy/synthetic.sh --profile supplier-hard --seed 7 --persons 20000 --dedupe --header
#
# Options:
#   --profile NAME   default | supplier-hard | census-noisy (default: default)
#   --seed S         population seed; extracts use S + 1 (pas) and S + 2 (gp) (default: 42). Seed 20261207 is the
#                    held-out seed of benchmarks/results/Accuracy.md: run it only for a release's final measurement.
#   --persons N      population size (default: 2000)
#   --dedupe         deduplicate pas.csv alone instead of linking pas.csv with gp.csv
#   --header         print the table's header rows first
#   --keep DIR       write the files to DIR and keep them (default: a temporary folder, removed at the end)
#   --no-build       skip building the two projects (when they are built in Release already)
#
# Columns: profile | seed | persons | task | precision | recall | F1 | false matches | of them household or family |
# missed pairs. "Household or family" counts false matches between different persons who share a household, an
# address or a family name, or are namesakes elsewhere (twins, juniors, spouses, siblings, parents and children).
# "Missed pairs" are evaluate's false negatives. Notes (which truth form evaluate read, timings) go to standard error.
#
# Truth: evaluate is first given truth.csv (source,id,person_id) as is; if its scores differ from those against
# truth.csv split by source into pas-truth.csv and gp-truth.csv (id,person_id each, two --truth files), evaluate does
# not read the source column yet and the split scores are reported. Dedupe is always scored against pas-truth.csv.
set -euo pipefail
cd "$(dirname "$0")/../.."

profile=default seed=42 persons=2000 task=link header=0 keep="" build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --profile) profile="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --persons) persons="$2"; shift 2 ;;
    --dedupe) task=dedupe; shift ;;
    --header) header=1; shift ;;
    --keep) keep="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option: $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

if [[ -n "$keep" ]]; then
  dir="$keep"; mkdir -p "$dir"
else
  dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT
fi

if [[ $build -eq 1 ]]; then
  dotnet build -c Release tests/NhsIdentity.Synthetic -v q -nologo >/dev/null
  dotnet build -c Release src/NhsIdentity.Cli -v q -nologo >/dev/null
fi
synthetic() { dotnet run --project tests/NhsIdentity.Synthetic -c Release --no-build -- "$@"; }
nhsid() { dotnet run --project src/NhsIdentity.Cli -c Release --no-build -- "$@"; }

synthetic --persons "$persons" --seed "$seed" --profile "$profile" --out "$dir" >&2

# Split truth by source: id,person_id is evaluate's clusters form.
for source in pas gp; do
  { echo "id,person_id"; awk -F, -v s="$source" 'NR > 1 && $1 == s { print $2 "," $3 }' "$dir/truth.csv"; } > "$dir/$source-truth.csv"
done

# Prints "precision recall f1 false_positives false_negatives" from evaluate's output.
scores() { awk -F': ' '$1 ~ /^(precision|recall|f1|false_positives|false_negatives)$/ { v[$1] = $2 }
  END { print v["precision"], v["recall"], v["f1"], v["false_positives"], v["false_negatives"] }'; }

if [[ $task == link ]]; then
  nhsid link "$dir/pas.csv" "$dir/gp.csv" --out "$dir/links.csv" -q >/dev/null 2>&1
  split="$(nhsid evaluate "$dir/links.csv" --truth "$dir/pas-truth.csv" --truth "$dir/gp-truth.csv" 2>&1 | scores)"
  whole="$(nhsid evaluate "$dir/links.csv" --truth "$dir/truth.csv" 2>&1 | scores || true)"
  if [[ "$whole" == "$split" ]]; then
    echo "evaluate read truth.csv's source column (same scores as the split truth)" >&2
  else
    echo "evaluate does not read truth.csv's source column yet: scored against the truth split by source" >&2
  fi
  read -r precision recall f1 false_matches missed <<< "$split"
else
  nhsid dedupe "$dir/pas.csv" --out "$dir/links.csv" -q >/dev/null 2>&1
  read -r precision recall f1 false_matches missed <<< "$(nhsid evaluate "$dir/links.csv" --truth "$dir/pas-truth.csv" --dedupe 2>&1 | scores)"
fi

report="$(synthetic --household-report --links "$dir/links.csv" --truth "$dir/truth.csv" --persons "$persons" --seed "$seed" --profile "$profile")"
echo "household report: $report" >&2
household="$(sed -n 's/.*household_or_family=\([0-9]*\).*/\1/p' <<< "$report")"
reported_false="$(sed -n 's/.*false_links=\([0-9]*\).*/\1/p' <<< "$report")"
if [[ "$reported_false" != "$false_matches" ]]; then
  echo "warning: evaluate counts $false_matches false matches, the household report $reported_false" >&2
fi

if [[ $header -eq 1 ]]; then
  echo "| profile | seed | persons | task | precision | recall | F1 | false matches | of them household or family | missed pairs |"
  echo "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
fi
printf '| %s | %s | %s | %s | %.4f | %.4f | %.4f | %s | %s | %s |\n' \
  "$profile" "$seed" "$persons" "$task" "$precision" "$recall" "$f1" "$false_matches" "$household" "$missed"
