#!/usr/bin/env pwsh
# Runs the shop's release pipeline (build/) from the repository root: ./build.ps1 --target=DeployDev
# The pipeline is built only when build/ (where the Cake.Release version is pinned) changed since the last build,
# so a warm call starts it directly. It is published ReadyToRun (precompiled for this machine, see build/Build.csproj).
$ErrorActionPreference = 'Stop'

# Run as a file (pwsh -File build.ps1 …, or ./build.ps1 through the #! line), PowerShell binds the arguments like its own
# parameters first and cuts '--digest=sha256:…' at the colon; the process's command line, after this script, has them as
# typed. Called from a PowerShell prompt, the prompt has parsed them, and $args holds them whole.
$arguments = $args
$given = [Environment]::GetCommandLineArgs()
for ($i = 1; $i -lt $given.Count; $i++) {
    if ($given[$i] -and [IO.Path]::GetFullPath($given[$i]) -eq $PSCommandPath) {
        $arguments = @($given | Select-Object -Skip ($i + 1))
        break
    }
}

$root = $PSScriptRoot
Set-Location $root
$bin = Join-Path $root 'artifacts/pipeline'
$stamp = Join-Path $bin '.pipeline-built'
$exe = Join-Path $bin 'Build.dll'

$stale = -not (Test-Path $exe) -or -not (Test-Path $stamp)
if (-not $stale) {
    $built = (Get-Item -Force $stamp).LastWriteTimeUtc
    $inputs = @(Get-ChildItem -Force -Path (Join-Path $root 'build') -Recurse -File)
    $inputs += @('global.json', 'nuget.config') | ForEach-Object { Get-Item -Force (Join-Path $root $_) }
    $stale = [bool]($inputs | Where-Object { $_.LastWriteTimeUtc -gt $built } | Select-Object -First 1)
}

if ($stale) {
    New-Item -ItemType Directory -Force -Path (Join-Path $root 'artifacts') | Out-Null
    $log = Join-Path $root 'artifacts/pipeline-build.log'
    dotnet publish build/Build.csproj --configuration Release --use-current-runtime --output $bin --nologo *> $log
    if ($LASTEXITCODE -ne 0) { [Console]::Error.Write((Get-Content -Raw $log)); exit 1 }   # shown only when building the pipeline failed
    Set-Content -NoNewline -Path $stamp -Value ''
}

& dotnet $exe @arguments
exit $LASTEXITCODE
