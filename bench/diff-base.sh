#!/usr/bin/env bash
# Wall time of `./infra diff laptop onprem3 dc9 --base REF` on its three paths (figures, not a test):
#   cold      the base commit's CLI is not cached yet: worktree, build, synth;
#   warm      the same again: the programs the cached CLI printed are reused, no base process (target: under 3 s);
#   warm-cli  the same with those programs dropped: the cached CLI synthesizes each stack again (the warm path before
#             the programs were kept);
#   unchanged --base HEAD on a clean tree: the code is the working tree's, synthesized in-process.
# Usage: bench/diff-base.sh [REF]   (default HEAD~1: a commit whose code differs from the working tree's)
#   KEEP_BUILD=1 skips the cold run and keeps an existing build of REF (the warm figures alone, in seconds).
#   STACKS="laptop onprem3 dc9 global" picks the stacks (default: laptop onprem3 dc9).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ref="${1:-HEAD~1}"
read -ra stacks <<< "${STACKS:-laptop onprem3 dc9}"
./infra --help >/dev/null                      # the tool itself, built once
commit="$(git rev-parse --verify "$ref^{commit}")"
if [[ -z "${KEEP_BUILD:-}" ]]; then rm -rf ".build/base-cli/$commit"; fi

run() {
  local label="$1" base="$2" start end
  start=$(date +%s.%N)
  ./infra diff "${stacks[@]}" --base "$base" >/dev/null 2>/tmp/infra-diff-bench.err || true
  end=$(date +%s.%N)
  printf '%-10s %-12s %6.2f s  %s\n' "$label" "$base" "$(echo "$end - $start" | bc)" "$(head -1 /tmp/infra-diff-bench.err)"
}

# A reference on the same machine at the same moment: other load slows every figure alike.
start=$(date +%s.%N); ./infra synth dc9 >/dev/null 2>&1; end=$(date +%s.%N)
echo "infra diff ${stacks[*]} --base REF ($(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg); reference: ./infra synth dc9 took $(printf '%.2f' "$(echo "$end - $start" | bc)") s, 0.25 s on an idle machine)"
if [[ -z "${KEEP_BUILD:-}" || ! -d ".build/base-cli/$commit" ]]; then run cold "$ref"; fi
run warm "$ref"
run warm "$ref"
rm -rf ".build/base-cli/$commit/programs"; run warm-cli "$ref"
rm -rf ".build/base-cli/$commit/programs"; run warm-cli "$ref"
if [[ -z "$(git status --porcelain)" ]]; then run unchanged HEAD; else echo "unchanged  (skipped: the working tree has changes; commit or stash them to measure the in-process path)"; fi
