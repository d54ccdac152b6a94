#!/usr/bin/env bash
# DeployDev in a generated 100-service monorepo for K = 10, 50, 100 changed services, every image already in the
# registry: ours as a whole process and in-process vs one commit + one push in shell plumbing.
#   benchmarks/deploy-dev.sh [--runs N]
# Needs strace for the git-process, commit and push counts.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/run-conditions.sh"
cd "$root"

command -v strace >/dev/null || { echo "deploy-dev.sh needs strace: apt-get install strace" >&2; exit 2; }
dotnet build benchmarks/DeployDev --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2
# The whole-process row starts the consumer's ReadyToRun pipeline, as users run it.
source "$root/benchmarks/consumer-pipeline.sh"
"$root/artifacts/bin/DeployDev/release/DeployDev" "$@"
