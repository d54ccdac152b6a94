#!/usr/bin/env bash
# Time to the first task's log line: our host and a warm ./build.sh against dotnet cake.
#   benchmarks/host-startup.sh [--runs N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Everything built and restored first, so no contender's timed runs include a build.
dotnet build benchmarks/HostStartup --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2
dotnet build benchmarks/StartupBenchmark --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2
dotnet tool restore >&2
# Makes build.sh warm: a rebuild of the pipeline, if one is due, happens here and not in a timed run.
./build.sh --target=Version >/dev/null

exec "$root/artifacts/bin/StartupBenchmark/release/StartupBenchmark" "$@"
