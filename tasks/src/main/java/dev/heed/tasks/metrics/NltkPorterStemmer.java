package dev.heed.tasks.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Porter stemmer exactly as NLTK's {@code PorterStemmer()} stems in its default mode, {@code NLTK_EXTENSIONS}:
 * the stemmer that Google's rouge-score uses with {@code use_stemmer=True}. A port of {@code nltk/stem/porter.py}
 * (NLTK 3.10.3, Copyright (C) 2001-2026 NLTK Project, Apache License 2.0; after Porter, M. "An algorithm for suffix
 * stripping", Program 14.3 (1980): 130-137; https://github.com/nltk/nltk/blob/develop/nltk/stem/porter.py), step
 * by step and rule by rule, with NLTK's table of irregular forms and its extensions: {@code ies}/{@code ied} of
 * four letters keep their {@code e} ({@code dies -> die}), other {@code ied} becomes {@code i}; {@code y -> i}
 * only after a consonant that is not the whole stem ({@code they}, {@code enjoy} stay); a two-letter
 * vowel-consonant stem counts as ending in cvc ({@code used -> use}); {@code alli -> al} is tried first and the
 * result stemmed again by step 2; {@code bli -> ble}, {@code fulli -> ful} and {@code logi -> log} with the
 * {@code l} counted in the stem.
 *
 * <p>Lucene's {@code PorterStemmer} follows Martin Porter's own version (NLTK's {@code MARTIN_EXTENSIONS}), which
 * stems some words otherwise ({@code used -> us}, {@code they -> thei}, {@code dying -> dy}): {@code RougeFixturesTest}
 * holds NLTK's stems of 6130 word types, a list rich in the suffixes concerned; 246 of them stem otherwise in that
 * mode, and Lucene 10.2.2's {@code PorterStemFilter} stems exactly those 246 otherwise, as that mode does.
 *
 * <p>Words are lower-cased first ({@link Locale#ROOT}); words of two characters or fewer come back lower-cased and
 * otherwise untouched. The port is checked on words of ASCII letters and digits, all that rouge-score's tokenizer
 * gives; on other text it runs the same rules over UTF-16 units. Stateless, thread-safe.
 */
public final class NltkPorterStemmer {

    /** The NLTK version whose stems {@code RougeFixturesTest} freezes. */
    public static final String NLTK_VERSION = "3.10.3";

    /** NLTK's pool: irregular forms, each with the stem it gets without going through the steps. */
    private static final Map<String, String> IRREGULAR_FORMS = Map.ofEntries(
            Map.entry("sky", "sky"), Map.entry("skies", "sky"),
            Map.entry("dying", "die"), Map.entry("lying", "lie"), Map.entry("tying", "tie"),
            Map.entry("news", "news"),
            Map.entry("innings", "inning"), Map.entry("inning", "inning"),
            Map.entry("outings", "outing"), Map.entry("outing", "outing"),
            Map.entry("cannings", "canning"), Map.entry("canning", "canning"),
            Map.entry("howe", "howe"),
            Map.entry("proceed", "proceed"), Map.entry("exceed", "exceed"), Map.entry("succeed", "succeed"));

    private static final Predicate<String> POSITIVE_MEASURE = stem -> PorterMeasure.measure(stem) > 0;
    private static final Predicate<String> MEASURE_ABOVE_ONE = stem -> PorterMeasure.measure(stem) > 1;

    private static final List<Rule> STEP_1A = List.of(
            new Rule("sses", "ss", null), new Rule("ies", "i", null), new Rule("ss", "ss", null),
            new Rule("s", "", null));

    private static final List<Rule> STEP_2 = List.of(
            new Rule("ational", "ate", POSITIVE_MEASURE), new Rule("tional", "tion", POSITIVE_MEASURE),
            new Rule("enci", "ence", POSITIVE_MEASURE), new Rule("anci", "ance", POSITIVE_MEASURE),
            new Rule("izer", "ize", POSITIVE_MEASURE), new Rule("bli", "ble", POSITIVE_MEASURE),
            new Rule("alli", "al", POSITIVE_MEASURE), new Rule("entli", "ent", POSITIVE_MEASURE),
            new Rule("eli", "e", POSITIVE_MEASURE), new Rule("ousli", "ous", POSITIVE_MEASURE),
            new Rule("ization", "ize", POSITIVE_MEASURE), new Rule("ation", "ate", POSITIVE_MEASURE),
            new Rule("ator", "ate", POSITIVE_MEASURE), new Rule("alism", "al", POSITIVE_MEASURE),
            new Rule("iveness", "ive", POSITIVE_MEASURE), new Rule("fulness", "ful", POSITIVE_MEASURE),
            new Rule("ousness", "ous", POSITIVE_MEASURE), new Rule("aliti", "al", POSITIVE_MEASURE),
            new Rule("iviti", "ive", POSITIVE_MEASURE), new Rule("biliti", "ble", POSITIVE_MEASURE),
            new Rule("fulli", "ful", POSITIVE_MEASURE),
            // NLTK counts the 'l' of 'logi' in the stem, so that 'geo' and 'theo' stem like 'archaeo'
            new Rule("logi", "log", stem -> PorterMeasure.measure(stem + "l") > 0));

    private static final List<Rule> STEP_3 = List.of(
            new Rule("icate", "ic", POSITIVE_MEASURE), new Rule("ative", "", POSITIVE_MEASURE),
            new Rule("alize", "al", POSITIVE_MEASURE), new Rule("iciti", "ic", POSITIVE_MEASURE),
            new Rule("ical", "ic", POSITIVE_MEASURE), new Rule("ful", "", POSITIVE_MEASURE),
            new Rule("ness", "", POSITIVE_MEASURE));

    private static final List<Rule> STEP_4 = List.of(
            new Rule("al", "", MEASURE_ABOVE_ONE), new Rule("ance", "", MEASURE_ABOVE_ONE),
            new Rule("ence", "", MEASURE_ABOVE_ONE), new Rule("er", "", MEASURE_ABOVE_ONE),
            new Rule("ic", "", MEASURE_ABOVE_ONE), new Rule("able", "", MEASURE_ABOVE_ONE),
            new Rule("ible", "", MEASURE_ABOVE_ONE), new Rule("ant", "", MEASURE_ABOVE_ONE),
            new Rule("ement", "", MEASURE_ABOVE_ONE), new Rule("ment", "", MEASURE_ABOVE_ONE),
            new Rule("ent", "", MEASURE_ABOVE_ONE),
            new Rule("ion", "", stem -> PorterMeasure.measure(stem) > 1
                    && (stem.endsWith("s") || stem.endsWith("t"))),
            new Rule("ou", "", MEASURE_ABOVE_ONE), new Rule("ism", "", MEASURE_ABOVE_ONE),
            new Rule("ate", "", MEASURE_ABOVE_ONE), new Rule("iti", "", MEASURE_ABOVE_ONE),
            new Rule("ous", "", MEASURE_ABOVE_ONE), new Rule("ive", "", MEASURE_ABOVE_ONE),
            new Rule("ize", "", MEASURE_ABOVE_ONE));

    // step 5b: (m > 1 and *d and *L) -> single letter, the measure taken of the word less one 'l'
    private static final List<Rule> STEP_5B = List.of(
            new Rule("ll", "l", stem -> PorterMeasure.measure(stem + "l") > 1));

    /** The stem of {@code word}, as NLTK's {@code PorterStemmer().stem(word)}. */
    public String stem(String word) {
        String stem = word.toLowerCase(Locale.ROOT);
        String irregular = IRREGULAR_FORMS.get(stem);
        if (irregular != null) {
            return irregular;
        }
        if (word.length() <= 2) {
            return stem;
        }
        stem = step1a(stem);
        stem = step1b(stem);
        stem = step1c(stem);
        stem = step2(stem);
        stem = Rule.applyFirst(stem, STEP_3);
        stem = Rule.applyFirst(stem, STEP_4);
        stem = step5a(stem);
        return Rule.applyFirst(stem, STEP_5B);
    }

    /** Plurals: sses -> ss, ies -> i (ie in a word of four letters), ss -> ss, s -> nothing. */
    private static String step1a(String word) {
        if (word.endsWith("ies") && word.length() == 4) {
            return cut(word, 3) + "ie";
        }
        return Rule.applyFirst(word, STEP_1A);
    }

    /** Past tenses and gerunds: ied, (m>0) eed -> ee, (*v*) ed and (*v*) ing -> nothing, then the tidying up. */
    private static String step1b(String word) {
        if (word.endsWith("ied")) {
            return cut(word, 3) + (word.length() == 4 ? "ie" : "i");
        }
        if (word.endsWith("eed")) {
            String stem = cut(word, 3);
            return PorterMeasure.measure(stem) > 0 ? stem + "ee" : word;
        }
        String stem = null;
        if (word.endsWith("ed") && PorterMeasure.containsVowel(cut(word, 2))) {
            stem = cut(word, 2);
        } else if (word.endsWith("ing") && PorterMeasure.containsVowel(cut(word, 3))) {
            stem = cut(word, 3);
        }
        if (stem == null) {
            return word;
        }
        if (stem.endsWith("at") || stem.endsWith("bl") || stem.endsWith("iz")) {
            return stem + "e";
        }
        if (PorterMeasure.endsDoubleConsonant(stem)) {
            char last = stem.charAt(stem.length() - 1);
            return last == 'l' || last == 's' || last == 'z' ? stem : cut(stem, 1);
        }
        return PorterMeasure.measure(stem) == 1 && PorterMeasure.endsCvc(stem) ? stem + "e" : stem;
    }

    /** y -> i after a consonant that is not the whole stem ({@code happy -> happi}, {@code enjoy} stays). */
    private static String step1c(String word) {
        if (word.endsWith("y")) {
            String stem = cut(word, 1);
            boolean applies = stem.length() > 1 && PorterMeasure.isConsonant(stem, stem.length() - 1);
            return applies ? stem + "i" : word;
        }
        return word;
    }

    /** Double suffixes to single ones; NLTK first turns a measured {@code alli} into {@code al} and goes again. */
    private static String step2(String word) {
        if (word.endsWith("alli") && PorterMeasure.measure(cut(word, 4)) > 0) {
            return step2(cut(word, 4) + "al");
        }
        return Rule.applyFirst(word, STEP_2);
    }

    /** A final e goes when m > 1, or when m = 1 and the stem does not end in cvc. */
    private static String step5a(String word) {
        if (word.endsWith("e")) {
            String stem = cut(word, 1);
            int m = PorterMeasure.measure(stem);
            if (m > 1 || m == 1 && !PorterMeasure.endsCvc(stem)) {
                return stem;
            }
        }
        return word;
    }

    private static String cut(String word, int suffixLength) {
        return word.substring(0, word.length() - suffixLength);
    }

    /**
     * A suffix rule: the word ends with {@code suffix}, and {@code condition} (none: always) holds for what is
     * left; then the suffix becomes {@code replacement}.
     */
    private record Rule(String suffix, String replacement, Predicate<String> condition) {

        /**
         * NLTK's {@code _apply_rule_list}: the first rule whose suffix ends the word decides, the later ones are not
         * tried even when its condition fails.
         */
        static String applyFirst(String word, List<Rule> rules) {
            for (Rule rule : rules) {
                if (word.endsWith(rule.suffix)) {
                    String stem = cut(word, rule.suffix.length());
                    return rule.condition == null || rule.condition.test(stem) ? stem + rule.replacement : word;
                }
            }
            return word;
        }
    }
}
