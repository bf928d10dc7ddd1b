package dev.heed.cli;

import dev.heed.text.CoreNlpWordTokenizer;
import dev.heed.text.SubwordTokenizer;
import dev.heed.text.WordTokenizer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code heed tokenize}: sentences, words and subwords with their character spans, as JSON lines. */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
        description = {"Split each record into CoreNLP words (surface text, normalized form, start, end: UTF-16"
                + " offsets into the text) and, with --tokenizer FILE.json, HuggingFace subwords with ids,"
                + " spans and the index of the word each belongs to.",
                "Output: {\"id\",\"text\",\"tokens\"|\"sentences\"[,\"subwords\"]} per record (\"text\" for"
                        + " plain-text input; JSON and TSV records keep their own fields, and the offsets point into"
                        + " the text field). A text with no words has \"tokens\":[]."})
final class TokenizeCommand implements Callable<Integer> {

    @Option(names = "--tokenizer", defaultValue = "corenlp", paramLabel = "corenlp|FILE.json",
            description = "corenlp for words only (default), or a HuggingFace tokenizer.json (or its directory)"
                    + " to add subwords; a word-level one (heed vocab words) gives the id of each CoreNLP word's"
                    + " normalized form, as it was counted.")
    String tokenizer;

    @Option(names = "--sentences", description = "Group the words by sentence.")
    boolean sentences;

    @Mixin
    BatchIoOptions io;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * The vocabulary of a word-level tokenizer.json ({@code heed vocab words}): its words are CoreNLP's normalized
     * forms, so text is read through CoreNLP before they are looked up, as word-level models read it (the file's
     * own pre-tokenizer splits on whitespace only, which would make "hat," unknown).
     */
    private static Optional<dev.heed.text.vocab.WordVocabulary> wordLevel(Path file) throws java.io.IOException {
        Path json = java.nio.file.Files.isDirectory(file) ? file.resolve("tokenizer.json") : file;
        if (!java.nio.file.Files.isRegularFile(json)) {
            return Optional.empty(); // SubwordTokenizer.load says what is there
        }
        com.fasterxml.jackson.databind.JsonNode root = dev.heed.json.HeedJson.readTree(json);
        return root.path("model").path("type").asText().equals("WordLevel")
                ? Optional.of(dev.heed.text.vocab.TokenizerJsonReader.wordLevel(json)) : Optional.empty();
    }

    @Override
    public Integer call() throws Exception {
        WordTokenizer words = new CoreNlpWordTokenizer();
        Optional<dev.heed.text.vocab.WordVocabulary> vocabulary = tokenizer.equals("corenlp") ? Optional.empty()
                : wordLevel(Path.of(tokenizer));
        Optional<SubwordTokenizer> subwords = tokenizer.equals("corenlp") || vocabulary.isPresent() ? Optional.empty()
                : Optional.of(SubwordTokenizer.load(Path.of(tokenizer), true));
        try {
            return BatchCommandSupport.run(io, spec, () -> new TokenizePredictor(words, subwords, vocabulary, sentences),
                    spec.commandLine().getErr());
        } finally {
            subwords.ifPresent(SubwordTokenizer::close);
        }
    }
}
