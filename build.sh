#!/usr/bin/env bash
# Runs this repository's pipeline (build/) from the repository root: ./build.sh --target=Test
# The pipeline is rebuilt only when something under build/ or src/ (or the shared MSBuild files) is
# newer than the last build, so a warm call starts the pipeline directly, without an MSBuild check.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
bin="$root/artifacts/bin/Build/release"
stamp="$bin/.pipeline-built"

if [[ ! -x "$bin/Build" || ! -f "$stamp" ]] ||
   [[ -n "$(find build src Directory.Build.props Directory.Packages.props global.json -newer "$stamp" -print -quit)" ]]; then
  mkdir -p artifacts
  if ! dotnet build build/Build.csproj --configuration Release --nologo >artifacts/pipeline-build.log 2>&1; then
    cat artifacts/pipeline-build.log >&2   # shown only when building the pipeline failed
    exit 1
  fi
  touch "$stamp"
fi

exec "$bin/Build" "$@"
