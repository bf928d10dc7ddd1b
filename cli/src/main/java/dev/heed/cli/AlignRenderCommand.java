package dev.heed.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.heed.alignment.Alignment;
import dev.heed.alignment.AlignmentExporters;
import dev.heed.alignment.AlignmentJson;
import dev.heed.alignment.AlignmentWriter;
import dev.heed.json.HeedJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code heed align render IN.jsonl --format FORMATS --out DIR [--ids ID,...]}: re-renders saved alignments
 * in any export format, without the model. The files are those {@code --attention-out} writes, record for
 * record; a line that is not a {@code heed.alignment/2} (or /1) alignment is reported with its line number and skipped.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Re-render saved alignments (attention.jsonl lines, schema heed.alignment/2 or /1) in other formats,"
                + " without the model: the same files --attention-out writes.",
        footer = {"", "Exit codes: 0 every alignment rendered; 1 some lines were not alignments or some --ids were not"
                + " found (each named on stderr); 2 usage error; 4 I/O error."})
final class AlignRenderCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.jsonl", description = "Saved alignments, one JSON object a line.")
    Path input;

    @Option(names = "--format", defaultValue = "html", paramLabel = "FORMATS", description = "Comma-separated:"
            + " json, pharaoh, npz, png, html (one viewer for all), html-files (a viewer each)."
            + " Default: ${DEFAULT-VALUE}.")
    String formats;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into.")
    Path out;

    @Option(names = "--ids", split = ",", paramLabel = "ID[,ID...]", description = "Only these records, in the"
            + " order of the input.")
    List<String> ids;

    @Option(names = "--align-threshold", paramLabel = "W", description = "Pharaoh links every source word whose"
            + " weight reaches W (0 < W <= 1) instead of the strongest one.")
    Double threshold;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new NoSuchFileException(input.toString(), null, "no such alignment file");
        }
        OptionalDouble t = threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold);
        var exporters = AlignmentExporters.parse(formats, t);
        PrintWriter err = spec.commandLine().getErr();
        Set<String> wanted = ids == null ? Set.of() : new LinkedHashSet<>(ids);
        Set<String> found = new LinkedHashSet<>();
        int rendered = 0;
        int bad = 0;
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                AlignmentWriter writer = new AlignmentWriter(out, exporters)) {
            long line = 0;
            for (String text; (text = reader.readLine()) != null; ) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    var json = HeedJson.COMPACT.readTree(text);
                    if (!Alignment.READABLE_SCHEMAS.contains(json.path("schema").asText())) {
                        throw new IllegalArgumentException("its schema is " + json.path("schema") + ", not \""
                                + String.join("\" or \"", Alignment.READABLE_SCHEMAS) + "\"");
                    }
                    String id = json.path("id").asText(Long.toString(line));
                    if (!wanted.isEmpty() && !wanted.contains(id)) {
                        continue;
                    }
                    Alignment a = AlignmentJson.fromJson(json);
                    writer.write(id, a);
                    found.add(id);
                    rendered++;
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    err.println("heed: " + input + " line " + line + ": not an alignment: "
                            + e.getMessage().lines().findFirst().orElse(""));
                    bad++;
                }
            }
        }
        for (String id : wanted) {
            if (!found.contains(id)) {
                err.println("heed: no alignment with id '" + id + "' in " + input);
                bad++;
            }
        }
        err.println("heed: rendered " + rendered + " alignment(s) into " + out + " as " + formats
                + (bad > 0 ? "; " + bad + " problem(s) above" : ""));
        err.flush();
        return bad == 0 ? ExitCodes.OK : ExitCodes.RECORDS_FAILED;
    }
}
