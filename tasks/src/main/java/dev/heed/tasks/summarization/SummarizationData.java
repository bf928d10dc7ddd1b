package dev.heed.tasks.summarization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.tasks.seq2seq.ParallelCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Summarization examples from JSON lines {@code {"text","summary"[,"references"][,"id"]}} (AESLC as shipped in
 * {@code ../shared/data/aeslc}: an e-mail body, its original subject, and for dev lines three more human-written
 * subjects), plain or gzip. Immutable.
 *
 * @param ids each example's {@code id}, or its line number when it has none
 * @param texts the documents
 * @param summaries each document's summary (the original subject)
 * @param references each document's other human summaries (empty when there are none)
 */
public record SummarizationData(List<String> ids, List<String> texts, List<String> summaries,
        List<List<String>> references) {

    public SummarizationData {
        ids = List.copyOf(ids);
        texts = List.copyOf(texts);
        summaries = List.copyOf(summaries);
        references = references.stream().map(List::copyOf).toList();
        if (texts.size() != summaries.size() || texts.size() != ids.size() || texts.size() != references.size()) {
            throw new IllegalArgumentException("ids, texts, summaries and references differ in length");
        }
    }

    /**
     * Reads {@code file} (gzip when it ends in {@code .gz}); blank lines are skipped.
     *
     * @throws IOException naming the file and line of a malformed line or one without a string {@code text} or
     *     {@code summary}
     */
    public static SummarizationData read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = ParallelCorpus.lines(file);
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        List<List<String>> references = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = file + ":" + (i + 1);
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IOException(where + ": not a JSON object: " + e.getOriginalMessage(), e);
            }
            if (node == null || !node.isObject()) {
                throw new IOException(where + ": not a JSON object");
            }
            texts.add(string(node, "text", where));
            summaries.add(string(node, "summary", where));
            ids.add(node.hasNonNull("id") ? node.get("id").asText() : String.valueOf(i + 1));
            List<String> more = new ArrayList<>();
            JsonNode refs = node.get("references");
            if (refs != null && !refs.isNull()) {
                if (!refs.isArray()) {
                    throw new IOException(where + ": \"references\" must be an array of strings");
                }
                for (JsonNode r : refs) {
                    if (!r.isTextual()) {
                        throw new IOException(where + ": \"references\" must be an array of strings");
                    }
                    more.add(r.asText());
                }
            }
            references.add(more);
        }
        return new SummarizationData(ids, texts, summaries, references);
    }

    private static String string(JsonNode node, String field, String where) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException(where + ": needs a string \"" + field + "\"");
        }
        return value.asText();
    }

    /** The number of examples. */
    public int size() {
        return texts.size();
    }

    /** Documents as sources and summaries as targets, for the encoder-decoder trainer. */
    public ParallelCorpus pairs() {
        return new ParallelCorpus(texts, summaries);
    }

    /** The first {@code n} examples. */
    public SummarizationData first(int n) {
        int k = Math.min(n, size());
        return new SummarizationData(ids.subList(0, k), texts.subList(0, k), summaries.subList(0, k),
                references.subList(0, k));
    }
}
