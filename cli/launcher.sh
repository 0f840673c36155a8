#!/usr/bin/env bash
# The full launcher of the infra tool: ./infra (a POSIX sh script) runs a fresh native build directly and
# hands every other case to this script: the first build, a rebuild after a change (the native tool
# relaunches this script when it finds itself stale), the ReadyToRun build (INFRA_NATIVE=0, or no
# NativeAOT toolchain), INFRA_SKIP_BUILD and INFRA_LAUNCHER_CHECK. It builds the tool once and afterwards
# only runs it, so the two or more calls Pulumi makes per preview cost a process start, not a build. It
# rebuilds when any file of a project the CLI references (directly or not, read from the project files:
# stacks, operations, policies, components...) is newer than the built tool. Build output goes to stderr:
# stdout carries only the program.
#
# Where the NativeAOT toolchain exists (clang and zlib's headers: Debian's clang and zlib1g-dev), the
# tool is a native executable in .build/infra-native (starts in a few ms); elsewhere, or with
# INFRA_NATIVE=0, or when the native build fails, it is the ReadyToRun build in .build/infra.
#
# The check runs inside the built tool when there is one (INFRA_FRESH_AGAINST, INFRA_WATCHED; see
# cli/LauncherFreshness.cs): it exits with 75 before doing anything when a watched file is newer than itself,
# and this script then rebuilds and runs it again. A separate `find` costs more than the synthesis of a tier.
#
# INFRA_LAUNCHER_CHECK=1 prints what would trigger a rebuild of the build the launcher would run
# ("stale: FILE" or "fresh") and exits; INFRA_LAUNCHER_CHECK=projects prints the watched project folders.
set -euo pipefail

