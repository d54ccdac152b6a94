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

# The consumer: a copy of examples/monorepo whose build/ references the package packed from this tree, under a
# version derived from its content (NuGet caches a version for good, so a changed package needs a new one).
work="$root/artifacts/benchmarks/startup"
dotnet build src/Cake.Release --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2
hash="$(cat artifacts/bin/Cake.Release/release/Cake.Release.dll src/Cake.Release/buildTransitive/Cake.Release.props | sha256sum | cut -c1-12)"
version="0.1.0-startup.$hash"
dotnet pack src/Cake.Release --configuration Release --no-build --nologo --verbosity quiet -p:PackageVersion="$version" --output "$work/feed" >&2
rm -rf "$work/monorepo"
cp -r examples/monorepo "$work/monorepo"
cd "$work/monorepo"
sed -i "s#../../artifacts/packages#$work/feed#" nuget.config
sed -i "s#'\$(CakeReleaseVersion)' == ''\">0.1.0<#'\$(CakeReleaseVersion)' == ''\">$version<#" build/Build.csproj
git init --quiet --initial-branch=main && git add --all && git -c user.name=bench -c user.email=bench@example.invalid commit --quiet -m "the shop"
# Both builds of the pipeline: build.sh's ReadyToRun publish (artifacts/pipeline) and a plain dotnet build (artifacts/bin).
./build.sh --target=DetectChanged --base=HEAD --head=HEAD >/dev/null
dotnet build build/Build.csproj --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2
cd "$root"

"$root/artifacts/bin/StartupBenchmark/release/StartupBenchmark" --consumer "$work/monorepo" "$@"
