#!/usr/bin/env bash
# A rollback over a generated 10,000-revision manifest history (100 and 1,000 services in the manifest):
# ours (alias in-process, Rollback target as a whole process) vs git log | git cat-file --batch.
#   benchmarks/rollback-history.sh [--runs N] [--revisions R] [--services S]...
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/run-conditions.sh"
cd "$root"

dotnet build benchmarks/RollbackHistory --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2
# The whole-process row starts the consumer's ReadyToRun pipeline, as users run it.
source "$root/benchmarks/consumer-pipeline.sh"
"$root/artifacts/bin/RollbackHistory/release/RollbackHistory" "$@"
