package dev.heed.tasks.seq2seq;

import dev.heed.tasks.metrics.Bleu;
import dev.heed.tasks.metrics.Chrf;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * How {@link Seq2SeqTrainer} scores the dev set after every epoch: a corpus score that chooses the epoch (higher is
 * better) and a second one reported beside it. Immutable; thread-safe when its scorer is.
 *
 * @param name the choosing score's name, as the log and the model card print it ({@code BLEU})
 * @param secondName the second score's name ({@code chrF})
 * @param key the choosing score's key in the manifest's metrics ({@code bleu})
 * @param secondKey the second score's key ({@code chrf})
 * @param scorer hypotheses and references (one each per dev pair) to the two scores
 */
public record DevMetric(String name, String secondName, String key, String secondKey,
        BiFunction<List<String>, List<String>, double[]> scorer) {

    public DevMetric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secondName, "secondName");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secondKey, "secondKey");
        Objects.requireNonNull(scorer, "scorer");
    }

    /** sacreBLEU's BLEU (13a tokenization) chooses; chrF is reported beside it. */
    public static DevMetric bleuAndChrf() {
        return new DevMetric("BLEU", "chrF", "bleu", "chrf", (hypotheses, references) -> new double[] {
                Bleu.sacre().score(hypotheses, references).score(), new Chrf().score(hypotheses, references)});
    }

    /** The two scores of {@code hypotheses} against {@code references}. */
    public double[] score(List<String> hypotheses, List<String> references) {
        double[] scores = scorer.apply(hypotheses, references);
        if (scores.length != 2) {
            throw new IllegalStateException(name + " scorer returned " + scores.length + " scores, not 2");
        }
        return scores;
    }
}
