package dev.heed.tasks.training;

import java.util.List;
import java.util.function.Consumer;

/**
 * The batches a training run skipped because their loss or gradient was not finite (see
 * {@link FiniteGradients}): each one is reported, and past a tolerance ({@link #MAX} by default) in one run
 * training is declared diverged. One per run; not thread-safe.
 *
 * <p>The tolerance can be set with the system property {@value #TOLERANCE_PROPERTY}; the project's tests set
 * it to 0, so that a non-finite loss or gradient in any test that trains is a failure, never a skipped batch
 * (a non-finite value in a tiny, seeded test run means a fault, such as native memory read before it was
 * written, not bad luck).
 */
public final class SkippedBatches {

    /** More skipped batches than this in one run stop it, unless {@value #TOLERANCE_PROPERTY} says otherwise. */
    public static final int MAX = 20;

    /** System property: how many non-finite batches a run may skip before it stops (default {@value #MAX}). */
    public static final String TOLERANCE_PROPERTY = "heed.training.maxSkippedBatches";

    private final Consumer<String> progress;
    private final String advice;
    private final int tolerance;
    private int count;

    /**
     * {@code advice} ends the error when training diverges, e.g. {@code "lower --lr (now 0.001)"}; the
     * tolerance comes from {@value #TOLERANCE_PROPERTY} or is {@link #MAX}.
     *
     * @throws IllegalArgumentException when the property is set to something other than a count {@code >= 0}
     */
    public SkippedBatches(Consumer<String> progress, String advice) {
        this(progress, advice, toleranceFromProperty());
    }

    /** As above with an explicit {@code tolerance >= 0}; 0 makes the first non-finite batch stop the run. */
    public SkippedBatches(Consumer<String> progress, String advice, int tolerance) {
        if (tolerance < 0) {
            throw new IllegalArgumentException("the tolerance for skipped batches must be >= 0, got " + tolerance);
        }
        this.progress = progress;
        this.advice = advice;
        this.tolerance = tolerance;
    }

    static int toleranceFromProperty() {
        String value = System.getProperty(TOLERANCE_PROPERTY);
        if (value == null || value.isBlank()) {
            return MAX;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("system property " + TOLERANCE_PROPERTY + " must be a count >= 0, got '"
                + value + "'");
    }

    /**
     * Records one skipped batch, {@code updates} updates into {@code epoch}: reports it, or throws
     * {@link IllegalStateException} when it is one more than the tolerance.
     */
    public void skip(int epoch, int updates) {
        skip(epoch, updates, "");
    }

    /**
     * As {@link #skip(int, int)}, with {@code detail} (what was not finite and which examples the batch held,
     * e.g. from {@link #describe}) added to the report and to the error; blank for none.
     */
    public void skip(int epoch, int updates, String detail) {
        count++;
        String what = detail.isBlank() ? "" : " [" + detail + "]";
        if (count > tolerance) {
            throw new IllegalStateException("the training loss or gradient was not finite in " + count
                    + " batches (epoch " + epoch + ", after " + updates + " updates" + what + "): training diverged; "
                    + advice);
        }
        progress.accept("epoch " + epoch + ": a batch gave a non-finite loss or gradient after " + updates
                + " updates: skipped, no update (" + count + " of at most " + tolerance + ")" + what);
    }

    /**
     * What made a batch non-finite, for {@link #skip(int, int, String)}: the loss {@code loss} when it is not
     * finite, else the parameters whose gradients were not (from {@link FiniteGradients#nonFinite}), then the
     * batch's examples as 1-based {@code records} of the training file (all of them: a batch is small; none
     * named when empty).
     */
    public static String describe(float loss, List<String> parameters, int[] records) {
        StringBuilder s = new StringBuilder();
        if (!Float.isFinite(loss)) {
            s.append("loss ").append(loss);
        } else {
            s.append("gradient not finite in ").append(parameters.size()).append(" parameter")
                    .append(parameters.size() == 1 ? "" : "s").append(": ").append(String.join(", ", parameters));
        }
        if (records.length > 0) {
            s.append("; training records ");
        }
        for (int i = 0; i < records.length; i++) {
            s.append(i == 0 ? "" : ",").append(records[i]);
        }
        return s.toString();
    }
}
