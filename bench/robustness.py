#!/usr/bin/env python3
"""Scores translations of docs/robustness/en-de.jsonl (or another set of the same shape).

Usage: robustness.py INPUT.jsonl OUTPUT.jsonl
INPUT lines: {"id","kind","text"[,"keep":[...]]}; OUTPUT lines: heed translate's {"id","translation",...}.
Prints, per kind and in total: records, degenerate outputs (a character four or more times in a row, a block
of 2-4 characters four or more times back to back, or more than 2.5 times the source's length), spans kept
verbatim (every string of "keep" found as it stands in the translation), and for "capitals" how many
translations are themselves in capitals. Then each record's translation with its flags.
"""
import json
import re
import sys
from collections import defaultdict

DEGENERATE = re.compile(r"(.)\1{3,}|(..+?)\2{3,}", re.S)


def degenerate(source, translation):
    return bool(DEGENERATE.search(translation)) or len(translation) > 2.5 * max(len(source), 1)


def capitals(text):
    upper = sum(c.isupper() for c in text)
    lower = sum(c.islower() for c in text)
    return upper >= 4 and lower * 10 <= upper


def main(inp, out):
    sources = [json.loads(l) for l in open(inp, encoding="utf-8") if l.strip()]
    outputs = {}
    for line in open(out, encoding="utf-8"):
        if line.strip():
            rec = json.loads(line)
            outputs[rec["id"]] = rec.get("translation")
    stats = defaultdict(lambda: defaultdict(int))
    rows = []
    for rec in sources:
        hyp = outputs.get(rec["id"])
        for kind in (rec["kind"], "all"):
            s = stats[kind]
            s["records"] += 1
            if hyp is None:
                s["missing"] += 1
                continue
            s["degenerate"] += degenerate(rec["text"], hyp)
            for span in rec.get("keep", []):
                s["spans"] += 1
                s["kept"] += span in hyp
            if rec["kind"] == "capitals" and kind != "all":
                s["in_capitals"] += capitals(hyp)
        flags = []
        if hyp is not None and degenerate(rec["text"], hyp):
            flags.append("DEGENERATE")
        lost = [k for k in rec.get("keep", []) if hyp is None or k not in hyp]
        if lost:
            flags.append("LOST " + " ".join(lost))
        rows.append(f"{rec['id']}\t{hyp}\t{' '.join(flags)}")
    print("kind\trecords\tdegenerate\tspans kept\tin capitals")
    for kind in sorted(stats, key=lambda k: (k == "all", k)):
        s = stats[kind]
        kept = f"{s['kept']}/{s['spans']}" if s["spans"] else "-"
        caps = f"{s['in_capitals']}/{s['records']}" if kind == "capitals" else "-"
        miss = f" (missing {s['missing']})" if s["missing"] else ""
        print(f"{kind}\t{s['records']}{miss}\t{s['degenerate']}\t{kept}\t{caps}")
    print()
    print("\n".join(rows))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
