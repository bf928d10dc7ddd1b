#!/usr/bin/env python3
"""Freezes NLTK's Porter stems and rouge-score's ROUGE figures for RougeFixturesTest.

Writes tasks/src/test/resources/dev/heed/tasks/metrics/rouge-score-0.1.2-fixtures.json with:

  stems        [word, stem] for a few thousand word types, stemmed by NLTK's PorterStemmer() in its default
               mode (NLTK_EXTENSIONS), the stemmer that rouge-score calls with use_stemmer=True. The words
               come from this script (no word list is read): English roots with regular and irregular
               inflections (-s, -es, -ies, -ied, -ed, -ing, -ly, ...), every suffix of Porter's steps 2 to 5
               (-ational, -tional, -enci, -izer, -bli, -alli, -fulli, -logi, -ness, -ement, ...), NLTK's
               irregular forms (skies, dying, innings, proceed, ...), short words, words with digits,
               runs of 'y', and seeded pseudo-words.
  martin       [word, stem] for the stem words whose stem differs in MARTIN_EXTENSIONS mode (the mode that
               Lucene's PorterStemmer and Snowball's "porter" follow): a stemmer of that kind fails on them.
  tokens       rouge-score's tokenizer on tricky strings, with and without stemming.
  code_points  every code point whose one-character string yields a token, with that token list (all
               other code points of U+0000..U+10FFFF yield none).
  cases        ROUGE-1, -2, -3, -L and -Lsum (precision, recall, fmeasure) of a prediction against one or
               more references (score_multi), with use_stemmer False and True.
  aggregate    a corpus of documents: the mean per measure (numpy's np.mean(matrix, axis=0), which adds
               the rows in order) and BootstrapAggregator's low/mid/high for given resampling indices.
  percentiles  np.percentile(values, q) with q made as BootstrapAggregator makes it, for a few
               confidence levels and sample sizes.

rouge-score itself (0.1.2, Apache-2.0, github.com/google-research/google-research/tree/master/rouge) is
not installed: its algorithm is re-implemented below from its published source (tokenize.py,
rouge_scorer.py, scoring.py), with NLTK's stemmer and numpy doing what they do there. Its bootstrap draws
indices with np.random.choice; here the indices are drawn the same way under a fixed numpy seed and
written into the fixtures, so that the Java side can be checked on the same draws.

Rerun (needs nltk and numpy, nothing else; deterministic, so the output only changes with this script or
with NLTK's stemmer):

    python3 -m venv /tmp/nltkvenv && /tmp/nltkvenv/bin/pip install nltk==3.10.3 numpy
    /tmp/nltkvenv/bin/python tasks/src/test/python/make_rouge_fixtures.py

from the repository root. It refuses to run under another NLTK version (frozen with nltk 3.10.3, numpy
2.4.6, Python 3.11).
"""

import collections
import json
import os
import random
import re
import sys

import nltk
import numpy as np
from nltk.stem.porter import PorterStemmer

NLTK_VERSION = "3.10.3"
ROUGE_SCORE_VERSION = "0.1.2"
SEED = 20240611
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "dev", "heed", "tasks",
                   "metrics", "rouge-score-" + ROUGE_SCORE_VERSION + "-fixtures.json")
ROUGE_TYPES = ["rouge1", "rouge2", "rouge3", "rougeL", "rougeLsum"]

# ---------------------------------------------------------------------------------------------------------
# rouge-score 0.1.2, re-implemented from its published source.


def tokenize(text, stemmer):
    """rouge-score's tokenize.tokenize: lower, non-[a-z0-9] runs to one space, stem tokens longer than 3."""
    text = re.sub(r"[^a-z0-9]+", " ", text.lower())
    tokens = re.split(r"\s+", text)
    if stemmer is not None:
        tokens = [stemmer.stem(t) if len(t) > 3 else t for t in tokens]
    return [t for t in tokens if re.match(r"^[a-z0-9]+$", t)]


def fmeasure(p, r):
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def ngram_counts(tokens, n):
    return collections.Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def rouge_n(target, prediction, n):
    t, p = ngram_counts(target, n), ngram_counts(prediction, n)
    overlap = sum(min(c, p[g]) for g, c in t.items())
    precision = overlap / max(sum(p.values()), 1)
    recall = overlap / max(sum(t.values()), 1)
    return precision, recall, fmeasure(precision, recall)


