#!/usr/bin/env python3
"""Freezes sacreBLEU 2.6.0's own corpus BLEU and chrF on edge-case corpora for SacreBleuFixturesTest.

Writes tasks/src/test/resources/dev/heed/tasks/metrics/sacrebleu-2.6.0-fixtures.json: for each case, the
hypotheses, the reference streams (one or more, each line-aligned with the hypotheses, as sacreBLEU's
corpus_score takes them) and sacreBLEU's results:

  bleu     BLEU() cased, 13a, smooth exp: score, precisions, bp, sys_len, ref_len, counts, totals,
           the formatted line (str(score): "BLEU = 37.68 70.1/45.2/30.6/21.3 (BP = ...)") and the signature
  bleu_lc  BLEU(lowercase=True): score, formatted line, signature
  chrf     CHRF(): score, formatted line ("chrF2 = 60.29"), signature

The corpora are made from a seeded random generator and a list of hand-written edge cases: empty, one
character, whitespace-only (including Python-only whitespace such as U+00A0, U+3000, U+2028, U+001C) and
punctuation-only lines; accents, Greek, CJK and emoji; hypotheses shorter and longer than their references;
references shorter than the n-gram orders (4 words, 6 characters); corpora of one segment (sentence level);
several reference streams, one of them holding empty lines; n-gram ratios that land on rounding ties (1/16).

Rerun (needs sacrebleu 2.6.0, nothing else; deterministic, so the output only changes with this script):

    python3 -m venv /tmp/sbvenv && /tmp/sbvenv/bin/pip install sacrebleu==2.6.0
    /tmp/sbvenv/bin/python tasks/src/test/python/make_sacrebleu_fixtures.py

from the repository root. It refuses to run under any other sacreBLEU version.
"""

import json
import os
import random
import sys

import sacrebleu
from sacrebleu.metrics import BLEU, CHRF

VERSION = "2.6.0"
SEED = 13
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "dev", "heed", "tasks",
                   "metrics", "sacrebleu-" + VERSION + "-fixtures.json")

WORDS = ["the", "a", "man", "woman", "dog", "dogs", "cat", "runs", "is", "riding", "bicycle", "in", "park",
         "Zwei", "Männer", "spielen", "Fußball", "im", "über", "Straße", "café", "naïve", "résumé", "Ångström",
         "ÉCOLE", "İstanbul", "ΣΟΦΟΣ", "σοφός", "Москва", "我们", "喜欢", "猫", "日本語", "한국어", "👍🏽", "🙂",
         "3.5", "1,000", "10-year-old", "U.S.A.", "e.g.", "it's", "&amp;", "&quot;hi&quot;", "&lt;b&gt;",
         "<skipped>", "(quickly)", "fine!", "well,", "end.", "$5", "{x}", "[y]", "`z`", "~w", "a-b", "x--y",
         "The", "DOG", "Cat"]
PUNCT = [".", ",", "!", "?", "...", "?!.", "--", "—", "«»", "“”", "&", "-", "'", "\"", "()"]
SPACES = [" ", "\t", "  ", "\u00a0", "\u3000", "\u2028", "\u001c", "\u202f", "\u2007", " \t \u00a0 "]
ONE_CHAR = ["a", ".", "A", "é", "猫", "👍", "1", "-", "&"]


