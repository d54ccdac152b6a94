#!/usr/bin/env bash
# Sourced by every benchmark script: the date, the machine and its load, printed before the benchmark's tables and
# again when it ends, so a table is never read without the conditions it was measured under (2 cores shared with
# other work make every figure move).
conditions() {
  printf '%s: %s, %s cores, load average %s\n' "$1" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
}
conditions "Started"
trap 'conditions "Ended"' EXIT
