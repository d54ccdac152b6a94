#!/usr/bin/env bash
# Publish latency per fragment: Cake.Release's conditional publisher beside plain PutItem calls, on dynalite.
#   benchmarks/publish-latency.sh [--runs N] [--facts F]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/run-conditions.sh"
[ -f "$root/tests/Interop/node_modules/dynalite/cli.js" ] || (cd "$root/tests/Interop" && npm ci --no-audit --no-fund >&2)
dotnet build "$root/benchmarks/PublishLatency" --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2
"$root/artifacts/bin/PublishLatency/release/PublishLatency" "$@"
