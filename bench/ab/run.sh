#!/usr/bin/env bash
# One heed command run by two builds of Heed (two checkouts, each with its cli/target/heed.jar), whole processes,
# interleaved run by run after one warm-up each; prints the median wall time of each, their ratio, and whether the
# two outputs are byte for byte the same (then every run of both produced that same output).
# Usage: bench/ab/run.sh BEFORE_ROOT AFTER_ROOT RUNS heed-arguments...   (give -i FILE; the output is captured)
# Example: bench/ab/run.sh ../heed-old . 3 translate --beam 5 -i val.en
set -euo pipefail
before=$1; after=$2; runs=$3; shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# run() takes the label and root first, then the heed arguments
run() { local label=$1 root=$2; shift 2; local start end
  start=$(date +%s.%N)
  "$root/bin/heed" "$@" -o "$work/$label.out" -q 2>> "$work/$label.err" || { echo "$label failed: $(tail -3 "$work/$label.err")" >&2; exit 1; }
  end=$(date +%s.%N)
  python3 -c "print($end - $start)" >> "$work/$label.times"
  if [ -f "$work/$label.first" ]; then cmp -s "$work/$label.out" "$work/$label.first" || echo "$label: output differs between runs" >&2
  else cp "$work/$label.out" "$work/$label.first"; fi
}
run before "$before" "$@"; run after "$after" "$@"; : > "$work/before.times"; : > "$work/after.times"
for i in $(seq 1 "$runs"); do run before "$before" "$@"; run after "$after" "$@"; done
python3 - "$work" <<'PY'
import statistics, sys
w = sys.argv[1]
t = {k: [float(x) for x in open(f"{w}/{k}.times")] for k in ("before", "after")}
for k in ("before", "after"):
    print(f"{k}: median {statistics.median(t[k]):.2f} s (runs {', '.join(f'{x:.1f}' for x in t[k])})")
print(f"after / before speed: {statistics.median(t['before']) / statistics.median(t['after']):.2f}x")
PY
if cmp -s "$work/before.first" "$work/after.first"; then echo "outputs: identical"; else
python3 - "$work/before.first" "$work/after.first" <<'PY'
import json, sys
def same(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and abs(a - b) <= 1e-4
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b
a = open(sys.argv[1]).read().splitlines(); b = open(sys.argv[2]).read().splitlines()
differ = sum(not same(json.loads(x), json.loads(y)) for x, y in zip(a, b)) + abs(len(a) - len(b))
print(f"outputs: not byte-identical; {differ} of {len(a)} lines differ beyond 1e-4 in a number")
PY
fi