def lcs_table(ref, can):
    table = [[0] * (len(can) + 1) for _ in range(len(ref) + 1)]
    for i in range(1, len(ref) + 1):
        for j in range(1, len(can) + 1):
            if ref[i - 1] == can[j - 1]:
                table[i][j] = table[i - 1][j - 1] + 1
            else:
                table[i][j] = max(table[i - 1][j], table[i][j - 1])
    return table


def lcs_indices(ref, can):
    """One LCS as indices into ref, read back from the end as rouge-score's _backtrack_norec does."""
    table = lcs_table(ref, can)
    i, j, out = len(ref), len(can), []
    while i > 0 and j > 0:
        if ref[i - 1] == can[j - 1]:
            out.insert(0, i - 1)
            i, j = i - 1, j - 1
        elif table[i][j - 1] > table[i - 1][j]:
            j -= 1
        else:
            i -= 1
    return out


def rouge_l(target, prediction):
    if not target or not prediction:
        return 0, 0, 0
    length = lcs_table(target, prediction)[-1][-1]
    precision = length / len(prediction)
    recall = length / len(target)
    return precision, recall, fmeasure(precision, recall)


def rouge_lsum(target_sents, prediction_sents):
    if not target_sents or not prediction_sents:
        return 0, 0, 0
    m = sum(len(s) for s in target_sents)
    n = sum(len(s) for s in prediction_sents)
    if not n or not m:
        return 0, 0, 0
    left_r = collections.Counter(t for s in target_sents for t in s)
    left_c = collections.Counter(t for s in prediction_sents for t in s)
    hits = 0
    for ref in target_sents:
        union = sorted(set().union(*[lcs_indices(ref, c) for c in prediction_sents]))
        for token in (ref[i] for i in union):
            if left_c[token] > 0 and left_r[token] > 0:
                hits += 1
                left_c[token] -= 1
                left_r[token] -= 1
    recall = hits / m
    precision = hits / n
    return precision, recall, fmeasure(precision, recall)


def sentences(text):
    return [s for s in text.split("\n") if len(s)]


def score(target, prediction, stemmer):
    t, p = tokenize(target, stemmer), tokenize(prediction, stemmer)
    out = {}
    for rouge_type in ROUGE_TYPES:
        if rouge_type == "rougeL":
            out[rouge_type] = rouge_l(t, p)
        elif rouge_type == "rougeLsum":
            out[rouge_type] = rouge_lsum([tokenize(s, stemmer) for s in sentences(target)],
                                         [tokenize(s, stemmer) for s in sentences(prediction)])
        else:
            out[rouge_type] = rouge_n(t, p, int(rouge_type[5:]))
    return out


def score_multi(targets, prediction, stemmer):
    per_target = [score(t, prediction, stemmer) for t in targets]
    return {k: per_target[int(np.argmax([s[k][2] for s in per_target]))][k] for k in ROUGE_TYPES}


def q_of(confidence_interval):
    delta = (1 - confidence_interval) / 2
    return 100 * np.array([delta, 0.5, 1 - delta])


def bootstrap(matrix, n_samples, confidence_interval, seed):
    """BootstrapAggregator._bootstrap_resample, recording the indices np.random.choice draws."""
    np.random.seed(seed)
    sample_mean = np.zeros((n_samples, matrix.shape[1]))
    drawn = []
    for i in range(n_samples):
        idx = np.random.choice(np.arange(matrix.shape[0]), size=matrix.shape[0])
        drawn.append([int(x) for x in idx])
        sample_mean[i, :] = np.mean(matrix[idx, :], axis=0)
    return drawn, np.percentile(sample_mean, q_of(confidence_interval), axis=0)


# ---------------------------------------------------------------------------------------------------------
# Words for the stemmer.

