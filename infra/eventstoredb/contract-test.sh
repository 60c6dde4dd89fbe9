#!/usr/bin/env bash
# Runs the EventStoreDB adapter's tests, the shared contract suite included, against a
# throwaway single-node KurrentDB started with docker compose, then removes it.
#
#   infra/eventstoredb/contract-test.sh              # KurrentDB on 127.0.0.1:2113
#   KURRENTDB_PORT=2114 KURRENTDB_IMAGE=eventstore/eventstore:24.10 infra/eventstoredb/contract-test.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export KURRENTDB_PORT="${KURRENTDB_PORT:-2113}"
# A project of its own, so this never touches (or deletes the data of) a stack started by hand.
compose=(docker compose --project-name accord-esdb-contract --file "$here/compose.yaml")
healthy_within_s=120

cleanup() {
  "${compose[@]}" down --volumes --remove-orphans >/dev/null 2>&1 || true
}
trap cleanup EXIT

"${compose[@]}" up --detach kurrentdb

container="$("${compose[@]}" ps --quiet kurrentdb)"
echo "Waiting for KurrentDB to report healthy..."
for ((waited = 0; ; waited += 2)); do
  status="$(docker inspect --format '{{.State.Health.Status}}' "$container")"
  [[ "$status" == healthy ]] && break
  if ((waited >= healthy_within_s)); then
    echo "KurrentDB is still '$status' after ${healthy_within_s}s; its log:" >&2
    "${compose[@]}" logs kurrentdb >&2
    exit 1
  fi
  sleep 2
done

cd "$repo/server"
TZ=UTC EVENTSTORE_CONNECTION_STRING="esdb://localhost:${KURRENTDB_PORT}?tls=false" \
  npx vitest run src/eventstore/esdb
