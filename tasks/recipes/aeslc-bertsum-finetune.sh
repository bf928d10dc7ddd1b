#!/usr/bin/env bash
# Trains the AESLC summarizer over all-MiniLM-L6-v2 in two phases, as reported in docs/summarization-report.md:
#  1. the encoder frozen (aeslc-bertsum.sh: the decoder learns alone, the encoder's states cached after the first
#     epoch), its table fixed, for FROZEN_MINUTES;
#  2. that model continued (--init) with the encoder fine-tuned at its own low learning rate (--encoder-lr), its word
#     embeddings still fixed (one table with the decoder's), for TUNED_MINUTES.
# Both phases choose by ROUGE-1 on the first 400 dev e-mails; the full dev table comes from `heed eval summarization`.
# The written model stores the fine-tuned encoder and the decoder, and names the table by reference (about 30 MB F16).
# Usage: tasks/recipes/aeslc-bertsum-finetune.sh OUT_DIR [FROZEN_MINUTES [TUNED_MINUTES [MORE_FLAGS_FOR_PHASE_2...]]]
#   (writes OUT_DIR and OUT_DIR-frozen; defaults 50 and 70 minutes: 120 in all)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: aeslc-bertsum-finetune.sh OUT_DIR [FROZEN_MINUTES [TUNED_MINUTES]]}
frozen_minutes=${2:-50}
tuned_minutes=${3:-70}
shift $(( $# >= 3 ? 3 : $# ))
data=${AESLC:-$root/../shared/data/aeslc}
"$root/tasks/recipes/aeslc-bertsum.sh" "$out-frozen" "$frozen_minutes" --freeze-decoder-embeddings
dev400="$(dirname "$out")/aeslc-dev-first400.jsonl"
export HEED_JAVA_OPTS="${HEED_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1}"
exec nice -n 5 "$root/bin/heed" train summarization --train "$data/train.jsonl.gz" --dev "$dev400" --out "$out" \
  --name "$(basename "$out")" --init "$out-frozen" --encoder-init all-minilm-l6-v2 --encoder-lr 0.00005 \
  --freeze-decoder-embeddings --max-source-tokens "${SOURCE_TOKENS:-64}" --max-train-tokens 32 --batch-size 16 \
  --lr 0.0002 --warmup 150 --epochs 20 --patience 2 --average-last 2 --time-limit "$tuned_minutes" \
  --weights-dtype F16 "$@"
