#!/usr/bin/env bash
# Runs the shop's release pipeline (build/) from the repository root: ./build.sh --target=DeployDev
# The pipeline is built only when build/ (where the Cake.Release version is pinned) changed since the last build,
# so a warm call starts it directly.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
bin="$root/artifacts/bin/Build/release"
stamp="$bin/.pipeline-built"

if [[ ! -x "$bin/Build" || ! -f "$stamp" ]] ||
   [[ -n "$(find build global.json nuget.config -newer "$stamp" -print -quit)" ]]; then
  mkdir -p artifacts
  if ! dotnet build build/Build.csproj --configuration Release --nologo >artifacts/pipeline-build.log 2>&1; then
    cat artifacts/pipeline-build.log >&2   # shown only when building the pipeline failed
    exit 1
  fi
  touch "$stamp"
fi

exec "$bin/Build" "$@"
