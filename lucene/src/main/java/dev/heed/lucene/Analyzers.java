package dev.heed.lucene;

import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/** The analyzers an index can be built with, by the name recorded in its commit data. Stateless. */
public final class Analyzers {

    /** The names: {@code heed} (HeedAnalyzer with stop words and stemming), {@code heed-plain}, {@code english}. */
    public static final List<String> NAMES = List.of("heed", "heed-plain", "english");

    private Analyzers() {
    }

    /** A new analyzer named {@code name}; the caller closes it. */
    public static Analyzer byName(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "heed" -> new HeedAnalyzer(HeedAnalyzer.Options.SEARCH);
            case "heed-plain" -> new HeedAnalyzer(HeedAnalyzer.Options.PLAIN);
            case "english" -> new EnglishAnalyzer();
            default -> throw new IllegalArgumentException("analyzer with name '" + name + "' does not exist; the"
                    + " analyzers are " + NAMES);
        };
    }
}
