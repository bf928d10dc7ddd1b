package dev.heed.tasks.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * ROUGE (Lin 2004) exactly as Google's rouge-score 0.1.2 computes it ({@code RougeScorer(rouge_types,
 * use_stemmer)}): both texts go through {@link RougeTokenizer}; {@code rouge1}..{@code rouge9} count clipped n-gram
 * matches ({@link RougeN}), {@code rougeL} takes the longest common subsequence of the whole texts ({@link RougeL}),
 * {@code rougeLsum} the summary-level union LCS over newline-separated sentences ({@link RougeLsum}); each gives
 * precision, recall and F1. With several references ({@link #scoreMulti}) each measure takes the score against
 * the reference with the highest F1, the first on a tie. {@code RougeFixturesTest} freezes the figures of 118
 * cases with and without stemming. Per-document scores add up to a corpus figure in {@link BootstrapAggregator}.
 * Stateless, thread-safe.
 */
public final class RougeScorer {

    /** The rouge-score version whose behaviour this reproduces. */
    public static final String ROUGE_SCORE_VERSION = "0.1.2";

    private final List<RougeType> types;
    private final RougeTokenizer tokenizer;

    /**
     * A scorer of {@code types}, in that order (a type named twice counts once), with stemming or without.
     *
     * @throws IllegalArgumentException when {@code types} is empty
     */
    public RougeScorer(List<RougeType> types, boolean useStemmer) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("no ROUGE type: give at least one, e.g. rouge1, rouge2, rougeL,"
                    + " rougeLsum");
        }
        this.types = List.copyOf(new LinkedHashSet<>(types));
        this.tokenizer = new RougeTokenizer(useStemmer);
    }

    /** ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum, the measures summarization papers report. */
    public static RougeScorer standard(boolean useStemmer) {
        return new RougeScorer(List.of(RougeType.ROUGE_1, RougeType.ROUGE_2, RougeType.ROUGE_L,
                RougeType.ROUGE_LSUM), useStemmer);
    }

    public List<RougeType> types() {
        return types;
    }

    public boolean useStemmer() {
        return tokenizer.useStemmer();
    }

    /**
     * rouge-score's {@code score(target, prediction)}: each type's score of {@code prediction} against the
     * reference {@code target}, in the order of {@link #types()}.
     */
    public Map<RougeType, RougeScore> score(String target, String prediction) {
        List<String> targetTokens = tokenizer.tokenize(target);
        List<String> predictionTokens = tokenizer.tokenize(prediction);
        Map<RougeType, RougeScore> scores = new LinkedHashMap<>();
        for (RougeType type : types) {
            RougeScore score;
            if (type.equals(RougeType.ROUGE_L)) {
                score = RougeL.score(targetTokens, predictionTokens);
            } else if (type.equals(RougeType.ROUGE_LSUM)) {
                score = RougeLsum.score(sentenceTokens(target), sentenceTokens(prediction));
            } else {
                score = RougeN.score(targetTokens, predictionTokens, type.ngramOrder().getAsInt());
            }
            scores.put(type, score);
        }
        return Collections.unmodifiableMap(scores);
    }

    /**
     * rouge-score's {@code score_multi(targets, prediction)}: for each type, the score against the reference whose
     * F1 for that type is highest (the first of equals), so different types may come from different references.
     *
     * @throws IllegalArgumentException when {@code targets} is empty
     */
    public Map<RougeType, RougeScore> scoreMulti(List<String> targets, String prediction) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no reference: score_multi needs at least one reference text");
        }
        List<Map<RougeType, RougeScore>> perTarget = new ArrayList<>(targets.size());
        for (String target : targets) {
            perTarget.add(score(target, prediction));
        }
        Map<RougeType, RougeScore> best = new LinkedHashMap<>();
        for (RougeType type : types) {
            RougeScore max = perTarget.get(0).get(type);
            for (Map<RougeType, RougeScore> scores : perTarget) {
                if (scores.get(type).fmeasure() > max.fmeasure()) {
                    max = scores.get(type);
                }
            }
            best.put(type, max);
        }
        return Collections.unmodifiableMap(best);
    }

    /**
     * How these scores were made, for reports beside the figures:
     * {@code rouge-score:0.1.2|types:rouge1,rouge2,rougeL,rougeLsum|stemmer:nltk-porter|lsum-split:newline}, with
     * {@code stemmer:none} without stemming.
     */
    public String signature() {
        return "rouge-score:" + ROUGE_SCORE_VERSION + "|types:"
                + types.stream().map(RougeType::name).collect(Collectors.joining(","))
                + "|stemmer:" + (useStemmer() ? "nltk-porter" : "none") + "|lsum-split:newline";
    }

    private List<List<String>> sentenceTokens(String text) {
        List<List<String>> sentences = new ArrayList<>();
        for (String sentence : RougeLsum.sentences(text)) {
            sentences.add(tokenizer.tokenize(sentence));
        }
        return sentences;
    }
}
