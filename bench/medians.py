#!/usr/bin/env python3
"""Prints the median (and min..max) of each benchmark's measured iterations from a JMH JSON result file.

Usage: bench/medians.py RESULT.json
JMH's own table shows means with a confidence interval; the project reports medians.
"""
import json
import statistics
import sys

for result in json.load(open(sys.argv[1])):
    name = result["benchmark"].rsplit(".", 1)[-1]
    params = result.get("params") or {}
    label = name + ("" if not params else " " + ",".join(f"{k}={v}" for k, v in sorted(params.items())))
    rows = [(label, result["primaryMetric"])]
    rows += [(f"{label}:{k}", m) for k, m in (result.get("secondaryMetrics") or {}).items()]
    for row_name, metric in rows:
        values = [v for fork in metric["rawData"] for v in fork]
        print(f"{row_name:<48} median {statistics.median(values):>14,.1f} {metric['scoreUnit']:<8}"
              f" (min {min(values):,.1f}, max {max(values):,.1f}, n={len(values)})")
