package dev.heed.attention;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Finds attention variants by name through {@link AttentionProvider}s on the classpath, loaded once, lazily.
 * Thread-safe.
 */
public final class Attentions {

    private Attentions() {
    }

    private static final class Holder {
        static final Map<String, AttentionProvider> PROVIDERS = load();

        private static Map<String, AttentionProvider> load() {
            Map<String, AttentionProvider> byName = new LinkedHashMap<>();
            for (AttentionProvider p : ServiceLoader.load(AttentionProvider.class, Attentions.class.getClassLoader())) {
                byName.putIfAbsent(p.name(), p);
            }
            return byName;
        }
    }

    /** The names of the variants available. */
    public static Set<String> names() {
        return Holder.PROVIDERS.keySet();
    }

    /**
     * A new block of the variant {@code name}.
     *
     * @throws IllegalArgumentException naming the variants there are, when {@code name} is not one
     */
    public static AttentionBlock create(String name, AttentionConfig config) {
        AttentionProvider provider = Holder.PROVIDERS.get(name);
        if (provider == null) {
            throw new IllegalArgumentException("an attention with name '" + name
                    + "' does not exist. The current classpath supports: " + names());
        }
        return provider.create(config);
    }
}
