#!/usr/bin/env bash
# Whole-process time of a heed command by --batch-size, with glibc's allocator as Heed tunes it (the default) and as
# glibc leaves it (-Dheed.malloc.tune=false), the two interleaved run by run so that both see the same machine.
# Usage: bench/allocator/run.sh TASK [RUNS] [BATCH_SIZES]
#   TASK: embed (SST-2 dev sentences, all-MiniLM-L6-v2), sentiment (SST-2 dev, the default model),
#         translate (Multi30k val English, beam 5), summarize (the first 200 AESLC dev e-mails, beam 4)
# Prints one line per run and a table of medians (seconds, and records per second). One libtorch thread unless
# HEED_THREADS says otherwise; MODES="tuned" runs the default allocator only. No warm-up run is counted.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
task=${1:?usage: bench/allocator/run.sh TASK [RUNS] [BATCH_SIZES]}
runs=${2:-3}
sizes=${3:-"8 32 128"}
threads=${HEED_THREADS:-1}
modes=${MODES:-tuned glibc}
data=$root/../shared/data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case $task in
  embed|sentiment) cut -f1 "$data/sst2/dev.tsv" | tail -n +2 > "$work/in.txt"; args=(--format text) ;;
  translate) gzip -dc "$data/multi30k/val.en.gz" > "$work/in.txt"; args=(--format text --beam 5) ;;
  summarize) python3 -c "
import gzip, json, sys
k = 0
with gzip.open(sys.argv[1], 'rt', encoding='utf-8') as f:
    for line in f:
        d = json.loads(line)
        if d['text'].strip() and k < 200:
            print(json.dumps({'id': d['id'], 'text': d['text']})); k += 1" "$data/aeslc/dev.jsonl.gz" > "$work/in.txt"
    args=(--format jsonl --beam 4) ;;
  *) echo "unknown task $task" >&2; exit 2 ;;
esac
[ "$task" = embed ] && args+=(--model all-minilm-l6-v2)
n=$(wc -l < "$work/in.txt")
echo "task $task: $n records, batch sizes $sizes, $runs runs each, $threads libtorch thread(s), $(date -u +%FT%TZ)"
opts="-Dai.djl.pytorch.num_threads=$threads -Dai.djl.pytorch.num_interop_threads=1"
HEED_JAVA_OPTS="$opts" "$root/bin/heed" "$task" --quiet "${args[@]}" -i "$work/in.txt" -o "$work/out.jsonl" # warm-up
results=$work/results.tsv
for r in $(seq 1 "$runs"); do
  for b in $sizes; do
    for mode in $modes; do
      extra=""; [ $mode = glibc ] && extra="-Dheed.malloc.tune=false"
      /usr/bin/time -f "%e %U %S" -o "$work/t" env HEED_JAVA_OPTS="$opts $extra" "$root/bin/heed" "$task" --quiet \
        "${args[@]}" --batch-size "$b" -i "$work/in.txt" -o "$work/out.jsonl"
      read -r wall user sys < "$work/t"
      echo "run $r batch $b $mode: $wall s wall, $user user, $sys sys"
      printf '%s\t%s\t%s\t%s\n' "$b" "$mode" "$wall" "$sys" >> "$results"
    done
  done
done
python3 - "$results" "$n" <<'PY'
import collections, statistics, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    b, mode, wall, sys_t = line.split('\t')
    rows[(int(b), mode)].append((float(wall), float(sys_t)))
n = int(sys.argv[2])
print('| batch | tuned (default): s | records/s | sys s | glibc defaults: s | records/s | sys s |')
print('|---:|---:|---:|---:|---:|---:|---:|')
for b in sorted({k[0] for k in rows}):
    cells = []
    for mode in ('tuned', 'glibc'):
        if not rows[(b, mode)]:
            cells += ['', '', '']
            continue
        w = statistics.median(x[0] for x in rows[(b, mode)]); s = statistics.median(x[1] for x in rows[(b, mode)])
        cells += [f'{w:.1f}', f'{n / w:,.0f}', f'{s:.1f}']
    print(f'| {b} | ' + ' | '.join(cells) + ' |')
PY
