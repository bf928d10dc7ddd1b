package dev.heed.tasks.sentiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A teacher model's class probabilities over many texts, the soft targets of distillation. Texts go to the
 * teacher in batches of similar length; the result keeps the input order. Stateless.
 */
final class TeacherLabels {

    private static final int BATCH = 64;

    private TeacherLabels() {
    }

    /** Per text, the teacher's probability of each class (in the teacher's class order). */
    static float[][] of(SentimentModel teacher, List<String> texts, Consumer<String> progress) {
        Integer[] order = new Integer[texts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
        float[][] targets = new float[texts.size()][];
        long start = System.nanoTime();
        long lastReport = start;
        for (int from = 0; from < order.length; from += BATCH) {
            List<String> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(order.length, from + BATCH); i++) {
                batch.add(texts.get(order[i]));
            }
            List<SentimentPrediction> predictions = teacher.predict(batch, false);
            for (int i = 0; i < batch.size(); i++) {
                targets[order[from + i]] = toArray(predictions.get(i), teacher.labels());
            }
            if (System.nanoTime() - lastReport > 30e9) {
                lastReport = System.nanoTime();
                progress.accept(String.format("teacher: %,d of %,d texts labelled (%.0f/s)", from + batch.size(),
                        texts.size(), (from + batch.size()) / ((lastReport - start) / 1e9)));
            }
        }
        return targets;
    }

    private static float[] toArray(SentimentPrediction prediction, List<String> labels) {
        float[] p = new float[labels.size()];
        for (int c = 0; c < p.length; c++) {
            p[c] = prediction.probabilities().get(labels.get(c)).floatValue();
        }
        return p;
    }
}
