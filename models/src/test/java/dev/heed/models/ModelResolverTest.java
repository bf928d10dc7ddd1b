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
    void aCachedModelIsHashedOnceAndAgainOnlyWhenAFileChanged() throws Exception {
        ModelResolver resolver = resolver();
        ModelDirectory model = resolver.resolve("toy");
        Path stamp = model.path().resolve(VerifiedStamp.FILE);
        assertTrue(Files.isRegularFile(stamp), "hashing left its record");
        assertTrue(VerifiedStamp.matches(model.path(), model.manifest()));
        // Same size, new contents and time: no longer matches, so it is hashed, fails and is extracted again.
        Path card = model.resolve("README.md");
        byte[] original = Files.readAllBytes(card);
        byte[] altered = original.clone();
        altered[0] = (byte) (altered[0] == 'x' ? 'y' : 'x');
        Files.write(card, altered);
        Files.setLastModifiedTime(card, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(card).toMillis() + 2000));
        assertFalse(VerifiedStamp.matches(model.path(), model.manifest()));
        ModelDirectory again = resolver.resolve("toy");
        assertEquals(List.of(original.length), List.of(Files.readAllBytes(again.resolve("README.md")).length));
        assertTrue(java.util.Arrays.equals(original, Files.readAllBytes(again.resolve("README.md"))),
                "the altered file was caught and the model extracted again");
        assertTrue(VerifiedStamp.matches(again.path(), again.manifest()));
        // A matching stamp is what spares the hashing: a change in place that puts the size and time back is not
        // seen (the documented limit), while ModelDirectory.open, which `heed models verify` runs, sees it.
        Path same = again.resolve("README.md");
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(same);
        Files.write(same, altered);
        Files.setLastModifiedTime(same, time);
        assertTrue(java.util.Arrays.equals(altered, Files.readAllBytes(resolver.resolve("toy").resolve("README.md"))));
        assertThrows(dev.heed.model.ModelFileCorruptException.class, () -> ModelDirectory.open(again.path()));
    }

    @Test
    void aFileCutShortIsCaughtEvenWhenTheStampWouldMatch() throws Exception {
        ModelResolver resolver = resolver();
        ModelDirectory model = resolver.resolve("toy");
        Path tokenizer = model.resolve("tokenizer.json");
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(tokenizer);
        Files.write(tokenizer, java.util.Arrays.copyOf(Files.readAllBytes(tokenizer), 10));
        Files.setLastModifiedTime(tokenizer, time);
        ModelDirectory again = resolver.resolve("toy");
        assertTrue(Files.size(again.resolve("tokenizer.json")) > 10, "sizes are always checked");
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
