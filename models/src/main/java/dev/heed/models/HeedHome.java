package dev.heed.models;

import java.nio.file.Path;

/**
 * Heed's local cache: {@code $HEED_HOME}, else the system property {@code heed.home}, else
 * {@code ~/.cache/heed}. Models are extracted to {@code HOME/models/NAME-VERSION}.
 */
public final class HeedHome {

    /** The environment variable that moves the cache. */
    public static final String ENV = "HEED_HOME";

    private HeedHome() {
    }

    /** The cache folder (not created here). */
    public static Path resolve() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String property = System.getProperty("heed.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "heed");
    }
}
