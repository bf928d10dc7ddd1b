package dev.heed.engine;

import java.util.Locale;

/** What the user asked for with {@code --device}: {@code cpu}, {@code gpu} or {@code auto}. */
public enum DeviceChoice {
    CPU, GPU, AUTO;

    /** Parses {@code cpu}, {@code gpu} or {@code auto}, case-insensitively; fails listing the valid values. */
    public static DeviceChoice parse(String value) {
        for (DeviceChoice c : values()) {
            if (c.name().equalsIgnoreCase(value.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown device '" + value + "'; valid: cpu, gpu, auto");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