ROOTS = """
able accept account achieve act add adjust admire adopt advise affect agree allow amaze analyse analyze
announce annoy answer appear apply approve argue arrange arrive ask attach attack attend avoid bake balance
ban bat bear beat beg begin behave believe belong bend bet bid bind bite bleed bless blow boil bore borrow
bother bounce bow box brake branch breathe breed bring broadcast brush build burn bury buy calculate call
can care carry cast catch cause cease change charge chase cheat check cheer chew choke choose chop claim
clap clean clear climb cling close coach collect comb come command communicate compare compete complain
complete concentrate concern confess confuse connect consider consist contain continue control cook copy
correct cost cough count cover crash crawl create creep cross crush cry cure curl curve cut cycle damage
dance dare deal decay deceive decide decorate defend define delay delight deliver depend describe desert
deserve design destroy detect develop differ dig digest direct disagree disappear discover dislike divide
dive do double doubt drag drain draw dream dress drink drip drive drop drown dry dust dye earn eat educate
embarrass employ empty encourage end enjoy enter entertain escape examine excite excuse exercise exist
expand expect explain explode extend face fade fail fall fancy fasten fax fear feed feel fence fetch fight
file fill film find fire fit fix flap flash flee float flood flow flower fly fold follow force forget
forgive form found frame frighten fry gather gaze generate get give glow glue go govern grab grate grease
greet grin grip groan grow guarantee guard guess guide hammer hand handle hang happen harm hate haunt head
heal heap hear heat help hide hit hold hook hop hope hover hug hum hunt hurry hurt identify ignore imagine
impress improve include increase influence inform inject injure instruct intend interest interfere
interrupt introduce invent invite irritate itch jail jam jog join joke judge juggle jump keep kick kill
kiss kneel knit knock knot know label land last laugh launch lay lead lean learn leave lend let level
license lick lie lighten like limp list listen live load lock long look lose love make manage march mark
marry match matter mean measure meet melt memorise mend milk mine miss mix moan moor mourn move muddle mug
multiply murder nail name need nest nod note notice number obey object observe obtain occur offend offer
open order organise owe own pack paddle paint park part pass pause pay peck pedal peel peep perform permit
phone pick pinch pine place plan plant play please plug point poke polish pop possess post pour practise
pray preach precede prefer prepare present preserve press pretend prevent prick print produce program
promise protect provide pull pump punch puncture punish push put question queue quit race radiate rain
raise reach read realise receive recognise record reduce reflect refuse regret reign reject rejoice relax
release rely remain remember remind remove repair repeat replace reply report reproduce request rescue
retire return rhyme ride ring rinse rise risk rob rock roll rot rub ruin rule run rush sack sail satisfy
save saw say scare scatter scold scorch scrape scratch scream screw scribble scrub seal search see seek
select sell send separate serve set settle sew shade shake shape share shave shelter shine shiver shock
shoot shop show shrink shrug shut sigh sign signal sin sing sink sip sit ski skip slap sleep slide slip
slow smash smell smile smoke snatch sneeze sniff snore snow soak soothe sound spare spark sparkle speak
spell spend spill spin spoil spot spray sprout squash squeak squeal squeeze stain stamp stand stare start
stay steal steer step stick stir stitch stop store strap strengthen stretch strike strip stroke stuff
subtract succeed suck suffer suggest suit supply support suppose surprise surround suspect suspend swear
sweep swell swim swing switch tame tap taste teach tear tease telephone tell tempt terrify test thank thaw
think throw tick tickle tie time tip tire touch tour tow trace trade train transport trap travel treat
tremble trick trip trot trouble trust try tug tumble turn twist type undress unfasten unite unlock unpack
untidy use vanish visit wail wait wake walk wander want warm warn wash waste watch water wave wear weigh
welcome whine whip whirl whisper whistle win wink wipe wish wobble wonder work worry wrap wreck wrestle
wriggle write yawn yell zip zoom
nation relation condition valence hesitance digitize conform radical different vile analogous vietnam
predicate operate feudal decisive hopeful callous formal sensitive sensible triplicate formative formalize
electric revival allowance inference airliner gyroscope adjustable defensible irritant replacement
adjustment dependent adoption homologous communism activate angular effective bowdlerize probate rate
cease controll roll generous general nature natural national rational person personal season reason
history story glory family city country body party duty beauty army enemy energy memory theory society
quality ability activity university community authority opportunity responsibility electricity
technology biology geology psychology archaeology philosophy analogy apology ecology mythology ideology
happy easy busy lazy crazy heavy ready early angry hungry lucky funny pretty ugly silly sorry worthy
gentle simple noble humble able capable possible terrible horrible visible flexible
day key toy boy joy play say stay way pray spray grey obey enjoy employ destroy annoy
""".split()

