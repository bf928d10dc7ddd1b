package dev.heed.tasks.classification;

import dev.heed.text.Token;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * Makes new training texts from old ones for distillation, after Tang et al. 2019, "Distilling Task-Specific
 * Knowledge from BERT into Simple Neural Networks" (arXiv:1903.12136), section 3.3: each word is masked with
 * probability {@code maskProbability}, and with probability {@code ngramProbability} the variant is cut to a
 * random n-gram of 1 to 5 words. The teacher labels the variants, so they need no gold label.
 *
 * <p>Not thread-safe (it draws from one seeded {@link Random}); the same seed gives the same variants.
 */
public final class WordAugmenter {

    /** What the teacher reads, where the masked words are {@code maskToken}; what the student reads. */
    public record Variant(String teacherText, List<Token> words, BitSet masked) {
    }

    private final Random random;
    private final double maskProbability;
    private final double ngramProbability;
    private final String maskToken;

    /**
     * @param maskToken the teacher's mask token as it is written in text (BERT: {@code [MASK]})
     */
    public WordAugmenter(long seed, double maskProbability, double ngramProbability, String maskToken) {
        if (maskProbability < 0 || maskProbability > 1 || ngramProbability < 0 || ngramProbability > 1) {
            throw new IllegalArgumentException("probabilities must be in [0, 1], got " + maskProbability + " and "
                    + ngramProbability);
        }
        this.random = new Random(seed);
        this.maskProbability = maskProbability;
        this.ngramProbability = ngramProbability;
        this.maskToken = maskToken;
    }

    /** A variant of {@code text}, whose CoreNLP words are {@code words}; the text itself when it has none. */
    public Variant vary(String text, List<Token> words) {
        if (words.isEmpty()) {
            return new Variant(text, words, new BitSet());
        }
        int from = 0;
        int to = words.size();
        if (random.nextDouble() < ngramProbability && words.size() > 1) {
            int n = 1 + random.nextInt(Math.min(5, words.size()));
            from = random.nextInt(words.size() - n + 1);
            to = from + n;
        }
        List<Token> kept = new ArrayList<>(words.subList(from, to));
        BitSet masked = new BitSet();
        StringBuilder teacher = new StringBuilder();
        int cursor = kept.get(0).span().start();
        for (int i = 0; i < kept.size(); i++) {
            Token word = kept.get(i);
            teacher.append(text, cursor, word.span().start());
            if (random.nextDouble() < maskProbability) {
                masked.set(i);
                teacher.append(maskToken);
            } else {
                teacher.append(text, word.span().start(), word.span().end());
            }
            cursor = word.span().end();
        }
        return new Variant(teacher.toString(), kept, masked);
    }
}
