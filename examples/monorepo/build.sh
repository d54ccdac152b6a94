#!/usr/bin/env bash
# Runs the shop's release pipeline (build/) from the repository root: ./build.sh --target=DeployDev
# The pipeline is built only when build/ (or the Cake.Release version asked for) changed since the last build,
# so a warm call starts it directly.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
bin="$root/artifacts/bin/Build/release"
stamp="$bin/.pipeline-built"
version="${CakeReleaseVersion:-}"

if [[ ! -x "$bin/Build" || ! -f "$stamp" || "$(cat "$stamp")" != "$version" ]] ||
   [[ -n "$(find build global.json nuget.config -newer "$stamp" -print -quit)" ]]; then
  mkdir -p artifacts
  if ! dotnet build build/Build.csproj --configuration Release --nologo >artifacts/pipeline-build.log 2>&1; then
    cat artifacts/pipeline-build.log >&2   # shown only when building the pipeline failed
    exit 1
  fi
  printf '%s' "$version" >"$stamp"
fi

exec "$bin/Build" "$@"
