#!/usr/bin/env bash
# Whole-process speed of `heed summarize` with the shipped aeslc model: the first N non-blank AESLC dev e-mails
# (default 400) as JSON lines, beam 4 (See et al.; heed summarize is greedy by default), batch 16; one warm-up run, then RUNS runs (default 5);
# prints each run's wall seconds and the median's documents per second. Usage: bench/summarize/run.sh [N] [RUNS]
# MODEL (default: the shipped default of heed summarize) names another model or directory to time the same way.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-400}
runs=${2:-5}
data=${AESLC_DEV:-$root/../shared/data/aeslc/dev.jsonl.gz}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -c "
import gzip, json, sys
n = int(sys.argv[1]); k = 0
with gzip.open(sys.argv[2], 'rt', encoding='utf-8') as f:
    for line in f:
        d = json.loads(line)
        if d['text'].strip() and k < n:
            print(json.dumps({'id': d['id'], 'text': d['text']})); k += 1" "$n" "$data" > "$work/in.jsonl"
times=()
for r in $(seq 0 "$runs"); do
  start=$(date +%s.%N)
  "$root/bin/heed" summarize ${MODEL:+--model "$MODEL"} --quiet --beam 4 --batch-size 16 -i "$work/in.jsonl" -o "$work/out.jsonl"
  end=$(date +%s.%N)
  t=$(python3 -c "print(f'{$end - $start:.2f}')")
  if [ "$r" -eq 0 ]; then echo "warm-up: $t s"; else echo "run $r: $t s"; times+=("$t"); fi
done
python3 -c "
import statistics, sys
ts = [float(x) for x in sys.argv[3:]]; n = int(sys.argv[1])
m = statistics.median(ts)
print(f'{sys.argv[2]}: median {m:.2f} s over {len(ts)} runs: {n / m:.1f} documents/s (whole process, {n} documents, beam 4, batch 16)')" "$n" "${MODEL:-the default}" "${times[@]}"
