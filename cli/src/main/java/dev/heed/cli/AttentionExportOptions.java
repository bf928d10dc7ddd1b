package dev.heed.cli;

import dev.heed.alignment.AlignmentExporters;
import dev.heed.alignment.AlignmentWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The attention-export options every task command shares: where, in which formats, how words are linked. */
final class AttentionExportOptions {

    @Option(names = "--attention-out", paramLabel = "DIR", description = "Write the attention that produced each"
            + " answer into DIR, in the formats of --attention-format.")
    Path dir;

    @Option(names = "--attention-format", defaultValue = "json", paramLabel = "FORMATS",
            description = "Comma-separated: json (attention.jsonl, schema heed.alignment/2), pharaoh"
                    + " (alignment.pharaoh,"
                    + " words), npz, png (a file per record), html (attention.html, one viewer for the run), html-files"
                    + " (a viewer per record). alignment.ids lists the records in line order."
                    + " Default: ${DEFAULT-VALUE}.")
    String formats;

    @Option(names = "--align-threshold", paramLabel = "W", description = "Pharaoh links every source word whose"
            + " weight reaches W (0 < W <= 1) instead of the strongest one.")
    Double threshold;

    /**
     * The writer of the chosen formats when {@code --attention-out} is given; the caller closes it.
     *
     * With {@code resume} the writer opens when the batch runner has read the progress file, and continues
     * the export files from the checkpoint there.
     *
     * @throws CommandLine.ParameterException when the model has no attention to export
     */
    Optional<AlignmentWriter> open(CommandLine.Model.CommandSpec spec, boolean resume, boolean modelHasAttention,
            String modelName) throws IOException {
        if (dir == null) {
            return Optional.empty();
        }
        if (!modelHasAttention) {
            throw new CommandLine.ParameterException(spec.commandLine(), "model " + modelName + " has no attention"
                    + " to export: its encoder neither pools by attention nor exports self-attention");
        }
        OptionalDouble t = threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold);
        var exporters = AlignmentExporters.parse(formats, t);
        return Optional.of(resume ? AlignmentWriter.forResume(dir, exporters) : new AlignmentWriter(dir, exporters));
    }
}
