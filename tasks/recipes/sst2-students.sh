#!/usr/bin/env bash
# Faster sentiment students (issue 17): the shipped `sst2` recipe (distilled from the fine-tuned MiniLM teacher over
# SST-2 train and 2 augmented variants of each sentence) at smaller encoder shapes, for the table of dev accuracy
# against speed in docs/sentiment-report.md. The first student labels the texts with the teacher (two libtorch
# threads) and keeps the labels in OUT/teacher-labels.tsv; the others reuse them, two at a time with one thread each.
# Prints name, dev accuracy and training seconds of each; speed: bench/sentiment-throughput/run.sh on OUT/NAME.
#   e128h128   bigru, 128-d word vectors (MiniLM's projected on their first 128 principal components), 2 x 128 GRU
#   e384h96    bigru, 384-d word vectors, 2 x 96 GRU
#   e128h96    bigru, 128-d, 2 x 96
#   e384h192   bigru, 384-d, 2 x 192: the shipped shape, to tell the teacher's share from the size's
# Any other eEhH name trains that shape (e.g. e256h128).
# AUGMENT (default 2) sets the augmented variants of each sentence the teacher labels; THREADS (default 2) the
# libtorch threads of the first student, which labels them (the others run two at a time with one thread each).
# Usage: [AUGMENT=N] [THREADS=N] tasks/recipes/sst2-students.sh OUT_DIR TEACHER_DIR [DATA_DIR] [NAMES...]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$1; teacher=$2; data=${3:-$root/../shared/data/sst2}; shift $(( $# >= 3 ? 3 : $# ))
names=("$@"); [ ${#names[@]} -gt 0 ] || names=(e128h128 e384h96 e128h96 e384h192)
mkdir -p "$out"
train() { # $1 name, $2 threads
  local name=$1 e h
  e=${name#e}; e=${e%h*}; h=${name#*h}
  HEED_JAVA_OPTS="-Dai.djl.pytorch.num_threads=$2 ${HEED_JAVA_OPTS:-}" "$root/bin/heed" train sentiment \
    --encoder bigru --init-embeddings all-minilm-l6-v2 --teacher "$teacher" --augment "${AUGMENT:-2}" \
    --teacher-cache "$out/teacher-labels.tsv" --train "$data/train.tsv" --dev "$data/dev.tsv" --out "$out/$name" \
    --name sst2 --epochs 4 --patience 2 --batch-size 64 --lr 0.001 --dropout 0.3 --set "embeddingDim=$e" \
    --set "hiddenSize=$h" --set dropout=0.3 --set attentionPooling=true --weights-dtype f16 > "$out/$name.log" 2>&1
}
train "${names[0]}" "${THREADS:-2}"
rest=("${names[@]:1}")
for ((i = 0; i < ${#rest[@]}; i += 2)); do
  train "${rest[i]}" 1 &
  if ((i + 1 < ${#rest[@]})); then train "${rest[i + 1]}" 1 & fi
  wait
done
for name in "${names[@]}"; do
  python3 - "$out/$name/model.json" "$name" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
print(f"{sys.argv[2]}\tdev accuracy {m['metrics']['accuracy']:.4f}")
PY
  grep -h "s of training\|epoch [0-9]:" "$out/$name/README.md" || true
done
