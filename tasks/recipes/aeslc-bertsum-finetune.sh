#!/usr/bin/env bash
# Trains the AESLC summarizer over all-MiniLM-L6-v2 in two phases within one budget of BUDGET_MINUTES (default 120),
# as reported in docs/summarization-report.md:
#  1. the encoder frozen (aeslc-bertsum.sh: the decoder learns alone, the encoder's states cached after the first
#     epoch), its table fixed, until dev stops improving (patience 2) or FROZEN_MINUTES pass;
#  2. that model continued (--init) with the encoder fine-tuned at its own low peak learning rate (--encoder-lr
#     0.00005; the decoder at 0.0002), its word embeddings still fixed (one table with the decoder's), for
#     TUNED_EPOCHS epochs or TUNED_MINUTES, whichever comes first, and never past the budget.
# Both phases choose by ROUGE-1 on the first 400 dev e-mails; the full dev table comes from `heed eval summarization`.
# The written model stores the fine-tuned encoder and the decoder, and names the table by reference (31 MB F16).
# The defaults made the shipped aeslc (phase 1 stopped by its patience after 43 minutes, phase 2 by its 70).
# Usage: tasks/recipes/aeslc-bertsum-finetune.sh OUT_DIR [FROZEN_MINUTES [TUNED_MINUTES [TUNED_EPOCHS [MORE_FLAGS...]]]]
#   (writes OUT_DIR-frozen, then OUT_DIR; defaults 50 and 70 minutes, 20 epochs; MORE_FLAGS go to phase 2)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: aeslc-bertsum-finetune.sh OUT_DIR [FROZEN_MINUTES [TUNED_MINUTES [TUNED_EPOCHS]]]}
frozen_minutes=${2:-50}
tuned_minutes=${3:-70}
tuned_epochs=${4:-20}
shift $(( $# >= 4 ? 4 : $# ))
budget=${BUDGET_MINUTES:-120}
data=${AESLC:-$root/../shared/data/aeslc}
start=$(date +%s)
"$root/tasks/recipes/aeslc-bertsum.sh" "$out-frozen" "$frozen_minutes" --freeze-decoder-embeddings
left=$(( budget - ($(date +%s) - start + 59) / 60 ))
if [ "$left" -lt 1 ]; then
  echo "aeslc-bertsum-finetune.sh: phase 1 used the whole budget of $budget minutes; $out-frozen is the model" >&2
  exit 1
fi
if [ "$tuned_minutes" -lt "$left" ]; then left=$tuned_minutes; fi
echo "aeslc-bertsum-finetune.sh: phase 1 done; phase 2 gets $left minutes (budget $budget)" >&2
dev400="$(dirname "$out")/aeslc-dev-first400.jsonl"
export HEED_JAVA_OPTS="${HEED_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1}"
exec nice -n 5 "$root/bin/heed" train summarization --train "$data/train.jsonl.gz" --dev "$dev400" --out "$out" \
  --name "$(basename "$out")" --init "$out-frozen" --encoder-init all-minilm-l6-v2 --encoder-lr 0.00005 \
  --freeze-decoder-embeddings --max-source-tokens "${SOURCE_TOKENS:-64}" --max-train-tokens 32 --batch-size 16 \
  --lr 0.0002 --warmup 150 --epochs "$tuned_epochs" --patience 2 --average-last 2 --time-limit "$left" \
  --weights-dtype F16 "$@"
