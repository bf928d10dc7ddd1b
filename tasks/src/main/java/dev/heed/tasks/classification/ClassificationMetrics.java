package dev.heed.tasks.classification;

import java.util.List;

/**
 * Accuracy, macro-F1, per-class precision, recall and F1, and the confusion matrix of a set of predictions.
 * Immutable.
 *
 * @param labels class names by index
 * @param confusion {@code confusion[gold][predicted]} counts
 */
public record ClassificationMetrics(List<String> labels, long[][] confusion) {

    public ClassificationMetrics {
        labels = List.copyOf(labels);
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        confusion = copy;
    }

    /** Counts {@code gold} against {@code predicted} (class indexes, same length). */
    public static ClassificationMetrics of(List<String> labels, int[] gold, int[] predicted) {
        if (gold.length != predicted.length) {
            throw new IllegalArgumentException(gold.length + " gold labels but " + predicted.length + " predictions");
        }
        long[][] confusion = new long[labels.size()][labels.size()];
        for (int i = 0; i < gold.length; i++) {
            confusion[gold[i]][predicted[i]]++;
        }
        return new ClassificationMetrics(labels, confusion);
    }

    @Override
    public long[][] confusion() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** Number of examples. */
    public long total() {
        long n = 0;
        for (long[] row : confusion) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    /** Fraction predicted right. */
    public double accuracy() {
        long right = 0;
        for (int i = 0; i < confusion.length; i++) {
            right += confusion[i][i];
        }
        return total() == 0 ? 0 : (double) right / total();
    }

    /** Of the examples predicted as {@code label}, the fraction that are; 0 when none was predicted so. */
    public double precision(int label) {
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[label];
        }
        return predicted == 0 ? 0 : (double) confusion[label][label] / predicted;
    }

    /** Of the examples of {@code label}, the fraction predicted so; 0 when there are none. */
    public double recall(int label) {
        long gold = 0;
        for (long c : confusion[label]) {
            gold += c;
        }
        return gold == 0 ? 0 : (double) confusion[label][label] / gold;
    }

    /** Harmonic mean of precision and recall of {@code label}; 0 when both are 0. */
    public double f1(int label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Unweighted mean of the per-class F1. */
    public double macroF1() {
        double sum = 0;
        for (int i = 0; i < labels.size(); i++) {
            sum += f1(i);
        }
        return sum / labels.size();
    }
}
