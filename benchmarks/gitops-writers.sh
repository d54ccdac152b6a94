#!/usr/bin/env bash
# W pipelines recording W services in one environment at once (and a crowd of C): wall time until all finished,
# and lost updates; then one uncontended write beside git's plumbing as a script.
#   benchmarks/gitops-writers.sh [--runs N] [--writers W] [--crowd C] [--single-runs S]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/run-conditions.sh"
dotnet build "$root/benchmarks/GitOpsWriters" --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2
# The whole-process row starts the consumer's ReadyToRun pipeline, as users run it.
source "$root/benchmarks/consumer-pipeline.sh"
"$root/artifacts/bin/GitOpsWriters/release/GitOpsWriters" "$@"
