#!/usr/bin/env bash
# Mutation score of the scopes of issue 15 and of the cloud-constraint and cluster rules, measured with Stryker.NET
# (a benchmark, not a CI step: one scope takes tens of minutes on a 2-core machine). Each scope's configuration is the JSON
# file of the same name next to this script; the realization tests are excluded there by the test
# filter (they start real servers and take minutes each).
#
#   bench/mutation/run.sh                     every scope
#   bench/mutation/run.sh synthesis           one scope (several may be named)
#   bench/mutation/run.sh --survivors synthesis   also list every surviving and uncovered mutant
#   bench/mutation/run.sh --report-only       print the scores of the last run again
#
# MUTATION_CONCURRENCY overrides the configured concurrency (1). Reports go to .build/mutation/SCOPE/
# (reports/mutation-report.html to browse the mutants; MUTATION_OUT picks another folder, e.g. to keep
# a baseline); Stryker's console output to .build/mutation/SCOPE.log.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
configs="$root/bench/mutation"
out="${MUTATION_OUT:-$root/.build/mutation}"
all_scopes=(synthesis policies-network-edge-compute policies-hygiene-platform-storage-exemptions-inspection
  platform-network-configuration-placement policies-cloud policies-cluster)

survivors=0
report_only=0
scopes=()
for arg in "$@"; do
  case "$arg" in
    --survivors) survivors=1 ;;
    --report-only) report_only=1 ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "error: unknown option $arg (see --help)" >&2; exit 2 ;;
    *)
      if [[ ! -f "$configs/$arg.json" ]]; then
        echo "error: no scope '$arg'; the scopes are: ${all_scopes[*]}" >&2
        exit 2
      fi
      scopes+=("$arg") ;;
  esac
done
[[ ${#scopes[@]} -eq 0 ]] && scopes=("${all_scopes[@]}")
command -v python3 >/dev/null || { echo "error: python3 is needed to read the Stryker reports" >&2; exit 1; }

mkdir -p "$out"
if [[ $report_only -eq 0 ]]; then
  cd "$root"
  dotnet tool restore >/dev/null
  concurrency=()
  [[ -n "${MUTATION_CONCURRENCY:-}" ]] && concurrency=(--concurrency "$MUTATION_CONCURRENCY")
  for scope in "${scopes[@]}"; do
    rm -rf "${out:?}/$scope"
    echo "$(date +%H:%M:%S) $scope: running Stryker (log: .build/mutation/$scope.log)" >&2
    started=$SECONDS
    # Stryker runs from the test project; the config names the project under test and the files to mutate.
    if ! (cd "$root/tests/Infra.Tests" && dotnet dotnet-stryker --config-file "$configs/$scope.json" --output "$out/$scope" \
            --skip-version-check "${concurrency[@]}" >"$out/$scope.log" 2>&1); then
      echo "error: Stryker failed for $scope; see .build/mutation/$scope.log" >&2
      exit 1
    fi
    echo "$(date +%H:%M:%S) $scope: done in $(( (SECONDS - started) / 60 )) min" >&2
  done
fi

python3 - "$root" "$out" "$configs" "$survivors" "${scopes[@]}" <<'PY'
import fnmatch, json, os, sys
root, out, configs, survivors, scopes = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1", sys.argv[5:]
rows = []
for scope in scopes:
    path = os.path.join(out, scope, "reports", "mutation-report.json")
    if not os.path.exists(path):
        rows.append((scope, None, {}, []))
        continue
    with open(path) as f:
        report = json.load(f)
    with open(os.path.join(configs, scope + ".json")) as f:
        globs = json.load(f)["stryker-config"]["mutate"]
    # The report lists every file of the project; count only the scope's files (its mutate globs).
    def in_scope(name):
        relative = "/" + os.path.relpath(name, report["projectRoot"]).replace(os.sep, "/")
        return any(fnmatch.fnmatch(relative, glob) for glob in globs)
    counts, undetected = {}, []
    for name, file in sorted(report["files"].items()):
        if not in_scope(name):
            continue
        for mutant in file["mutants"]:
            status = mutant["status"]
            counts[status] = counts.get(status, 0) + 1
            if status in ("Survived", "NoCoverage"):
                line = mutant["location"]["start"]["line"]
                shown = os.path.relpath(name, root) if os.path.isabs(name) else name
                undetected.append(f"  {status:10} {shown}:{line} {mutant['mutatorName']}: {mutant.get('replacement', '')!r}")
    detected = counts.get("Killed", 0) + counts.get("Timeout", 0)
    valid = detected + counts.get("Survived", 0) + counts.get("NoCoverage", 0)
    rows.append((scope, 100.0 * detected / valid if valid else None, counts, undetected))

print("| scope | score | killed | timeout | survived | no coverage | compile errors | ignored |")
print("|---|---|---|---|---|---|---|---|")
for scope, score, c, _ in rows:
    shown = "no report" if score is None else f"{score:.1f}%"
    print(f"| {scope} | {shown} | {c.get('Killed', 0)} | {c.get('Timeout', 0)} | {c.get('Survived', 0)} | "
          f"{c.get('NoCoverage', 0)} | {c.get('CompileError', 0)} | {c.get('Ignored', 0)} |")
if survivors:
    for scope, _, _, undetected in rows:
        print(f"\n{scope}: {len(undetected)} undetected")
        print("\n".join(undetected))
PY
