#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the tests use: the one list, called by .ci/run and by the workflows.
# As root it runs apt-get directly; otherwise through sudo (GitHub's hosted runners allow it without a
# password). Without apt-get it says so and stops: the tests then fail naming the package they miss.
set -euo pipefail

packages=(
  ca-certificates jq
  # onprem3 drill: real etcd, Patroni, PostgreSQL, pgBackRest on loopback.
  postgresql patroni etcd-server etcd-client pgbackrest
  # dc9: cloud-init validates the generated user-data, systemd-analyze verifies the units.
  cloud-init systemd
  # Cloud constraints: python3-botocore's AWS API models, compared with the committed extract.
  python3-botocore
  # The Envoy and Nomad validators (tests/validators, a copy of ../shared/validators).
  python3-protobuf python3-yaml python3-jsonschema
  # NATS realization, diagrams (dot). Not clang/zlib1g-dev: the tests run the ReadyToRun build, and a
  # NativeAOT publish (which ./infra makes where clang exists) would cost CI minutes for no test.
  nats-server graphviz
  # The workflow tests lint every `run:` block.
  shellcheck
  # The global tier's readiness gates poll with curl; their script runs for real against a loopback API.
  curl
)

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-debian: apt-get not found; install these packages yourself: ${packages[*]}" >&2
  exit 1
fi

as_root=()
if [[ "$(id -u)" != "0" ]]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "setup-debian: not root and no sudo; run as root: apt-get install ${packages[*]}" >&2
    exit 1
  fi
  as_root=(sudo --non-interactive)
fi

"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "setup-debian: installed ${#packages[@]} packages"
