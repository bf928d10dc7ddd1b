package dev.heed.tasks.classification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.json.HeedJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Texts with class labels, read from the formats classification data comes in: TSV with a header naming a
 * text column ({@code sentence} or {@code text}) and a {@code label} column (GLUE SST-2), {@code label text}
 * lines (SST-5, MR), or JSON lines {@code {"text","label"}}. Numeric labels are class indexes into
 * {@code labelNames}; named labels must be among them. Immutable.
 *
 * @param texts the texts
 * @param labels each text's class index
 * @param labelNames class names by index
 */
public record LabelledTexts(List<String> texts, int[] labels, List<String> labelNames) {

    /** SST-2's classes. */
    public static final List<String> BINARY = List.of("negative", "positive");
    /** SST-5's classes. */
    public static final List<String> FIVE_CLASS = List.of("very negative", "negative", "neutral", "positive",
            "very positive");

    public LabelledTexts {
        texts = List.copyOf(texts);
        labels = labels.clone();
        labelNames = List.copyOf(labelNames);
        if (texts.size() != labels.length) {
            throw new IllegalArgumentException(texts.size() + " texts but " + labels.length + " labels");
        }
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** Number of examples. */
    public int size() {
        return texts.size();
    }

    /**
     * Reads {@code file} (gzip or not): {@code .tsv}, {@code .jsonl}/{@code .json}, else {@code label text} lines.
     *
     * @throws IOException naming the file and line of anything malformed
     */
    public static LabelledTexts read(Path file, List<String> labelNames) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.gz$", "");
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (BufferedReader in = open(file)) {
            String line;
            int number = 0;
            int textColumn = -1;
            int labelColumn = -1;
            while ((line = readLine(in, file, number + 1)) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String text;
                String label;
                if (name.endsWith(".tsv")) {
                    String[] cells = line.split("\t", -1);
                    if (number == 1) {
                        List<String> header = List.of(cells).stream().map(String::strip).toList();
                        textColumn = header.contains("sentence") ? header.indexOf("sentence") : header.indexOf("text");
                        labelColumn = header.indexOf("label");
                        if (textColumn < 0 || labelColumn < 0) {
                            throw new IOException(file + ": the TSV header " + header
                                    + " needs a 'sentence' or 'text' column and a 'label' column");
                        }
                        continue;
                    }
                    if (cells.length <= Math.max(textColumn, labelColumn)) {
                        throw new IOException(file + ":" + number + ": the row has " + cells.length + " columns");
                    }
                    text = cells[textColumn];
                    label = cells[labelColumn];
                } else if (name.endsWith(".jsonl") || name.endsWith(".json")) {
                    JsonNode node;
                    try {
                        node = HeedJson.COMPACT.readTree(line);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IOException(file + ":" + number + ": not valid JSON " + HeedJson.where(e) + ": "
                                + e.getOriginalMessage(), e);
                    }
                    if (!node.path("text").isTextual() || node.path("label").isMissingNode()) {
                        throw new IOException(file + ":" + number + ": a JSON line needs \"text\" and \"label\"");
                    }
                    text = node.get("text").asText();
                    label = node.get("label").asText();
                } else {
                    int space = line.indexOf(' ');
                    if (space < 0) {
                        throw new IOException(file + ":" + number + ": expected 'label text'");
                    }
                    label = line.substring(0, space);
                    text = line.substring(space + 1);
                }
                texts.add(text.strip());
                labels.add(index(label.strip(), labelNames, file, number));
            }
        }
        return new LabelledTexts(texts, labels.stream().mapToInt(Integer::intValue).toArray(), labelNames);
    }

    private static int index(String label, List<String> names, Path file, int line) throws IOException {
        if (label.matches("\\d+")) {
            int i = Integer.parseInt(label);
            if (i < names.size()) {
                return i;
            }
        } else if (names.contains(label)) {
            return names.indexOf(label);
        }
        throw new UnknownLabelException(file.toString(), line, label, names);
    }

    private static String readLine(BufferedReader in, Path file, int number) throws IOException {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw dev.heed.io.ReadFailure.at(file.toString(), number, e);
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            try {
                in = new GZIPInputStream(in);
            } catch (IOException e) {
                in.close();
                throw dev.heed.io.ReadFailure.at(file.toString(), 1, e);
            }
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
