#!/usr/bin/env bash
# Whole-process throughput of `heed sentiment` over one input file, for several models and worker counts: RUNS runs
# (default 5) of each configuration after one warm-up of each, interleaved run by run; prints the median wall time,
# texts per second (the input's lines over the median wall time: JVM start and model load included) and, when a dev
# file is given, each model's accuracy on it (from `heed eval sentiment`).
# Usage: bench/sentiment-throughput/run.sh INPUT.txt RUNS "MODEL..." "THREADS..." [DEV.tsv]
#   MODEL: a model name (sst2) or directory; THREADS: values of --threads (auto, 1, 2, ...)
# Example: bench/sentiment-throughput/run.sh train.txt 5 "sst2 work/sst2-student" "auto 1" ../shared/data/sst2/dev.tsv
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
input=$1; runs=${2:-5}; models=${3:-sst2}; threads=${4:-auto}; dev=${5:-}
lines=$(wc -l < "$input")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() { # $1 model, $2 threads
  local start end
  start=$(date +%s.%N)
  "$root/bin/heed" sentiment --model "$1" --threads "$2" --batch-size 256 -i "$input" -o "$work/out.jsonl" -q
  end=$(date +%s.%N)
  [ "$(wc -l < "$work/out.jsonl")" -eq "$lines" ] || { echo "$1: lost lines" >&2; exit 1; }
  printf '%s\t%s\t%s\n' "$1" "$2" "$(python3 -c "print($end - $start)")" >> "$work/results"
}
for m in $models; do for t in $threads; do run "$m" "$t"; done; done   # warm-up: archive, model cache
: > "$work/results"
for r in $(seq 1 "$runs"); do for m in $models; do for t in $threads; do run "$m" "$t"; done; done; done
if [ -n "$dev" ]; then
  for m in $models; do
    acc=$("$root/bin/heed" eval sentiment --model "$m" --data "$dev" 2>/dev/null | sed -n 's/.*accuracy[^0-9]*\([0-9.]*\).*/\1/p' | head -n 1)
    printf '%s\t%s\n' "$m" "$acc" >> "$work/accuracy"
  done
fi
python3 - "$work/results" "$lines" "$work/accuracy" <<'PY'
import collections, os, statistics, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    model, threads, wall = line.rstrip('\n').split('\t')
    rows[(model, threads)].append(float(wall))
lines = int(sys.argv[2])
accuracy = dict(l.rstrip('\n').split('\t') for l in open(sys.argv[3])) if os.path.exists(sys.argv[3]) else {}
print(f'| model | --threads | wall s (median of {len(next(iter(rows.values())))}) | runs | texts/s | dev accuracy |')
print('|---|---|---:|---|---:|---:|')
for (model, threads), walls in rows.items():
    med = statistics.median(walls)
    print(f"| {model} | {threads} | {med:.2f} | {', '.join(f'{w:.1f}' for w in walls)} | {lines / med:,.0f} |"
          f" {accuracy.get(model, '')} |")
PY
