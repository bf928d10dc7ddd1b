#!/bin/sh
# SciFact with heed index / heed eval search: the figures of lucene/README.md and bench/README.md.
# BEIR SciFact from ../shared/data/scifact (5,183 documents, 1,109 queries, qrels for the 809 train queries:
# the dev set here; the test qrels are held elsewhere). Writes into ${OUT:-/tmp/scifact}. About an hour on 2 cores.
set -eu
HERE=$(cd "$(dirname "$0")/../.." && pwd)
D=${DATA:-$HERE/../shared/data/scifact}
OUT=${OUT:-/tmp/scifact}
mkdir -p "$OUT"
# On 2 shared cores one libtorch thread per process is 3x faster than two (OpenMP teams on busy cores wait for
# each other), and glibc keeping freed memory saves the page faults of every batch (sys time 37 s -> 3 s on 16
# documents). Lucene's vector code wants the incubator module.
export MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=4294967296 MALLOC_TOP_PAD_=268435456
export HEED_JAVA_OPTS="--add-modules jdk.incubator.vector -Dai.djl.pytorch.num_threads=1"
H="$HERE/bin/heed"
Q="--queries $D/queries.jsonl --qrels $D/qrels-train.tsv"
L="SciFact, train qrels as dev"
$H index -i "$D/corpus.jsonl.gz" --index "$OUT/bm25-english" --model none --analyzer english
$H index -i "$D/corpus.jsonl.gz" --index "$OUT/bm25-heed" --model none --analyzer heed
$H index -i "$D/corpus.jsonl.gz" --index "$OUT/bge" --model bge-small-en-v1.5 --batch-size 1
$H index --from-index "$OUT/bge" --index "$OUT/bge-int8" --quantization int8 --model none
$H eval search --index "$OUT/bm25-english" $Q --label "$L; Lucene EnglishAnalyzer" --report "$OUT/eval-bm25-english.json"
$H eval search --index "$OUT/bm25-heed" $Q --label "$L; HeedAnalyzer" --report "$OUT/eval-bm25-heed.json"
$H eval search --index "$OUT/bge" $Q --label "$L" --report "$OUT/eval-bge.json" --runs "$OUT/runs" --rerank-first-stage bm25
$H eval search --index "$OUT/bge" $Q --mode rerank --label "$L; rerank of hybrid" --report "$OUT/eval-rerank-hybrid.json"
for w in 0.5,0.5 0.3,0.7; do $H eval search --index "$OUT/bge" $Q --mode hybrid --fusion linear --weights $w --label "$L; linear $w"; done
$H eval search --index "$OUT/bge" $Q --mode hybrid --fusion linear --normalization l2 --label "$L; linear l2"
for w in 0.3 0.7 1.0; do $H eval search --index "$OUT/bge" $Q --mode rerank --rerank-first-stage bm25 --rerank-weight $w --label "$L; rerank of bm25, $w"; done
$H eval search --index "$OUT/bge" $Q --mode rerank --rerank-weight 0.7 --label "$L; rerank of hybrid, 0.7"
$H eval search --index "$OUT/bge-int8" $Q --mode dense,hybrid --label "$L; int8" --report "$OUT/eval-bge-int8.json"
du -sk "$OUT/bge" "$OUT/bge-int8" "$OUT/bm25-heed"
