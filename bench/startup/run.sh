#!/usr/bin/env bash
# Start-up of a one-line `heed sentiment` (the default model), whole process: RUNS runs (default 7) of each
# configuration after one warm-up, interleaved; prints the median wall time and the median of each phase that
# HEED_TIMINGS=1 reports (launcher+jvm, model load with libtorch alongside, run).
#   default       what bin/heed does: class-data sharing archive, libtorch loaded in the background, C1 only
#   no-preload    the archive, libtorch loaded when the model asks for it (-Dheed.preload=false)
#   no-cds        no archive (HEED_CDS=0), libtorch in the background
#   neither       no archive, no preload (how Heed started before both)
# Usage: bench/startup/run.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() { # $1 config name
  local cds=1 opts=""
  case $1 in
    no-preload) opts="-Dheed.preload=false" ;;
    no-cds) cds=0 ;;
    neither) cds=0; opts="-Dheed.preload=false" ;;
  esac
  local start end
  start=$(date +%s.%N)
  echo "a great movie" | HEED_CDS=$cds HEED_TIMINGS=1 HEED_JAVA_OPTS="$opts ${HEED_JAVA_OPTS:-}" \
    "$root/bin/heed" sentiment -q > "$work/out" 2> "$work/err"
  end=$(date +%s.%N)
  grep -q '"label":"positive"' "$work/out" || { echo "unexpected output: $(cat "$work/out" "$work/err")" >&2; exit 1; }
  printf '%s\t%s\t%s\n' "$1" "$(python3 -c "print($end - $start)")" "$(grep 'timings' "$work/err")" >> "$work/results"
}
echo "warm-up (writes the archive if it is missing)"; run default; : > "$work/results"
for r in $(seq 1 "$runs"); do for c in default no-preload no-cds neither; do run $c; done; done
python3 - "$work/results" <<'PY'
import collections, re, statistics, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    config, wall, timings = line.rstrip('\n').split('\t')
    phases = dict((k.strip(), float(v)) for k, v in re.findall(r'([a-z+ ]+?) (\d+\.\d+) s', timings.split(': ', 1)[1]))
    rows[config].append((float(wall), phases))
print('| configuration | wall s (median) | launcher+jvm | model (libtorch alongside) | run | libtorch load |')
print('|---|---:|---:|---:|---:|---:|')
for config in ('default', 'no-preload', 'no-cds', 'neither'):
    r = rows[config]
    med = lambda key: statistics.median(p.get(key, float('nan')) for _, p in r)
    lib = [p['libtorch loaded alongside in'] for _, p in r if 'libtorch loaded alongside in' in p]
    print(f"| {config} | {statistics.median(w for w, _ in r):.2f} | {med('launcher+jvm'):.2f} | {med('model'):.2f} | "
          f"{med('run'):.2f} | {statistics.median(lib):.2f} |" if lib else
          f"| {config} | {statistics.median(w for w, _ in r):.2f} | {med('launcher+jvm'):.2f} | {med('model'):.2f} | "
          f"{med('run'):.2f} | (in model) |")
PY
