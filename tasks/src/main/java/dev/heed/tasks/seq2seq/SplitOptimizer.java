package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import java.util.Set;

/**
 * Two optimizers in one: the parameters whose ids are in {@code first} are updated by {@code firstOptimizer}, all
 * others by {@code rest}. A pretrained encoder fine-tuned with a lower learning rate than the decoder trained from
 * scratch: with Adam, scaling the gradients would not do (its update is invariant to the gradient's scale), so the
 * encoder gets its own Adam.
 */
final class SplitOptimizer extends Optimizer {

    private final Set<String> first;
    private final Optimizer firstOptimizer;
    private final Optimizer rest;

    SplitOptimizer(Set<String> first, Optimizer firstOptimizer, Optimizer rest) {
        super(new Builder());
        this.first = Set.copyOf(first);
        this.firstOptimizer = firstOptimizer;
        this.rest = rest;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        (first.contains(parameterId) ? firstOptimizer : rest).update(parameterId, weight, grad);
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
