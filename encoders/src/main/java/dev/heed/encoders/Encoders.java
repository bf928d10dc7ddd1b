package dev.heed.encoders;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/** Finds encoders by name through the {@link EncoderProvider}s on the classpath, loaded once, lazily. */
public final class Encoders {

    private Encoders() {
    }

    private static final class Holder {
        static final Map<String, EncoderProvider> PROVIDERS = load();

        private static Map<String, EncoderProvider> load() {
            Map<String, EncoderProvider> byName = new LinkedHashMap<>();
            for (EncoderProvider p : ServiceLoader.load(EncoderProvider.class, Encoders.class.getClassLoader())) {
                byName.putIfAbsent(p.name(), p);
            }
            return byName;
        }
    }

    /** The names of the encoders available. */
    public static Set<String> names() {
        return Holder.PROVIDERS.keySet();
    }

    /** The provider of {@code name}; fails listing the encoders there are. */
    public static EncoderProvider provider(String name) {
        EncoderProvider p = Holder.PROVIDERS.get(name);
        if (p == null) {
            throw new IllegalArgumentException("an encoder with name '" + name
                    + "' does not exist. The current classpath supports: " + names());
        }
        return p;
    }

    /** A new encoder {@code name} with the defaults and {@code overrides}. */
    public static EncoderBlock create(String name, Map<String, ?> overrides) {
        EncoderProvider p = provider(name);
        return p.create(p.parse(overrides));
    }
}
