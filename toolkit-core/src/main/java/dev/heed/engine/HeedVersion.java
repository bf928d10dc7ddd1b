package dev.heed.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The versions Heed was built with: its own, DJL's and libtorch's. */
public final class HeedVersion {

    private static final Properties PROPERTIES = load();

    private HeedVersion() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = HeedVersion.class.getResourceAsStream("/dev/heed/heed-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Heed's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String heed() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    /** The DJL version Heed was built against. */
    public static String djl() {
        return PROPERTIES.getProperty("djl", "unknown");
    }

    /** The libtorch version Heed was built against. */
    public static String libtorch() {
        return PROPERTIES.getProperty("libtorch", "unknown");
    }
}
