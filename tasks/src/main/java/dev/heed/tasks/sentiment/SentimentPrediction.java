package dev.heed.tasks.sentiment;

import dev.heed.alignment.Alignment;
import dev.heed.text.Token;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One text's sentiment: the label, its probability, every label's probability, the tokens the model read
 * and, when asked for, the attention that decided (pooling attention over those tokens). Immutable.
 *
 * @param label the most probable class
 * @param score its probability
 * @param probabilities every class's probability, in class order
 * @param tokens the tokens the model read, with spans into the text
 * @param attention per token, the pooling weight (sums to 1), when captured and the encoder pools by attention
 * @param alignment when captured, the attention that decided as an alignment (pooling, or self-attention)
 * @param truncated tokens cut to fit the model
 */
public record SentimentPrediction(String label, double score, Map<String, Double> probabilities, List<Token> tokens,
        Optional<float[]> attention, Optional<Alignment> alignment, int truncated) {
}