def sentence(rng, lo=1, hi=18):
    """A line of random words from WORDS, now and then with punctuation or odd spacing inside."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    if rng.random() < 0.3:
        words.append(rng.choice(PUNCT))
    sep = " " if rng.random() < 0.85 else rng.choice(SPACES)
    line = sep.join(words)
    if rng.random() < 0.2:
        line = rng.choice(SPACES) + line + rng.choice(SPACES)
    if rng.random() < 0.1:
        line = line.replace(" ", "")  # CJK-style: no spaces at all
    return line


def degenerate(rng):
    """An empty, one-character, whitespace-only or punctuation-only line."""
    kind = rng.randrange(4)
    if kind == 0:
        return ""
    if kind == 1:
        return rng.choice(ONE_CHAR)
    if kind == 2:
        return rng.choice(SPACES)
    return rng.choice(PUNCT)


def perturb(rng, ref):
    """A hypothesis made from ref: kept, shortened, lengthened, shuffled, re-cased or replaced."""
    words = ref.split()
    kind = rng.randrange(7)
    if kind == 0:
        return ref
    if kind == 1:
        return " ".join(words[:max(0, len(words) - rng.randint(1, 4))])
    if kind == 2:
        return " ".join(words + [rng.choice(WORDS) for _ in range(rng.randint(1, 6))])
    if kind == 3:
        rng.shuffle(words)
        return " ".join(words)
    if kind == 4:
        return ref.upper() if rng.random() < 0.5 else ref.lower()
    if kind == 5:
        return " ".join(w if rng.random() < 0.6 else rng.choice(WORDS) for w in words)
    return sentence(rng)


def random_pair(rng, degenerate_rate):
    """A (hypothesis, reference) pair; either side may be degenerate."""
    ref = degenerate(rng) if rng.random() < degenerate_rate else sentence(rng)
    hyp = degenerate(rng) if rng.random() < degenerate_rate else perturb(rng, ref)
    return hyp, ref


def random_corpus(rng, size, degenerate_rate):
    pairs = [random_pair(rng, degenerate_rate) for _ in range(size)]
    return [h for h, _ in pairs], [[r for _, r in pairs]]


def multi_reference_corpus(rng, size, streams):
    """Several reference streams; the last holds empty (and whitespace-only) lines."""
    hyps, refs = random_corpus(rng, size, 0.15)
    for s in range(1, streams):
        stream = []
        for r in refs[0]:
            if s == streams - 1 and rng.random() < 0.35:
                stream.append("" if rng.random() < 0.7 else rng.choice(SPACES))
            else:
                stream.append(perturb(rng, r) if r.strip() else sentence(rng))
        refs.append(stream)
    return hyps, refs


def hand_written():
    """Cases written out by hand: each name says what it holds."""
    one = [
        ("identical", "A man is riding a bicycle.", "A man is riding a bicycle."),
        ("empty hypothesis", "", "A man is riding a bicycle."),
        ("empty reference", "A man is riding a bicycle.", ""),
        ("both empty", "", ""),
        ("whitespace-only hypothesis", " \t\u00a0", "a dog"),
        ("whitespace-only reference", "a dog", "\u3000 \u2028"),
        ("one character each, equal", "a", "a"),
        ("one character each, different", "a", "b"),
        ("one-character reference", "a dog runs", "a"),
        ("one-character hypothesis", "a", "a dog runs"),
        ("reference of three characters", "cats and dogs", "cat"),
        ("reference of five characters, hypothesis longer", "abcdefgh", "abcde"),
        ("reference of three words", "the dog runs in the park", "the dog runs"),
        ("hypothesis of three words", "the dog runs", "the dog runs in the park"),
        ("punctuation only", "?!.", "?!."),
        ("punctuation against words", "...", "the end."),
        ("CJK without spaces", "我们喜欢猫", "我们很喜欢猫"),
        ("accents and case", "ÉCOLE naïve Straße", "école naïve strasse"),
        ("Greek final sigma", "ΣΟΦΟΣ ΟΔΟΣ", "σοφός οδος"),
        ("emoji", "👍🏽 🙂", "👍🏽 🙂 🙂"),
        ("entities and skipped", "&quot;fine&quot; &amp; <skipped> done", "\"fine\" & done"),
        ("numbers stay whole", "3.5 dollars, or 1,000 yen for a 10-year-old.", "3.5 dollars or 1,000 yen."),
        ("sixteen unigrams, one match (6.25 percent)", " ".join(["a"] + ["x%d" % i for i in range(15)]), "a"),
        ("one hypothesis token, sixteen reference tokens (ratio 0.0625)", "a",
         " ".join(["a"] + ["r%d" % i for i in range(15)])),
    ]
    cases = [("one segment: " + name, [h], [[r]]) for name, h, r in one]
    ref = ["A man is riding a bicycle.", "Two dogs play in the snow.", "", "The price is 3.5 dollars.",
           "She said: \"it's fine\" & left!"]
    hyp = [r if r else "Nothing was there to translate." for r in ref]
    cases.append(("issue 13: hypotheses equal their references but one reference line is empty", hyp, [ref]))
    cases.append(("every hypothesis empty", ["", "", ""], [["a b c d", "e f", "g"]]))
    cases.append(("every reference empty", ["a b c d", "e f", "g"], [["", "", ""]]))
    cases.append(("every line empty on both sides", ["", " ", ""], [["", "", "\t"]]))
    cases.append(("references shorter than every order", ["ab cd", "x", "abc"], [["ab", "x", "ab"]]))
    cases.append(("two reference streams, the second with an empty line",
                  ["the dog runs", "a cat sleeps", "hello"],
                  [["the dog runs fast", "a cat sleeps", "hello world"], ["the dog runs", "", "hello"]]))
    cases.append(("three reference streams, all empty on one line",
                  ["the dog runs", "a cat sleeps"],
                  [["the dog runs", ""], ["a dog runs", ""], ["", ""]]))
    return cases


def expected(hyps, refs):
    bleu = BLEU()
    b = bleu.corpus_score(hyps, refs)
    lc = BLEU(lowercase=True)
    blc = lc.corpus_score(hyps, refs)
    chrf = CHRF()
    c = chrf.corpus_score(hyps, refs)
    return {
        "bleu": {"score": b.score, "precisions": list(b.precisions), "bp": b.bp, "sys_len": b.sys_len,
                 "ref_len": b.ref_len, "counts": list(b.counts), "totals": list(b.totals), "formatted": str(b),
                 "signature": str(bleu.get_signature())},
        "bleu_lc": {"score": blc.score, "formatted": str(blc), "signature": str(lc.get_signature())},
        "chrf": {"score": c.score, "formatted": str(c), "signature": str(chrf.get_signature())},
    }


def main():
    if sacrebleu.__version__ != VERSION:
        sys.exit("needs sacrebleu==%s, found %s" % (VERSION, sacrebleu.__version__))
    rng = random.Random(SEED)
    cases = hand_written()
    for i in range(12):
        size = [1, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 60][i]
        hyps, refs = random_corpus(rng, size, 0.25)
        cases.append(("random corpus %d: %d segments" % (i + 1, size), hyps, refs))
    for i in range(3):
        hyps, refs = random_corpus(rng, 20, 0.6)
        cases.append(("mostly degenerate corpus %d" % (i + 1), hyps, refs))
    for i, (size, streams) in enumerate([(1, 2), (6, 2), (15, 3), (30, 2)]):
        hyps, refs = multi_reference_corpus(rng, size, streams)
        cases.append(("%d reference streams %d: %d segments, empty lines in the last" % (streams, i + 1, size),
                      hyps, refs))
    out = {"sacrebleu": VERSION, "generator": "tasks/src/test/python/make_sacrebleu_fixtures.py", "seed": SEED,
           "cases": []}
    for name, hyps, refs in cases:
        case = {"name": name, "hypotheses": hyps, "references": refs}
        case.update(expected(hyps, refs))
        out["cases"].append(case)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    pairs = sum(len(c["hypotheses"]) for c in out["cases"])
    print("%d cases, %d segment pairs -> %s" % (len(out["cases"]), pairs, os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
