#!/usr/bin/env bash
# Trains the AESLC summarizer over the pretrained all-MiniLM-L6-v2 encoder (frozen) with a Transformer decoder
# trained from scratch that copies (Rothe et al. 2020), as reported in docs/summarization-report.md.
# One libtorch thread, nice 5. Per-epoch dev ROUGE-1 on the first 400 dev e-mails (to keep the epochs' evaluation
# cheap); the full dev table comes from `heed eval summarization` afterwards.
# Usage: tasks/recipes/aeslc-bertsum.sh OUT_DIR [TIME_LIMIT_MINUTES [MORE_FLAGS...]]   (writes OUT_DIR)
# e.g. aeslc-bertsum.sh work/bertsum-fixed 75 --freeze-decoder-embeddings
# SOURCE_TOKENS (default 64): the WordPiece tokens of each e-mail the encoder reads.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: aeslc-bertsum.sh OUT_DIR [TIME_LIMIT_MINUTES]}
minutes=${2:-65}
shift $(( $# >= 2 ? 2 : 1 ))
data=${AESLC:-$root/../shared/data/aeslc}
mkdir -p "$(dirname "$out")"
dev400="$(dirname "$out")/aeslc-dev-first400.jsonl"
{ zcat "$data/dev.jsonl.gz" || true; } | head -400 > "$dev400"
export HEED_JAVA_OPTS="${HEED_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1}"
exec nice -n 5 "$root/bin/heed" train summarization --train "$data/train.jsonl.gz" --dev "$dev400" --out "$out" \
  --name "$(basename "$out")" --encoder-init all-minilm-l6-v2 --freeze-encoder --max-source-tokens "${SOURCE_TOKENS:-64}" \
  --set-decoder layers=2 --set-decoder maxLength=32 --max-train-tokens 32 --batch-size 16 --lr 0.001 --warmup 150 \
  --epochs 20 --patience 2 --average-last 2 --time-limit "$minutes" --weights-dtype F16 "$@"
