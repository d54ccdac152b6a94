#!/usr/bin/env bash
# Status from git at 1,000 and 10,000 services x 3 environments, each version tag checked in an OCI layout:
# ours (alias in-process, Status target as a whole process) vs 3x git show.
#   benchmarks/status-scale.sh [--runs N] [--services S]...
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/run-conditions.sh"
cd "$root"

dotnet build benchmarks/StatusScale --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2
# The whole-process row starts the consumer's ReadyToRun pipeline, as users run it.
source "$root/benchmarks/consumer-pipeline.sh"
"$root/artifacts/bin/StatusScale/release/StatusScale" "$@"
