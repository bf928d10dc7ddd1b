#!/usr/bin/env bash
# Copy and coverage at the same budget (issue 14): the shipped `aeslc` recipe trained three ways for MINUTES each,
# one libtorch thread per run, two runs side by side on a 2-core machine, then each scored on AESLC dev by
# `heed eval summarization` (greedy): ROUGE-1/2/L against the original subject, repeated trigrams, copied words.
#   none      --no-copy --no-coverage      (a GRU encoder-decoder with additive attention)
#   copy      --copy --no-coverage         (pointer-generator)
#   copy+cov  --copy --coverage, the coverage loss from epoch 2 (the shipped recipe switches it on at epoch 4,
#             which a short budget never reaches)
# Usage: tasks/recipes/aeslc-ablation.sh OUT_DIR [MINUTES] [DATA_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$1; minutes=${2:-15}; data=${3:-$root/../shared/data/aeslc}
mkdir -p "$out"
export HEED_JAVA_OPTS="-Dai.djl.pytorch.num_threads=1 ${HEED_JAVA_OPTS:-}"
train() { # $1 name, rest: flags
  local name=$1; shift
  "$root/bin/heed" train summarization --train "$data/train.jsonl.gz" --dev "$data/dev.jsonl.gz" \
    --out "$out/$name" --name "aeslc-$name" --max-source-tokens 128 --set hiddenSize=192 --set embeddingDim=128 \
    --set-decoder embeddingDim=128 --set-decoder attentionDim=192 --vocab-size 8000 --batch-size 32 --lr 0.002 \
    --warmup 400 --epochs 40 --patience 3 --time-limit "$minutes" --weights-dtype F16 "$@" > "$out/$name.log" 2>&1
}
evaluate() { # $1 name: with the default decoding guards, then without them (what the model itself repeats)
  "$root/bin/heed" eval summarization --model "$out/$1" --data "$data/dev.jsonl.gz" --beam 1 \
    --report "$out/$1.eval.json" > "$out/$1.eval.txt" 2> "$out/$1.eval.err"
  "$root/bin/heed" eval summarization --model "$out/$1" --data "$data/dev.jsonl.gz" --beam 1 --no-repeat-ngram 0 \
    --max-repeat 0 --report "$out/$1.raw.json" > "$out/$1.raw.txt" 2> "$out/$1.raw.err"
}
train none --no-copy --no-coverage &
train copy --copy --no-coverage &
wait
train copy+cov --copy --coverage --coverage-from-epoch 2 &
evaluate none
evaluate copy
wait
evaluate copy+cov
for name in none copy copy+cov; do echo "== $name"; cat "$out/$name.eval.txt" "$out/$name.raw.txt"; done
