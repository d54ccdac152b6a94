#!/usr/bin/env bash
# Runs the shop's release pipeline (build/) from the repository root: ./build.sh --target=DeployDev
# The pipeline is built only when build/ (where the Cake.Release version is pinned) changed since the last build,
# so a warm call starts it directly. It is published ReadyToRun (precompiled for this machine, see build/Build.csproj):
# every CI step starts it, and precompiled code starts in about two thirds of the time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
bin="$root/artifacts/pipeline"
stamp="$bin/.pipeline-built"

if [[ ! -x "$bin/Build" || ! -f "$stamp" ]] ||
   [[ -n "$(find build global.json nuget.config -newer "$stamp" -print -quit)" ]]; then
  mkdir -p artifacts
  if ! dotnet publish build/Build.csproj --configuration Release --use-current-runtime --output "$bin" --nologo >artifacts/pipeline-build.log 2>&1; then
    cat artifacts/pipeline-build.log >&2   # shown only when building the pipeline failed
    exit 1
  fi
  touch "$stamp"
fi

exec "$bin/Build" "$@"
