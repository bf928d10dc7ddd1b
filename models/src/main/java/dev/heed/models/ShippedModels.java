package dev.heed.models;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.json.HeedJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * The models shipped as resources: every {@code META-INF/heed/models.json} on the classpath lists
 * {@code {"models": [{"name", "description", "resources"}]}}, {@code resources} being the folder that holds
 * the model's {@code model.json} and files.
 */
public final class ShippedModels implements ModelSourceProvider {

    /** The catalog resource each jar with shipped models carries. */
    public static final String CATALOG = "META-INF/heed/models.json";

    @Override
    public List<ModelSource> sources() {
        ClassLoader loader = ShippedModels.class.getClassLoader();
        List<ModelSource> sources = new ArrayList<>();
        try {
            Enumeration<URL> catalogs = loader.getResources(CATALOG);
            while (catalogs.hasMoreElements()) {
                URL url = catalogs.nextElement();
                try (InputStream in = url.openStream()) {
                    for (JsonNode model : HeedJson.COMPACT.readTree(in).path("models")) {
                        sources.add(new ResourceModelSource(model.path("name").asText(),
                                model.path("description").asText(), model.path("resources").asText(), loader));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model catalogs " + CATALOG, e);
        }
        return sources;
    }
}
