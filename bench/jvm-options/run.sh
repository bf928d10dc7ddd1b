#!/usr/bin/env bash
# One heed command under several sets of JVM options (HEED_JAVA_OPTS), whole processes, interleaved run by run after
# one warm-up each; prints the median wall time of each set and whether every set wrote the same output.
# The sets are separated by '|'; an empty set is bin/heed's defaults (C1 only since 2026-11-30, so
# "-XX:TieredStopAtLevel=4" is C2 back). Options that change what the class-data sharing archive depends on (the
# garbage collector, for one) make the JVM rewrite the archive: compare those in separate checkouts instead.
# Usage: bench/jvm-options/run.sh RUNS "SET|SET..." heed-arguments...   (give -i FILE; the output is captured)
# Example: bench/jvm-options/run.sh 7 "|-XX:TieredStopAtLevel=4" sentiment -i one-line.txt
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=$1; IFS='|' read -r -a sets <<< "$2"; shift 2
[ "${#sets[@]}" -gt 0 ] || sets=("")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() { # $1 index of the set
  local s e
  s=$(date +%s.%N)
  HEED_JAVA_OPTS="${sets[$1]}" "$root/bin/heed" "${@:2}" -o "$work/$1.out" -q 2>> "$work/$1.err" \
    || { echo "set '${sets[$1]}' failed: $(tail -3 "$work/$1.err")" >&2; exit 1; }
  e=$(date +%s.%N)
  python3 -c "print($e - $s)" >> "$work/$1.times"
}
for i in "${!sets[@]}"; do run "$i" "$@"; : > "$work/$i.times"; done
for r in $(seq 1 "$runs"); do for i in "${!sets[@]}"; do run "$i" "$@"; done; done
for i in "${!sets[@]}"; do
  python3 - "$work/$i.times" "${sets[$i]:-(defaults)}" <<'PY'
import statistics, sys
t = [float(x) for x in open(sys.argv[1])]
print(f"{sys.argv[2]}: median {statistics.median(t):.2f} s (runs {', '.join(f'{x:.2f}' for x in t)})")
PY
  cmp -s "$work/0.out" "$work/$i.out" || echo "  its output differs from the first set's"
done
