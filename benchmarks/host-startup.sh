#!/usr/bin/env bash
# Time to the first task's log line: our host and a warm ./build.sh against dotnet cake, then the consumer pipeline
# (examples/monorepo consuming the package packed from this tree) against its own --version.
#   benchmarks/host-startup.sh [--runs N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/run-conditions.sh"
cd "$root"

# Everything built and restored first, so no contender's timed runs include a build.
dotnet build benchmarks/HostStartup --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2
dotnet build benchmarks/StartupBenchmark --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2
dotnet tool restore >&2
# Makes build.sh warm: a rebuild of the pipeline, if one is due, happens here and not in a timed run.
./build.sh --target=Version >/dev/null

# The consumer (benchmarks/consumer-pipeline.sh): examples/monorepo consuming the package packed from this tree, its
# ReadyToRun pipeline published by its build.sh. This benchmark also times a plain dotnet build of it (artifacts/bin).
source "$root/benchmarks/consumer-pipeline.sh"
(cd "$consumer" && dotnet build build/Build.csproj --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2)

"$root/artifacts/bin/StartupBenchmark/release/StartupBenchmark" --consumer "$consumer" "$@"
