#!/usr/bin/env bash
# Installs the npm tools the tests use into .build/npm-tools (git-ignored), pinned to exact versions.
# Called by .ci/run; safe to run again (npm skips what is already installed).
#   @action-validator/cli  validates .github/workflows/*.yml against GitHub's workflow schema
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="$root/.build/npm-tools"
mkdir -p "$prefix"
if ! command -v npm >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [[ "$(id -u)" == "0" ]]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "install-npm-tools: npm is not installed; install Node.js and npm (e.g. apt-get install -y nodejs npm) and run again." >&2
  exit 1
fi
npm install --prefix "$prefix" --save-exact --no-audit --no-fund --loglevel=error \
  "@action-validator/cli@0.6.0"
test -x "$prefix/node_modules/.bin/action-validator" && echo "install-npm-tools: action-validator ready in $prefix"
