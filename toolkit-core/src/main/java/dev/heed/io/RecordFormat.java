package dev.heed.io;

import java.util.Locale;

/** The input formats of the batch commands. */
public enum RecordFormat {
    /** One record a line; the line is the text, the id is the line number. */
    TEXT,
    /** Tab-separated values with a header line naming the columns. */
    TSV,
    /** One JSON object a line. */
    JSONL;

    /**
     * The format a file name suggests ({@code .tsv}, {@code .jsonl}/{@code .json}/{@code .ndjson}, else
     * text), looking through a trailing {@code .gz}.
     */
    public static RecordFormat guess(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".tsv")) {
            return TSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSONL;
        }
        return TEXT;
    }

    /** Parses {@code text}, {@code tsv} or {@code jsonl}, case-insensitively; fails listing the valid names. */
    public static RecordFormat parse(String name) {
        for (RecordFormat f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; valid: text, tsv, jsonl");
    }
}
