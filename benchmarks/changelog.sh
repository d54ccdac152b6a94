#!/usr/bin/env bash
# A changelog for one service path of a generated 10,000-commit monorepo: ours vs git-cliff 2.14.2 (--include-path).
#   benchmarks/changelog.sh [--runs N] [--commits N]
# git-cliff comes from the npm registry (it pulls its platform binary package); GIT_CLIFF=<path> skips the install.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/run-conditions.sh"
cd "$root"

if [[ -z "${GIT_CLIFF:-}" ]]; then
  command -v npm >/dev/null || { echo "changelog.sh needs npm (apt-get install npm) or GIT_CLIFF=<path to git-cliff 2.14.2>" >&2; exit 2; }
  prefix="${TMPDIR:-/tmp}/cake-release-git-cliff-2.14.2"
  [[ -x "$prefix/node_modules/.bin/git-cliff" ]] || npm install --silent --prefix "$prefix" git-cliff@2.14.2 >&2
  export GIT_CLIFF="$prefix/node_modules/.bin/git-cliff"
fi
"$GIT_CLIFF" --version >&2

dotnet build benchmarks/Changelog --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2
# The whole-process row starts the consumer's ReadyToRun pipeline, as users run it.
source "$root/benchmarks/consumer-pipeline.sh"
"$root/artifacts/bin/Changelog/release/Changelog" "$@"
