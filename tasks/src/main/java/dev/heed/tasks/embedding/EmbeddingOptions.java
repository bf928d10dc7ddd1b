package dev.heed.tasks.embedding;

import ai.djl.Device;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link SentenceEmbedder} runs. Immutable.
 *
 * @param device where the model runs
 * @param pooling {@code mean} or {@code cls} to override the model's own pooling; empty keeps it
 * @param longInput what to do with texts longer than the model's positions
 */
public record EmbeddingOptions(Device device, Optional<String> pooling, LongInputPolicy longInput) {

    public EmbeddingOptions {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(pooling, "pooling");
        Objects.requireNonNull(longInput, "longInput");
        pooling.ifPresent(p -> {
            if (!p.equals("mean") && !p.equals("cls")) {
                throw new IllegalArgumentException("pooling must be mean or cls, got '" + p + "'");
            }
        });
    }

    /** CPU, the model's pooling, truncation of long inputs. */
    public static EmbeddingOptions defaults() {
        return new EmbeddingOptions(Device.cpu(), Optional.empty(), LongInputPolicy.TRUNCATE);
    }
}
