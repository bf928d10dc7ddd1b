/**
 * The records the task commands write, one set of fields per task, shared by {@code heed} and {@code heed-spark}
 * so that both write the same fields with the same values: sentiment {@code {"label","score","probs"}}, embed
 * {@code {"vector"}}, translate {@code {"translation","score"}}, summarize {@code {"summary","score"}} (and the
 * optional fields each documents). Each class is a {@link dev.heed.batch.Predictor}; they keep no state between
 * calls and the models they wrap are thread-safe, so one instance may serve several threads.
 */
package dev.heed.tasks.records;
