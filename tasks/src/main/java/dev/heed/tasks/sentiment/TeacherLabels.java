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

    /**
     * The labels cached in {@code file} for exactly these texts (same texts in the same order, by SHA-256),
     * or empty when there is no file or it was made for other texts.
     */
    static java.util.Optional<float[][]> readCache(java.util.Optional<java.nio.file.Path> file, List<String> texts,
            int classes) {
        if (file.isEmpty() || !java.nio.file.Files.isRegularFile(file.get())) {
            return java.util.Optional.empty();
        }
        try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(file.get())) {
            if (!fingerprint(texts).equals(in.readLine())) {
                return java.util.Optional.empty();
            }
            float[][] targets = new float[texts.size()][];
            for (int i = 0; i < targets.length; i++) {
                String[] cells = in.readLine().split("\t");
                if (cells.length != classes) {
                    return java.util.Optional.empty();
                }
                targets[i] = new float[classes];
                for (int c = 0; c < classes; c++) {
                    targets[i][c] = Float.parseFloat(cells[c]);
                }
            }
            return java.util.Optional.of(targets);
        } catch (java.io.IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Writes {@code targets} to {@code file}, when given, for {@link #readCache}. */
    static void writeCache(java.util.Optional<java.nio.file.Path> file, List<String> texts, float[][] targets) {
        if (file.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder(fingerprint(texts)).append('\n');
        for (float[] t : targets) {
            for (int c = 0; c < t.length; c++) {
                out.append(c > 0 ? "\t" : "").append(t[c]);
            }
            out.append('\n');
        }
        try {
            java.nio.file.Files.writeString(file.get(), out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the teacher labels to " + file.get(), e);
        }
    }

    private static String fingerprint(List<String> texts) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String t : texts) {
                sha.update(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return "heed-teacher-labels sha256:" + java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[] toArray(SentimentPrediction prediction, List<String> labels) {
        float[] p = new float[labels.size()];
        for (int c = 0; c < p.length; c++) {
            p[c] = prediction.probabilities().get(labels.get(c)).floatValue();
        }
        return p;
    }
}
