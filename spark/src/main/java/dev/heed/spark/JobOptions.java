package dev.heed.spark;

import dev.heed.io.RecordFormat;
import java.util.Objects;

/**
 * What a heed-spark job reads, runs and writes. Immutable.
 *
 * @param task the task
 * @param input a file, directory or glob (any Hadoop file system Spark can read)
 * @param inputFormat {@code text}, {@code jsonl} or {@code parquet}
 * @param output the output directory (Spark writes part files into it; it must not exist)
 * @param errors the errors directory
 * @param attentionOut the alignments directory ({@code heed.alignment/2} JSON lines), or null for none
 * @param outputFormat {@code json} (JSON lines) or {@code parquet}
 * @param textField the field holding the text (JSON lines and Parquet)
 * @param idField the field holding the id, or null: {@code "id"} when a record has one, else the line number
 * @param partitions input splits to aim for (text and JSON lines); 0: Spark's default parallelism
 * @param maxLineBytes longer lines are {@code line_too_long} errors
 * @param transformer the task's transformer, with the model and prediction settings
 */
record JobOptions(HeedTask task, String input, String inputFormat, String output, String errors, String attentionOut,
        String outputFormat, String textField, String idField, int partitions, int maxLineBytes,
        HeedTransformer transformer) {

    JobOptions {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(errors, "errors");
        if (!java.util.List.of("text", "jsonl", "parquet").contains(inputFormat)) {
            throw new IllegalArgumentException("--input-format must be text, jsonl or parquet, got " + inputFormat);
        }
        if (!java.util.List.of("json", "parquet").contains(outputFormat)) {
            throw new IllegalArgumentException("--format must be json or parquet, got " + outputFormat);
        }
    }

    /** The input format guessed from the input's name: {@code .parquet}, {@code .jsonl}/{@code .json}, else text. */
    static String guessInputFormat(String input) {
        String name = input.replaceAll("/+$", "").toLowerCase(java.util.Locale.ROOT).replaceAll("\\.gz$", "");
        if (name.endsWith(".parquet")) {
            return "parquet";
        }
        return name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson") ? "jsonl" : "text";
    }

    /** The line format of the input (text or JSON lines; Parquet rows arrive as JSON lines). */
    RecordFormat lineFormat() {
        return inputFormat.equals("text") ? RecordFormat.TEXT : RecordFormat.JSONL;
    }
}
