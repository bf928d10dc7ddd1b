package dev.heed.cli;

import dev.heed.model.ModelDirectory;
import dev.heed.models.bert.BertImportOptions;
import dev.heed.models.bert.BertImporter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code heed models import onnx|hf}: pretrained BERT weights into a Heed (and HuggingFace) model directory. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import pretrained BERT-family weights: an fp32 ONNX export (with its tokenizer.json) or a"
                + " HuggingFace directory (config.json, model.safetensors, tokenizer.json). Writes a directory that"
                + " is a HuggingFace model and a Heed model at once.")
final class ModelsImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "onnx|hf", description = "The source's kind.")
    String kind;

    @Parameters(index = "1", paramLabel = "SRC", description = "The .onnx file, or the HuggingFace directory.")
    Path source;

    @Option(names = "--tokenizer", paramLabel = "FILE", description = "tokenizer.json (onnx: required).")
    Path tokenizer;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The directory to write.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "The model's name (default: the output folder's).")
    String name;

    @Option(names = "--heads", defaultValue = "12", description = "Attention heads (onnx only; default: ${DEFAULT-VALUE}).")
    int heads;

    @Option(names = "--pooling", defaultValue = "mean", paramLabel = "mean|cls",
            description = "How the model pools a text into one vector (default: ${DEFAULT-VALUE}).")
    String pooling;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String modelName = name != null ? name : out.toAbsolutePath().getFileName().toString();
        BertImportOptions options = new BertImportOptions(modelName, "imported " + kind + " BERT model", heads,
                pooling, source.toString());
        ModelDirectory model = switch (kind) {
            case "onnx" -> {
                if (tokenizer == null) {
                    throw new IllegalArgumentException("import onnx needs --tokenizer FILE (the model's tokenizer.json)");
                }
                yield BertImporter.fromOnnx(source, tokenizer, options, out);
            }
            case "hf" -> BertImporter.fromHuggingFace(source, options, out);
            default -> throw new IllegalArgumentException("unknown source kind '" + kind + "'; valid: onnx, hf");
        };
        spec.commandLine().getOut().printf("wrote %s: %s, %d files%n", model.path(), model.manifest().components()
                .get("encoder").config(), model.manifest().files().size());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
