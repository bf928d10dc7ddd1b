package dev.heed.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The sentences benchmarks run over: the 872 SST-2 dev sentences when {@code ../shared/data/sst2/dev.tsv} or
 * {@code -Dheed.bench.sst2=FILE} is there, else the bundled movie reviews split into sentences.
 */
final class BenchCorpus {

    private BenchCorpus() {
    }

    /** The SST-2 dev file the benchmarks look for. */
    static Path sst2Dev() {
        return Path.of(System.getProperty("heed.bench.sst2", "../shared/data/sst2/dev.tsv"));
    }

    static List<String> sentences() throws IOException {
        Path sst2 = sst2Dev();
        if (Files.exists(sst2)) {
            List<String> lines = Files.readAllLines(sst2, StandardCharsets.UTF_8);
            return lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.lastIndexOf('\t')).strip()).toList();
        }
        try (InputStream in = BenchCorpus.class.getResourceAsStream("reviews.txt")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("(?<=[.!?])\\s+"))
                    .filter(s -> !s.isBlank()).toList();
        }
    }
}
