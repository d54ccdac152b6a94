#!/usr/bin/env bash
# DetectChanged over a 100-commit range of a generated 1,000-service, 20,000-commit monorepo vs a bare git diff.
#   benchmarks/detect-changed.sh [--runs N] [--commits N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/run-conditions.sh"
cd "$root"

dotnet build benchmarks/DetectChanged --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2
# The whole-process row starts the consumer's ReadyToRun pipeline, as users run it.
source "$root/benchmarks/consumer-pipeline.sh"
"$root/artifacts/bin/DetectChanged/release/DetectChanged" "$@"
