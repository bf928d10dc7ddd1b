package dev.heed.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelResolverTest {

    @TempDir
    Path home;

    private ModelResolver resolver() {
        return new ModelResolver(home, new ShippedModels().sources());
    }

    @Test
    void shippedModelIsFoundByNameAndExtractedOnFirstUse() throws Exception {
        ModelResolver resolver = resolver();
        ModelSource toy = resolver.available().stream().filter(s -> s.name().equals("toy")).findFirst().orElseThrow();
        assertFalse(resolver.isCached(toy));
        ModelDirectory model = resolver.resolve("toy");
        assertTrue(resolver.isCached(toy));
        assertEquals(resolver.cacheDir(toy), model.path());
        assertTrue(model.path().startsWith(home.resolve("models")));
        assertEquals("tokenizer", model.manifest().task());
        assertTrue(Files.isRegularFile(model.resolve("tokenizer.json")));
        assertEquals(model.path(), resolver.resolve("toy").path(), "second use reuses the cache");
    }

    @Test
    void aDamagedCacheIsExtractedAgain() throws Exception {
        ModelResolver resolver = resolver();
        ModelDirectory model = resolver.resolve("toy");
        Files.writeString(model.resolve("README.md"), "tampered");
        ModelDirectory again = resolver.resolve("toy");
        assertTrue(Files.readString(again.resolve("README.md")).startsWith("# toy"));
    }

    @Test
    void aDirectoryIsOpenedAsItIs() throws Exception {
        ModelDirectory extracted = resolver().resolve("toy");
        ModelDirectory opened = resolver().resolve(extracted.path().toString());
        assertEquals(extracted.path(), opened.path());
    }

    @Test
    void anUnknownNameListsTheNamedModels() {
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> resolver().resolve("nonesuch"));
        assertTrue(e.getMessage().contains("Named models: [") && e.getMessage().contains("toy")
                && e.getMessage().contains("sst2") && e.getMessage().contains("multi30k-en-de"),
                "the test's model and the shipped defaults: " + e.getMessage());
    }

    @Test
    void serviceLoaderFindsTheShippedModels() {
        List<String> names = new ModelResolver().available().stream().map(ModelSource::name).toList();
        assertTrue(names.contains("toy"), names.toString());
    }
}
