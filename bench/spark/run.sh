#!/usr/bin/env bash
# Records per second of heed-spark on local[2] against `heed ... --threads 2` on the same data: sentiment (sst2) and
# embed (all-minilm-l6-v2) over the SST-2 dev sentences (872) as JSON lines. Per task and runner: one warm-up run,
# then RUNS runs (default 3), whole process (JVM, Spark start, model load, inference, writing); the median's records/s.
# Each runner's fixed cost (JVM and Spark start, model load, Spark's jobs) is measured on a one-record input the same
# way, and the rate beyond it reported beside: the rate that more data, or more executors, multiply.
# Usage: bench/spark/run.sh [RUNS]   (SST2_DEV overrides the data file)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-3}
data=${SST2_DEV:-$root/../shared/data/sst2/dev.tsv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -c "
import csv, json, sys
with open(sys.argv[1], encoding='utf-8') as f:
    rows = list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))
for i, r in enumerate(rows):
    print(json.dumps({'id': i + 1, 'text': r['sentence']}))" "$data" > "$work/in.jsonl"
head -n 1 "$work/in.jsonl" > "$work/one.jsonl"
n=$(wc -l < "$work/in.jsonl")
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), shared; $n records"

median() { python3 -c "import statistics,sys; print(f'{statistics.median(float(x) for x in sys.argv[1:]):.2f}')" "$@"; }

# time_runs LABEL RECORDS CMD...: warm-up + $runs runs; prints each and the median; leaves it in $med.
time_runs() {
  label=$1; records=$2; shift 2
  ts=()
  for r in $(seq 0 "$runs"); do
    rm -rf "$work/out" "$work/out.errors" "$work/out.jsonl" "$work/out.errors.jsonl"
    start=$(date +%s.%N)
    "$@" > /dev/null 2> "$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    end=$(date +%s.%N)
    t=$(python3 -c "print(f'{$end - $start:.2f}')")
    [ "$r" -eq 0 ] || ts+=("$t")
  done
  med=$(median "${ts[@]}")
  echo "$label: runs ${ts[*]} s; median $med s = $(python3 -c "print(f'{$records / $med:.1f}')") records/s"
}

for task in sentiment embed; do
  time_runs "heed $task --threads 2" "$n" "$root/bin/heed" "$task" --quiet --threads 2 -i "$work/in.jsonl" -o "$work/out.jsonl"
  cli=$med
  time_runs "heed $task --threads 2, 1 record (fixed cost)" 1 "$root/bin/heed" "$task" --quiet --threads 2 -i "$work/one.jsonl" -o "$work/out.jsonl"
  cli_fixed=$med
  time_runs "heed-spark $task local[2]" "$n" "$root/bin/heed-spark" "$task" --master 'local[2]' -q -i "$work/in.jsonl" -o "$work/out"
  spark=$med
  time_runs "heed-spark $task local[2], 1 record (fixed cost)" 1 "$root/bin/heed-spark" "$task" --master 'local[2]' -q -i "$work/one.jsonl" -o "$work/out"
  fixed=$med
  python3 -c "
n, cli, spark, fixed, cli_fixed = $n, $cli, $spark, $fixed, $cli_fixed
print(f'$task: whole process heed {n / cli:.1f} records/s, heed-spark {n / spark:.1f} records/s;'
      f' beyond the fixed cost (heed {cli_fixed:.1f} s, heed-spark {fixed:.1f} s):'
      f' heed {n / max(cli - cli_fixed, 1e-9):.1f} records/s, heed-spark {n / max(spark - fixed, 1e-9):.1f} records/s')"
done
