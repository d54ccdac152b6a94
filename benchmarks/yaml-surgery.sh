#!/usr/bin/env bash
# One value set in a generated 2,000-line Helm values file: our surgery against a YamlDotNet round trip.
#   benchmarks/yaml-surgery.sh [--runs N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/run-conditions.sh"
cd "$root"

dotnet build benchmarks/YamlSurgery --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2
"$root/artifacts/bin/YamlSurgery/release/YamlSurgery" "$@"
