#!/usr/bin/env bash
# W pipelines recording W services in one environment at once: wall time until all finished, and lost updates.
#   benchmarks/gitops-writers.sh [--runs N] [--writers W]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet build "$root/benchmarks/GitOpsWriters" --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2
exec "$root/artifacts/bin/GitOpsWriters/release/GitOpsWriters" "$@"
