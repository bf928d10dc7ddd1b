package dev.heed.text.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerJsonReaderTest {

    @TempDir
    Path dir;

    @Test
    void aBpeVocabularyReadsBackInIdOrder() throws IOException {
        Path file = dir.resolve("tokenizer.json");
        TokenizerJsonWriter.writeByteLevelBpe(new BpeTrainer(BpeConfig.ofSize(280)).train(List.of("the cat sat")), file);
        List<String> vocabulary = TokenizerJsonReader.bpeVocabulary(file);
        assertTrue(vocabulary.size() > 256, "the 256 bytes and the merges: " + vocabulary.size());
    }

    @Test
    void aCutTokenizerFileIsAnErrorNamingTheFileAndTheLine() throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, "{\n  \"model\": {\n    \"type\": \"WordLevel\",\n    \"vocab\": {\"a\": 0,\n");
        IOException e = assertThrows(IOException.class, () -> TokenizerJsonReader.wordLevel(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 5"), e.getMessage());
    }
}
