#!/usr/bin/env pwsh
# Runs the shop's release pipeline (build/) from the repository root: ./build.ps1 --target=DeployDev
# The pipeline is built only when build/ (where the Cake.Release version is pinned) changed since the last build,
# so a warm call starts it directly.
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
Set-Location $root
$bin = Join-Path $root 'artifacts/bin/Build/release'
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
    dotnet build build/Build.csproj --configuration Release --nologo *> $log
    if ($LASTEXITCODE -ne 0) { Get-Content $log | Write-Host; exit $LASTEXITCODE }   # shown only when building the pipeline failed
    Set-Content -NoNewline -Path $stamp -Value ''
}

& dotnet $exe @args
exit $LASTEXITCODE