IRREGULAR = """
sky skies dying lying tying news innings inning outings outing cannings canning howe proceed exceed succeed
proceeds proceeded proceeding exceeds exceeded exceeding succeeds succeeded succeeding dies died ties tied
lies lied pies pied spies spied cries cried fries fried flies tries tried dried skied skis
feed agreed plastered bled motoring sing hopping tanned falling hissing fizzed failing filing
caresses ponies caress cats conflated troubled sized fully generalli analogousli vietnamization
mice geese children men women teeth feet oxen went gone done seen taken written spoken broken chosen
was were been being has had having does did doing is are am be
""".split()

SUFFIX_WORDS = """
relational conditional rational valenci hesitanci digitizer conformabli radicalli differentli vileli
analogousli vietnamization predication operator feudalism decisiveness hopefulness callousness formaliti
sensitiviti sensibiliti triplicate formative formalize electriciti electrical hopeful goodness revival
allowance inference airliner gyroscopic adjustable defensible irritant replacement adjustment dependent
adoption homologou communism activate angulariti homologous effective bowdlerize probate rate cease
controll roll generalization generalizations oscillator oscillators hopefulli carefulli archaeologi
theologi geologi philologi astrologi criticism criticisms rationality rationalities sensational
sensationalism traditional traditionally conditionally conventional conventionality organization
organizational organizer organizers abominable abominably abomination fulness usefulness uselessness
emotional emotionality emotionally devotional national nationality nationalize nationalization
nationalist nationalism international internationalization relativity relatively creativity
productivity activity activities effectiveness attractiveness happiness business businesses witness
""".split()

SUFFIXES = ["s", "es", "ed", "ing", "er", "ers", "est", "ly", "ness", "ful", "fully", "less", "ment",
            "ments", "ation", "ations", "ational", "tional", "ize", "izes", "ized", "izing", "ization",
            "izer", "ism", "ist", "ists", "ity", "ities", "ive", "ively", "iveness", "able", "ably",
            "ibility", "al", "ally", "alism", "ality", "ance", "ence", "ancy", "ency", "ous", "ously",
            "ousness", "ic", "ical", "ically", "icate", "ative", "alize", "iciti", "ent", "ant", "ement",
            "ion", "ions", "ate", "ated", "ating", "ator", "ators", "ies", "ied", "ier", "iest", "ily",
            "iness", "logy", "logies", "logical", "bly", "bli", "alli", "entli", "eli", "ousli", "fulli",
            "enci", "anci", "aliti", "iviti", "biliti", "logi", "ll", "e", "y", "ys", "yed", "ying", "eed",
            "eeds", "ee", "ees", "sses", "ss", "at", "bl", "iz"]

SHORT = """a i o u y ab be by do go he if in is it me my no of on or so to up us we ax ox
ace add age ago aid aim air all and any ape arc are ark arm art ash ask bed bee bid big bit bus buy cry
dry eye fly fry guy ice ivy shy sky spy sly try use wry yes yet you zoo eed ies ied ing yyy
""".split()


def inflect(root, suffix):
    """An English-looking inflection: e-dropping, y to i, consonant doubling now and then."""
    if suffix[0] in "aeiouy" and root.endswith("e") and not root.endswith("ee"):
        root = root[:-1]
    elif suffix[0] not in "iy" and root.endswith("y") and len(root) > 2 and root[-2] not in "aeiou":
        root = root[:-1] + "i"
    elif (suffix[0] in "aeiou" and len(root) >= 3 and root[-1] in "bdgmnprt" and root[-2] in "aeiou"
          and root[-3] not in "aeiou" and len(root) <= 4):
        root = root + root[-1]
    return root + suffix


