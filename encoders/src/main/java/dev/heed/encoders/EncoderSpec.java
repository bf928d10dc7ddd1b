package dev.heed.encoders;

import java.util.Set;

/**
 * What an encoder produces: its name, sizes and capabilities. Immutable.
 *
 * @param name the encoder's SPI name
 * @param stateSize {@code H} of the per-token states (0 when it has none)
 * @param pooledSize {@code P} of the pooled vector (0 when it has none)
 * @param capabilities what it can give a task
 */
public record EncoderSpec(String name, int stateSize, int pooledSize, Set<Capability> capabilities) {

    public EncoderSpec {
        capabilities = Set.copyOf(capabilities);
    }

    /** Whether it has {@code capability}. */
    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    /**
     * Fails, naming the encoder and what it lacks, unless it has {@code capability}.
     *
     * @param task what needs it, for the message
     */
    public void require(Capability capability, String task) {
        if (!has(capability)) {
            throw new IllegalArgumentException(task + " needs an encoder with " + capability + " but '" + name
                    + "' has only " + capabilities);
        }
    }
}
