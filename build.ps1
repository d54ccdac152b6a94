#!/usr/bin/env pwsh
# Runs this repository's pipeline (build/) from the repository root: ./build.ps1 --target=Test
# The pipeline is rebuilt only when something under build/ or src/ (or the shared MSBuild files) is
# newer than the last build, so a warm call starts the pipeline directly, without an MSBuild check.
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
Set-Location $root
$bin = Join-Path $root 'artifacts/bin/Build/release'
$stamp = Join-Path $bin '.pipeline-built'
$exe = Join-Path $bin 'Build.dll'

$stale = -not (Test-Path $exe) -or -not (Test-Path $stamp)
if (-not $stale) {
    $built = (Get-Item -Force $stamp).LastWriteTimeUtc
    $inputs = @('build', 'src') | ForEach-Object { Get-ChildItem -Force -Path (Join-Path $root $_) -Recurse -File }
    $inputs += @('Directory.Build.props', 'Directory.Packages.props', 'global.json') | ForEach-Object { Get-Item -Force (Join-Path $root $_) }
    $stale = [bool]($inputs | Where-Object { $_.LastWriteTimeUtc -gt $built } | Select-Object -First 1)
}

if ($stale) {
    New-Item -ItemType Directory -Force -Path (Join-Path $root 'artifacts') | Out-Null
    $log = Join-Path $root 'artifacts/pipeline-build.log'
    dotnet build build/Build.csproj --configuration Release --nologo *> $log
    if ($LASTEXITCODE -ne 0) { Get-Content $log | Write-Host; exit $LASTEXITCODE }   # shown only when building the pipeline failed
    New-Item -ItemType File -Force -Path $stamp | Out-Null
}

& dotnet $exe @args
exit $LASTEXITCODE