def pseudo_words(rng, count):
    onsets = ["", "b", "bl", "br", "c", "ch", "cl", "cr", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l",
              "m", "n", "p", "pl", "pr", "qu", "r", "s", "sc", "sh", "sk", "sl", "sp", "st", "str", "t", "th",
              "tr", "v", "w", "y", "z"]
    nuclei = ["a", "e", "i", "o", "u", "y", "ai", "ea", "ee", "ie", "oo", "ou", "oy", "ay", "ey", "ui"]
    codas = ["", "", "b", "ck", "d", "ff", "g", "l", "ll", "m", "n", "nd", "ng", "nt", "p", "r", "rr", "s",
             "ss", "st", "t", "tt", "w", "x", "y", "z", "zz"]
    out = set()
    while len(out) < count:
        word = "".join(rng.choice(onsets) + rng.choice(nuclei) + rng.choice(codas)
                       for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.6:
            word = inflect(word, rng.choice(SUFFIXES))
        out.add(word)
    return sorted(out)


def word_types(rng):
    words = set(ROOTS) | set(IRREGULAR) | set(SUFFIX_WORDS) | set(SHORT)
    for root in ROOTS:
        for suffix in rng.sample(SUFFIXES, 2):
            words.add(inflect(root, suffix))
        words.add(root + "s")
        words.add(inflect(root, "ing"))
        words.add(inflect(root, "ed"))
    for n in range(1, 13):
        words.add("y" * n)
        words.add("a" + "y" * n)
        words.add("b" + "y" * n)
        words.add("y" * n + "s")
    words.update(["syzygy", "syzygies", "toy", "toys", "boyish", "yoyo", "yoyos", "yearly", "eyeing", "sayyid",
                  "1990s", "mp3s", "covid19", "2nd", "3rd", "4th", "10th", "100s", "b52s", "x86", "h2o",
                  "abc123ing", "e2e", "123ing", "000s", "911", "7eleven", "4ies", "9ied", "0ying",
                  "ai", "ais", "ied", "ies", "eed", "eeds", "ing", "ings", "ed", "eds", "ly", "s", "ss", "sss"])
    words.update(pseudo_words(rng, 800))
    return sorted(w for w in words if re.fullmatch(r"[a-z0-9]+", w))


# ---------------------------------------------------------------------------------------------------------
# Texts for the scores.

VOCAB = ["the", "a", "cat", "cats", "dog", "dogs", "running", "runs", "ran", "run", "quickly", "quick", "brown",
         "fox", "jumps", "jumped", "jumping", "over", "lazy", "laziness", "government", "governments",
         "governed", "national", "nationally", "nations", "report", "reported", "reporting", "reports",
         "said", "says", "on", "in", "of", "and", "to", "was", "were", "is", "it", "its", "they", "used",
         "uses", "use", "studies", "studied", "study", "happy", "happiness", "2024", "3", "15", "million",
         "percent", "u", "s", "president", "presidential", "election", "elections", "city", "cities"]
ACCENTED = ["café", "naïve", "Zürich", "résumé", "Straße", "İstanbul", "Kelvin\u212a", "日本", "Ångström",
            "São", "Paulo", "coöperate", "ﬁle", "Ⅻ", "①", "٣", "ｆｕｌｌ"]
PUNCT = [".", ",", "!", "?", ";", "--", "'s", "n't", "(", ")", "\"", "&", "$", "%", "'"]


def random_sentence(rng, lo, hi, accents=False):
    words = []
    for _ in range(rng.randint(lo, hi)):
        pool = ACCENTED if accents and rng.random() < 0.2 else VOCAB
        word = rng.choice(pool)
        if rng.random() < 0.1:
            word = word.upper() if rng.random() < 0.5 else word.capitalize()
        if rng.random() < 0.15:
            word += rng.choice(PUNCT)
        words.append(word)
    return " ".join(words)


def random_text(rng, sentences_lo, sentences_hi, accents=False):
    sents = [random_sentence(rng, 0 if rng.random() < 0.1 else 1, 14, accents)
             for _ in range(rng.randint(sentences_lo, sentences_hi))]
    sep = rng.choice(["\n", "\n", "\n", "\r\n", "\n\n", " \n"])
    return sep.join(sents)


def perturb(rng, text):
    """A prediction made from a reference: kept, cut, shuffled by sentence, words swapped or dropped."""
    kind = rng.randrange(5)
    sents = text.split("\n")
    if kind == 0:
        return text
    if kind == 1:
        return "\n".join(sents[:max(1, len(sents) - 1)])
    if kind == 2:
        rng.shuffle(sents)
        return "\n".join(sents)
    if kind == 3:
        return " ".join(w if rng.random() < 0.7 else rng.choice(VOCAB) for w in text.split(" "))
    return "\n".join(" ".join(w for w in s.split(" ") if rng.random() < 0.7) for s in sents)


def hand_written():
    """Cases written out by hand: (name, references, prediction)."""
    long_ref = " ".join(VOCAB[i % len(VOCAB)] for i in range(0, 1200, 7))
    long_pred = " ".join(VOCAB[(i * 3) % len(VOCAB)] for i in range(0, 1500, 5))
    return [
        ("identical", ["The quick brown fox jumps over the lazy dog."],
         "The quick brown fox jumps over the lazy dog."),
        ("rouge-score's docstring example", ["The quick brown fox jumps over the lazy dog"],
         "The quick brown dog jumps on the log."),
        ("empty prediction", ["The cat sat on the mat."], ""),
        ("empty reference", [""], "The cat sat on the mat."),
        ("both empty", [""], ""),
        ("punctuation-only prediction", ["The cat sat."], "... !!! ---"),
        ("prediction of one word", ["the cat sat on the mat"], "cat"),
        ("one-token reference, rouge-2 has no reference bigram", ["cat"], "the cat sat"),
        ("numbers", ["In 2024, 3.5 million (15%) voted; turnout was 61.2 percent."],
         "3.5 million voted in 2024: 61.2 percent turnout, 15 % more."),
        ("numbers glued to letters", ["covid19 mp3s 1990s b52s 2nd"], "COVID-19 MP3s 1990's B-52s second"),
        ("accents become spaces", ["Le café naïve à Zürich, résumé of Straße"], "Le cafe naive a Zurich resume"),
        ("non-Latin scripts give no tokens", ["日本語のテキスト Москва"], "日本語 Москва"),
        ("dotted capital I and Kelvin sign lower-case to ASCII", ["İstanbul 5\u212a run"], "i stanbul 5k run"),
        ("fullwidth, ligature and circled characters are not ASCII", ["ｆｕｌｌ ﬁle ① Ⅻ"], "full file 1 xii"),
        ("repeated words, clipped counts", ["the the the the cat"], "the the cat cat cat the the the the"),
        ("repeated bigrams", ["a b a b a b"], "a b a b"),
        ("stemming joins inflections", ["The governments were reporting national studies."],
         "The government reported nationally studied."),
        ("NLTK-only stems: used, they, dying, skies", ["They used dying skies"], "they use die sky"),
        ("short words are not stemmed", ["cats ran bus uses"], "cat runs buses use"),
        ("case is ignored", ["THE CAT Sat"], "the cat sat"),
        ("several sentences, Lsum unions the LCS", ["the cat sat\non the mat\nand slept"],
         "the cat slept\nthe mat sat on\nand the cat sat"),
        ("Lin (2004) union-LCS example, section 3.2", ["w1 w2 w3 w4 w5"], "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5"),
        ("Lsum clips hits by token counts", ["a a a\na a"], "a\na b a\na"),
        ("Lsum: empty lines and blank lines are dropped or kept as empty sentences",
         ["\n\nthe cat\n\n   \nsat down\n"], "the cat sat\n\n\n... \ndown"),
        ("Lsum: carriage returns stay inside the sentence", ["the cat\r\nsat down\r\n"], "the cat sat\r\ndown"),
        ("Lsum: only newlines", ["\n\n\n"], "the cat"),
        ("Lsum: U+2028 and U+0085 do not split sentences", ["the cat\u2028sat\u0085down"], "the cat\nsat down"),
        ("one line against several", ["the cat sat on the mat and the dog slept"],
         "the dog slept\nthe cat sat\non the mat"),
        ("two references, the second better", ["a dog barked", "the cat sat on the mat"], "the cat sat on a mat"),
        ("two references, the first better", ["the cat sat on the mat", "a dog barked"], "the cat sat on a mat"),
        ("two equal references: the first wins the tie", ["the cat sat", "sat the cat"], "the cat"),
        ("equal F1, precision and recall swapped: the first reference wins", ["cat", "the cat sat down"],
         "the cat"),
        ("equal F1 the other way round", ["the cat sat down", "cat"], "the cat"),
        ("references better on different measures", ["cat the sat mat on", "the cat sat"],
         "the cat sat on the mat"),
        ("three references, one empty", ["", "the cat", "a cat sat"], "the cat sat"),
        ("all references empty", ["", "  ", "\n"], "the cat sat"),
        ("long texts", [long_ref], long_pred),
        ("long texts, several sentences", [long_ref.replace(" of ", " of\n")], long_pred.replace(" the ", "\nthe ")),
    ]


def generated(rng):
    cases = []
    for i in range(60):
        ref = random_text(rng, 1, 6, accents=i % 4 == 0)
        cases.append(("random %d" % (i + 1), [ref], perturb(rng, ref)))
    for i in range(20):
        refs = [random_text(rng, 1, 4) for _ in range(rng.randint(2, 4))]
        cases.append(("random, %d references %d" % (len(refs), i + 1), refs, perturb(rng, rng.choice(refs))))
    return cases


def scores_json(result):
    return {k: list(map(float, v)) for k, v in result.items()}


def dump(root):
    """Compact JSON with one line per top-level list element, so that a change shows as a small diff."""
    def compact(value):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    fields = []
    for key, value in root.items():
        if isinstance(value, list):
            fields.append(compact(key) + ":[\n" + ",\n".join(compact(v) for v in value) + "\n]")
        else:
            fields.append(compact(key) + ":" + compact(value))
    return "{\n" + ",\n".join(fields) + "\n}\n"


def main():
    if nltk.__version__ != NLTK_VERSION:
        sys.exit("needs nltk==%s, found %s" % (NLTK_VERSION, nltk.__version__))
    rng = random.Random(SEED)
    nltk_stemmer = PorterStemmer()
    martin = PorterStemmer(PorterStemmer.MARTIN_EXTENSIONS)

    words = word_types(rng)
    stems = [[w, nltk_stemmer.stem(w)] for w in words]
    differs = [[w, martin.stem(w)] for w, s in stems if martin.stem(w) != s]

    token_strings = ["", "   ", "Hello, World!", "don't stop", "U.S.A. 3.14 1,000", "İstanbul", "Kelvin 5\u212a",
                     "naïve café", "ﬁle ﬂow", "ＡＢＣ", "a\tb\nc\rd\u00a0e\u3000f", "rock'n'roll", "e-mail",
                     "x" * 40, "running jumps flies used they dying", "The 1990s' MP3s", "yyyyyy ayyy", "ies eed ing",
                     "Ⅻ ① ٣ ²"]
    tokens = [{"text": s, "plain": tokenize(s, None), "stemmed": tokenize(s, nltk_stemmer)} for s in token_strings]
    code_points = []
    for c in range(0x110000):
        if 0xD800 <= c <= 0xDFFF:
            continue
        t = tokenize(chr(c), None)
        if t:
            code_points.append([c, t])

    cases = []
    for name, refs, pred in hand_written() + generated(rng):
        cases.append({"name": name, "references": refs, "prediction": pred,
                      "plain": scores_json(score_multi(refs, pred, None)),
                      "stemmed": scores_json(score_multi(refs, pred, nltk_stemmer))})

    documents = [c for c in cases if len(c["references"]) == 1][:40]
    matrices = {k: np.vstack(tuple(tuple(d["stemmed"][k]) for d in documents)) for k in ROUGE_TYPES}
    aggregate = {"cases": [d["name"] for d in documents], "use_stemmer": True,
                 "mean": {k: [float(x) for x in np.mean(m, axis=0)] for k, m in matrices.items()},
                 "bootstrap": []}
    for n_samples, ci, seed in [(200, 0.95, 1), (50, 0.9, 2)]:
        run = {"n_samples": n_samples, "confidence_interval": ci, "seed": seed, "types": {}}
        for k, m in matrices.items():
            drawn, pct = bootstrap(m, n_samples, ci, seed)  # the same seed: the same draws for every type
            run["indices"] = drawn
            run["types"][k] = {"low": [float(x) for x in pct[0]], "mid": [float(x) for x in pct[1]],
                               "high": [float(x) for x in pct[2]]}
        aggregate["bootstrap"].append(run)

    percentiles = []
    for size in [1, 2, 3, 7, 40, 1000]:
        values = [rng.random() for _ in range(size)]
        entry = {"values": values, "intervals": []}
        for ci in [0.95, 0.9, 0.5, 0.0, 1.0, 0.99]:
            low, mid, high = np.percentile(np.array(values), q_of(ci))
            entry["intervals"].append({"confidence_interval": ci, "low": float(low), "mid": float(mid),
                                       "high": float(high)})
        percentiles.append(entry)

    out = {"rouge_score": ROUGE_SCORE_VERSION, "nltk": NLTK_VERSION, "numpy": np.__version__,
           "generator": "tasks/src/test/python/make_rouge_fixtures.py", "seed": SEED,
           "stems": stems, "martin": differs, "tokens": tokens, "code_points": code_points, "cases": cases,
           "aggregate": aggregate, "percentiles": percentiles}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(dump(out))
    print("%d stems (%d differ in MARTIN_EXTENSIONS mode), %d token strings, %d code points, %d score cases, "
          "%d aggregated documents, %d percentile sets -> %s"
          % (len(stems), len(differs), len(tokens), len(code_points), len(cases), len(documents),
             len(percentiles), os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
