#!/usr/bin/env bash
# `heed embed` against HF transformers (PyTorch) on the same sentences, model files, batch size and thread count,
# both whole processes, interleaved run by run; also the largest difference between their vectors.
# Needs a Python with torch, transformers and tokenizers: PYTHON=/path/to/venv/bin/python (default python3).
# Usage: bench/embed-vs-hf/run.sh [RUNS] [BATCH] [THREADS]   (defaults: 5 runs, batch 32, 1 thread; heed runs one
# worker, --threads 1, so that both sides use THREADS threads in all)
# Sentences: SST-2 dev (872). Model: all-MiniLM-L6-v2 from Heed's model cache (extracted on first use).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}; batch=${2:-32}; threads=${3:-1}
python=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cut -f1 "$root/../shared/data/sst2/dev.tsv" | tail -n +2 > "$work/in.txt"
opts="-Dai.djl.pytorch.num_threads=$threads -Dai.djl.pytorch.num_interop_threads=1"
HEED_JAVA_OPTS="$opts" "$root/bin/heed" embed --quiet --threads 1 --model all-minilm-l6-v2 --format text -i "$work/in.txt" \
  -o "$work/heed.jsonl"   # warm-up; extracts the model
model_dir=$(ls -d "${HEED_HOME:-$HOME/.cache/heed}"/models/all-minilm-l6-v2-* | head -n 1)
"$python" "$root/bench/embed-vs-hf/hf_embed.py" "$model_dir" "$work/in.txt" "$work/hf.jsonl" "$batch" "$threads"
echo "$(wc -l < "$work/in.txt") sentences, batch $batch, $threads thread(s), $runs runs, $(date -u +%FT%TZ)"
for r in $(seq 1 "$runs"); do
  s=$(date +%s.%N)
  HEED_JAVA_OPTS="$opts" "$root/bin/heed" embed --quiet --threads 1 --model all-minilm-l6-v2 --format text --batch-size "$batch" \
    -i "$work/in.txt" -o "$work/heed.jsonl"
  m=$(date +%s.%N)
  "$python" "$root/bench/embed-vs-hf/hf_embed.py" "$model_dir" "$work/in.txt" "$work/hf.jsonl" "$batch" "$threads"
  e=$(date +%s.%N)
  echo "run $r: heed $(python3 -c "print(f'{$m - $s:.2f}')") s, hf $(python3 -c "print(f'{$e - $m:.2f}')") s"
  printf '%s\t%s\n' "$(python3 -c "print($m - $s)")" "$(python3 -c "print($e - $m)")" >> "$work/times"
done
python3 - "$work/times" "$work/heed.jsonl" "$work/hf.jsonl" <<'PY'
import json, statistics, sys
t = [tuple(map(float, l.split())) for l in open(sys.argv[1])]
h, f = statistics.median(x[0] for x in t), statistics.median(x[1] for x in t)
diff = max(abs(a - b) for x, y in zip(open(sys.argv[2]), open(sys.argv[3]))
           for a, b in zip(json.loads(x)['vector'], json.loads(y)['vector']))
print(f'median heed {h:.2f} s, HF transformers {f:.2f} s: heed / HF speed {f / h:.2f}; largest vector difference {diff:.2e}')
PY
