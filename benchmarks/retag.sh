#!/usr/bin/env bash
# 50 retags against a loopback docker-registry: ours in one process vs skopeo copy per retag, 1 KB vs 200 MB image;
# ours as a whole process (--target=Retag) and the two raw round trips (HttpClient in-process, two curl processes).
#   benchmarks/retag.sh [--runs N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/run-conditions.sh"
cd "$root"

for tool in docker-registry skopeo curl; do
  command -v "$tool" >/dev/null || { echo "retag.sh needs $tool: apt-get install $tool" >&2; exit 2; }
done

dotnet build benchmarks/Retag --configuration Release --nologo --verbosity quiet -clp:ErrorsOnly >&2
# The whole-process row starts the consumer's ReadyToRun pipeline, as users run it.
source "$root/benchmarks/consumer-pipeline.sh"
"$root/artifacts/bin/Retag/release/Retag" "$@"
