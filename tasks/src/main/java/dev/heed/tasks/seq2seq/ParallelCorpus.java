package dev.heed.tasks.seq2seq;

import dev.heed.io.ReadFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Sentence pairs from two line-aligned files (line i of the target translates line i of the source), plain or
 * gzip. Immutable.
 *
 * @param sources one sentence a line
 * @param targets their translations
 */
public record ParallelCorpus(List<String> sources, List<String> targets) {

    public ParallelCorpus {
        sources = List.copyOf(sources);
        targets = List.copyOf(targets);
        if (sources.size() != targets.size()) {
            throw new IllegalArgumentException(sources.size() + " source lines but " + targets.size()
                    + " target lines: the files must be line-aligned");
        }
    }

    /** Reads {@code source} and {@code target}; fails naming the file when one is unreadable or they differ in length. */
    public static ParallelCorpus read(Path source, Path target) throws IOException {
        List<String> s = lines(source);
        List<String> t = lines(target);
        if (s.size() != t.size()) {
            throw new IOException(source + " has " + s.size() + " lines but " + target + " has " + t.size()
                    + ": the files must be line-aligned translations");
        }
        return new ParallelCorpus(s, t);
    }

    /** The lines of {@code file} (gzip when its name ends in {@code .gz}), strictly UTF-8. */
    public static List<String> lines(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? gunzip(raw, file) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)))) {
            List<String> lines = new ArrayList<>();
            while (true) {
                String line;
                try {
                    line = reader.readLine();
                } catch (CharacterCodingException e) {
                    throw new IOException(file + " is not valid UTF-8 at line " + (lines.size() + 1) + ": "
                            + e.getMessage(), e);
                } catch (IOException e) {
                    throw ReadFailure.at(file.toString(), lines.size() + 1, e);
                }
                if (line == null) {
                    return lines;
                }
                lines.add(line);
            }
        }
    }

    private static InputStream gunzip(InputStream raw, Path file) throws IOException {
        try {
            return new GZIPInputStream(raw);
        } catch (IOException e) {
            throw ReadFailure.at(file.toString(), 1, e);
        }
    }

    /** The number of pairs. */
    public int size() {
        return sources.size();
    }

    /** The same pairs, source and target swapped. */
    public ParallelCorpus reversed() {
        return new ParallelCorpus(targets, sources);
    }
}