# "/a/b/../c" -> "/a/c" in REPLY, without a subshell: the launcher runs on every Pulumi call, so no forks here.
normalize() {
  local part parts=() kept=()
  IFS=/ read -ra parts <<< "$1"
  for part in "${parts[@]}"; do
    case "$part" in
      '' | .) ;;
      ..) ((${#kept[@]})) && unset 'kept[${#kept[@]}-1]' ;;
      *) kept+=("$part") ;;
    esac
  done
  printf -v REPLY '/%s' "${kept[@]}"
}

# The repository: the folder above this script's, absolute, without a subshell or dirname.
case "${BASH_SOURCE[0]}" in
  */*) root="${BASH_SOURCE[0]%/*}/.." ;;
  *) root=.. ;;
esac
[[ "$root" == /* ]] || root="$PWD/$root"
normalize "$root"
root=$REPLY
r2r_out="$root/.build/infra"
native_out="$root/.build/infra-native"

# The CLI project and every project it references, transitively, read from the project files, into PROJECT_DIRS.
PROJECT_DIRS=()
project_dirs() {
  PROJECT_DIRS=()
  local -A seen=()
  local queue=("$root/cli/Infra.Cli.csproj") project dir line pattern='<ProjectReference Include="([^"]+)"'
  while ((${#queue[@]})); do
    project=${queue[0]}
    queue=("${queue[@]:1}")
    dir=${project%/*}
    [[ -n "${seen[$dir]:-}" ]] && continue
    seen[$dir]=1
    PROJECT_DIRS+=("$dir")
    while IFS= read -r line || [[ -n "$line" ]]; do
      if [[ "$line" =~ $pattern ]]; then
        normalize "$dir/${BASH_REMATCH[1]//\\//}"
        queue+=("$REPLY")
      fi
    done < "$project"
  done
}

# Prints the first input newer than the built tool $1 (or $1 itself when missing) and succeeds; fails when fresh.
# The watched folders are read from the list written beside $1 at build time: reading one file is cheaper
# than parsing the project files on every call, and a changed reference means a changed project file,
# which triggers the build that rewrites the list. (watch-list.txt: the watched-projects.txt of builds made
# before the in-tool check and the watched-paths.txt of builds made before ./infra's fast path do not count;
# such tools do not check, or cannot relaunch this script, so they are judged here and rebuilt.)
stale() {
  [[ ! -e "$1" ]] && { echo "$1"; return 0; }
  local changed watched="${1%/*}/watch-list.txt"
  if [[ -f "$watched" ]]; then mapfile -t PROJECT_DIRS < "$watched"; else project_dirs; fi
  # obj/ and bin/ are pruned, not filtered: not walking them keeps this check to a few ms per call.
  changed=$(find "${PROJECT_DIRS[@]}" \( -name obj -o -name bin \) -prune -o -type f -newer "$1" -print -quit 2>/dev/null)
  [[ -n "$changed" ]] && { echo "$changed"; return 0; }
  for changed in "$root/Directory.Packages.props" "$root/Directory.Build.props" "$root/global.json"; do
    [[ "$changed" -nt "$1" ]] && { echo "$changed"; return 0; }
  done
  return 1
}

# After a build: the folders and root files it watched, for the next call's check (here or in the tool).
write_watched() {
  project_dirs
  printf '%s\n' "${PROJECT_DIRS[@]}" "$root/Directory.Packages.props" "$root/Directory.Build.props" "$root/global.json" \
    > "$1/watch-list.txt"
}

# Runs the built tool ($1, then its command line) with the in-tool freshness check; returns only when the
# tool reported itself stale (exit code 75), and otherwise exits with the tool's code. Only a build that wrote
# watch-list.txt has the check (an older tool would ignore it and never report itself stale).
run_if_fresh() {
  local built=$1 code=0 watched="${1%/*}/watch-list.txt"
  shift
  [[ -f "$watched" ]] || return 0
  INFRA_FRESH_AGAINST="$built" INFRA_WATCHED="$watched" "$@" || code=$?
  ((code == 75)) || exit "$code"
}

native_toolchain() {
  [[ "${INFRA_NATIVE:-1}" != "0" ]] && command -v clang >/dev/null 2>&1 \
    && { [[ -f /usr/include/zlib.h ]] || [[ -f /usr/include/x86_64-linux-gnu/zlib.h ]] || [[ -f /usr/include/aarch64-linux-gnu/zlib.h ]]; }
}

exe="$native_out/infra"
failed="$native_out.failed"   # a native build that failed for these sources: use ReadyToRun, retry on change
dll="$r2r_out/infra.dll"

case "${INFRA_LAUNCHER_CHECK:-}" in
  projects) project_dirs; printf '%s\n' "${PROJECT_DIRS[@]}"; exit 0 ;;
  1)
    target="$dll"
    if native_toolchain && { [[ -x "$exe" && ! -e "$failed" ]] || stale "$failed" >/dev/null; }; then target="$exe"; fi
    if changed=$(stale "$target"); then echo "stale: $changed"; else echo "fresh"; fi
    exit 0 ;;
esac

# A synthesis allocates in one short burst and exits: a 128 MB gen0 budget lets most programs finish
# without a garbage collection (half the time of a large program; no cost at start-up, measured).
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x8000000}"

if native_toolchain; then
  if [[ "${INFRA_SKIP_BUILD:-}" != "1" && -x "$exe" && ! -e "$failed" ]]; then run_if_fresh "$exe" "$exe" "$@"; fi
  if [[ "${INFRA_SKIP_BUILD:-}" != "1" ]] && changed=$(stale "$exe") && stale "$failed" >/dev/null; then
    if [[ -e "$exe" ]]; then
      echo "infra: ${changed#"$root"/} changed since the native compiler was built; rebuilding .build/infra-native" \
           "(a minute or two)..." >&2
    else
      echo "infra: first build of the native compiler into .build/infra-native: this takes a few minutes, once;" \
           "later calls start in milliseconds (rebuilt only when the code changes; INFRA_NATIVE=0 uses ReadyToRun)..." >&2
    fi
    rm -f "$failed"
    # Its own intermediate files (--artifacts-path): a `dotnet build` or `dotnet test` running meanwhile in
    # the working tree does not restore them under it.
    if dotnet publish "$root/cli/Infra.Cli.csproj" -c Release --use-current-runtime -p:PublishAot=true \
         --artifacts-path "$root/.build/obj-native" -o "$native_out" --nologo -v quiet >&2; then
      touch "$exe"
      write_watched "$native_out"
    else
      mkdir -p "$(dirname "$failed")" && touch "$failed"
      echo "infra: the native build failed (output above); using the ReadyToRun build instead." >&2
    fi
  fi
  if [[ -x "$exe" && ! -e "$failed" ]]; then exec "$exe" "$@"; fi
fi

if [[ "${INFRA_SKIP_BUILD:-}" != "1" && -e "$dll" ]]; then run_if_fresh "$dll" dotnet "$dll" "$@"; fi
if [[ "${INFRA_SKIP_BUILD:-}" != "1" ]] && changed=$(stale "$dll"); then
  if [[ -e "$dll" ]]; then
    echo "infra: ${changed#"$root"/} changed since the tool was built; rebuilding .build/infra..." >&2
  else
    echo "infra: building the tool into .build/infra (once; rebuilt only when the code changes)..." >&2
  fi
  # ReadyToRun: precompiled code halves the start-up Pulumi pays on every call.
  dotnet publish "$root/cli/Infra.Cli.csproj" -c Release --use-current-runtime --self-contained false \
    -p:PublishReadyToRun=true --artifacts-path "$root/.build/obj-r2r" -o "$r2r_out" --nologo -v quiet >&2
  touch "$dll"
  write_watched "$r2r_out"
fi
exec dotnet "$dll" "$@"
