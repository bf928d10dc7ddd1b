package dev.heed.tasks.embedding;

import java.util.Locale;

/** What to do with an input longer than a model takes; whichever it is, it is counted and reported. */
public enum LongInputPolicy {
    /** Keep the first tokens that fit (and the closing special token); the output says how many were cut. */
    TRUNCATE,
    /** Refuse the input: it becomes an error record ({@code too_long}). */
    REJECT;

    /** Parses {@code truncate} or {@code reject}; fails listing the valid values. */
    public static LongInputPolicy parse(String value) {
        for (LongInputPolicy p : values()) {
            if (p.name().equalsIgnoreCase(value.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown long-input policy '" + value + "'; valid: truncate, reject");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
