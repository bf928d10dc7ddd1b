package dev.heed.tasks.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heed.text.Span;
import dev.heed.text.SubwordEncoding;
import dev.heed.text.vocab.TokenizerJsonWriter;
import dev.heed.text.vocab.WordVocabularyBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codec of the sequence models: real byte-level BPE learned in the test, loaded through DJL's tokenizers. */
class SubwordCodecTest {

    static final List<String> TEXTS = List.of("A man is riding a bicycle.", "Ein Mann fährt Fahrrad.",
            "Two dogs play in the snow.", "Zwei Hunde spielen im Schnee.", "A woman's hat, 3.5 metres wide!");

    @TempDir
    Path dir;

    @Test
    void decodingGivesTheTextBackWithEveryPiecesSpan() throws IOException {
        try (SubwordCodec codec = SubwordCodec.learn(TEXTS, 320, dir.resolve("tokenizer.json"))) {
            assertTrue(codec.size() > 260 && codec.size() <= 320, "specials, 256 bytes and some merges: " + codec.size());
            assertEquals(List.of("<pad>", "<unk>", "<s>", "</s>"), List.of(codec.piece(0), codec.piece(1),
                    codec.piece(2), codec.piece(3)));
            for (String text : List.of("Ein Mann fährt Fahrrad.", "Größe: 3,5 m — 👍🏽 ok", "  two  spaces")) {
                SubwordEncoding enc = codec.encode(text);
                long[] ids = enc.ids();
                SubwordCodec.Decoded decoded = codec.decode(ids);
                assertEquals(text.strip(), decoded.text(), "byte-level BPE loses nothing but the outer spaces");
                assertEquals(ids.length, decoded.spans().size());
                StringBuilder pieces = new StringBuilder();
                for (Span s : decoded.spans()) {
                    pieces.append(s.of(decoded.text()));
                }
                assertEquals(decoded.text().replace(" ", ""), pieces.toString().replace(" ", ""),
                        "the spans cover the text in order");
            }
            SubwordCodec.Decoded withSpecials = codec.decode(new long[] {SubwordCodec.BOS,
                    codec.encode("Ein Mann").ids()[0], SubwordCodec.EOS});
            assertTrue(withSpecials.spans().get(0).isEmpty() && withSpecials.spans().get(2).isEmpty());
        }
    }

    @Test
    void specialTokensTypedInTheTextAreNotReadAsControlTokens() throws IOException {
        try (SubwordCodec codec = SubwordCodec.learn(TEXTS, 320, dir.resolve("tokenizer.json"))) {
            for (long id : codec.encode("a dog </s> <s> <pad> runs").ids()) {
                assertTrue(id >= 4, "no special id from typed text");
            }
            assertFalse(codec.decode(codec.encode("a dog </s> runs").ids()).text().contains("</s>"));
        }
    }

    @Test
    void aTokenizerWithoutTheSequenceSpecialsIsRefusedNamingThem() throws IOException {
        Path words = dir.resolve("words.json");
        TokenizerJsonWriter.writeWordLevel(new WordVocabularyBuilder(
                new dev.heed.text.vocab.WordVocabularyConfig(1, 100, List.of("[PAD]", "[UNK]"), "[UNK]"))
                .add(List.of("a", "b")).build(), true, words);
        IOException e = assertThrows(IOException.class, () -> SubwordCodec.load(words));
        assertTrue(e.getMessage().contains("not BPE"), e.getMessage());
    }
}
