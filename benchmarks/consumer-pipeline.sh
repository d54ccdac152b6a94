#!/usr/bin/env bash
# Sourced (after $root is set to the repository root) by host-startup.sh and by every benchmark whose whole-process
# row starts a pipeline: builds the consumer pipeline and exports CAKE_RELEASE_BENCH_PIPELINE, the ReadyToRun
# executable those rows start (Benchmarks.Shared.PipelineHost), because that is the pipeline users run, not the
# benchmark's own JIT-compiled executable.
#
# The consumer: a copy of examples/monorepo (in $consumer) whose build/ references the package packed from this tree,
# under a version derived from its content (NuGet caches a version for good, so a changed package needs a new one),
# published ReadyToRun by its own build.sh into $consumer/artifacts/pipeline. A consumer already built for the same
# package and the same examples/monorepo is reused (the stamp holds both), so the pack and publish happen once.

work="$root/artifacts/benchmarks/startup"
consumer="$work/monorepo"
dotnet build "$root/src/Cake.Release" --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2
hash="$(cat "$root/artifacts/bin/Cake.Release/release/Cake.Release.dll" "$root/src/Cake.Release/buildTransitive/Cake.Release.props" | sha256sum | cut -c1-12)"
version="0.1.0-startup.$hash"
stamp="$work/consumer-built"
built="$version $(cd "$root" && git ls-files -z examples/monorepo | xargs -0 cat | sha256sum | cut -c1-12)"
if [[ ! -x "$consumer/artifacts/pipeline/Build" || "$(cat "$stamp" 2>/dev/null)" != "$built" ]]; then
  rm -f "$stamp"
  dotnet pack "$root/src/Cake.Release" --configuration Release --no-build --nologo --verbosity quiet -p:PackageVersion="$version" --output "$work/feed" >&2
  rm -rf "$consumer"
  cp -r "$root/examples/monorepo" "$consumer"
  (
    cd "$consumer"
    sed -i "s#../../artifacts/packages#$work/feed#" nuget.config
    sed -i "s#'\$(CakeReleaseVersion)' == ''\">0.1.0<#'\$(CakeReleaseVersion)' == ''\">$version<#" build/Build.csproj
    git init --quiet --initial-branch=main && git add --all && git -c user.name=bench -c user.email=bench@example.invalid commit --quiet -m "the shop"
    # build.sh's ReadyToRun publish (artifacts/pipeline), as a user's CI runs it.
    ./build.sh --target=DetectChanged --base=HEAD --head=HEAD >/dev/null
  )
  echo "$built" >"$stamp"
fi

export CAKE_RELEASE_BENCH_PIPELINE="$consumer/artifacts/pipeline/Build"
