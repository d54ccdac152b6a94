#!/usr/bin/env bash
# Status of 50 repositories x 40 components x 3 environments: from the release record (dynalite) vs from git.
#   benchmarks/status-sources.sh [--runs N] [--repositories R] [--services C]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/run-conditions.sh"
cd "$root"

command -v node >/dev/null || { echo "status-sources.sh needs node: apt-get install nodejs npm" >&2; exit 2; }
[ -f tests/Interop/node_modules/dynalite/cli.js ] || (cd tests/Interop && npm ci --no-audit --no-fund >&2)
dotnet build benchmarks/StatusSources --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2
"$root/artifacts/bin/StatusSources/release/StatusSources" "$@"
