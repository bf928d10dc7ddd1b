package dev.heed.spark;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code heed-spark TASK --input PATH --output PATH}: a Heed task over a corpus on Apache Spark, writing the
 * {@code heed} command's records. Runs in local mode ({@code --master local[*]}, the default outside
 * spark-submit) or on a cluster through {@code spark-submit}, which sets the master itself.
 */
@Command(name = "heed-spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a Heed task over text, JSON lines or Parquet on Apache Spark and write the records of the"
                + " heed command (the same fields: sentiment {\"id\",\"label\",\"score\",\"probs\"}, embed"
                + " {\"id\",\"vector\"}, translate {\"id\",\"translation\",\"score\"}, summarize"
                + " {\"id\",\"summary\",\"score\"}; every input field kept, a clashing name written as predicted_NAME)"
                + " as JSON lines or Parquet part files in --output. Bad records (malformed JSON, a missing or empty"
                + " text, invalid UTF-8, a text with no words, an over-long input) go to --errors with their file, line,"
                + " id and reason; they never fail the job."},
        footer = {"", "Exit codes: 0 every record was written; 1 some records failed (see --errors); 2 usage error;"
                + " 3 model error; 4 I/O error (e.g. the output exists); 5 internal error."})
public final class HeedSparkMain implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TASK", description = "sentiment, embed, translate or summarize.")
    String task;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "PATH",
            description = "A file, directory or glob: text (one document per line), JSON lines (gzip too) or Parquet.")
    String input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "The output directory (must not exist).")
    String output;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|parquet",
            description = "Output format (default: ${DEFAULT-VALUE}: JSON lines, byte for byte the heed command's lines).")
    String format;

    @Option(names = "--input-format", paramLabel = "text|jsonl|parquet",
            description = "Input format; guessed from the input's name (.parquet, .jsonl/.json, else text).")
    String inputFormat;

    @Option(names = "--errors", paramLabel = "DIR", description = "Where bad records go (default: OUTPUT.errors).")
    String errors;

    @Option(names = "--model", paramLabel = "NAME|DIR",
            description = "A named model or a model directory (default: the heed command's: sst2, all-minilm-l6-v2,"
                    + " multi30k-en-de, aeslc).")
    String model;

    @Option(names = "--model-sha256", paramLabel = "HEX",
            description = "The sha256 of the model's model.json that every node must find.")
    String modelSha256;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[*] (default outside spark-submit), local[N], spark://HOST:PORT, yarn ...")
    String master;

    @Option(names = "--text-field", defaultValue = "text", paramLabel = "NAME",
            description = "The field or column that holds the text (default: ${DEFAULT-VALUE}).")
    String textField;

    @Option(names = "--id-field", paramLabel = "NAME",
            description = "The field or column that holds the id (default: \"id\" when present, else the line number).")
    String idField;

    @Option(names = "--batch-size", defaultValue = "32", paramLabel = "N", description = "Records per model call.")
    int batchSize;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
            description = "Input splits to aim for with text and JSON lines (default: Spark's parallelism).")
    int partitions;

    @Option(names = "--attention-out", paramLabel = "DIR",
            description = "Also write each answer's alignment (heed.alignment/2 JSON lines) into DIR.")
    String attentionOut;

    @Option(names = "--beam", defaultValue = "0", paramLabel = "N",
            description = "translate, summarize: beam size (default: the heed command's, 5 and 1).")
    int beam;

    @Option(names = "--max-length", defaultValue = "0", paramLabel = "N",
            description = "translate, summarize: the most output subwords (default: 200 and 30).")
    int maxLength;

    @Option(names = "--pooling", paramLabel = "mean|cls", description = "embed: override the model's pooling.")
    String pooling;

    @Option(names = "--long-input", defaultValue = "truncate", paramLabel = "truncate|reject",
            description = "embed, summarize: texts longer than the model reads (default: ${DEFAULT-VALUE}).")
    String longInput;

    @Option(names = "--max-line-bytes", defaultValue = "524288", paramLabel = "N",
            description = "Longer input lines are error records (default: ${DEFAULT-VALUE}).")
    int maxLineBytes;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "cpu|gpu|auto", description = "Where models run.")
    String device;

    @Option(names = {"-q", "--quiet"}, description = "No summary on standard error.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line {@code args} and returns the exit code; uses the active Spark session if there is one. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new HeedSparkMain());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("heed-spark: " + describe(e));
            return exitCode(e);
        });
        return cli.execute(args);
    }

    /** 3 for a model that cannot be found, loaded or verified (on the driver or an executor), else by kind. */
    static int exitCode(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof dev.heed.model.ModelLoadException || String.valueOf(t.getMessage()).contains("sha256")
                    || t instanceof IllegalStateException && String.valueOf(t.getMessage()).startsWith("cannot load model")) {
                return 3;
            }
        }
        return e instanceof IllegalArgumentException ? 2
                : e instanceof java.io.IOException || e instanceof org.apache.spark.sql.AnalysisException ? 4 : 5;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getMessage() + (root != e ? " (" + root + ")" : "");
    }

    @Override
    public Integer call() throws Exception {
        HeedTask t = HeedTask.parse(task);
        HeedTransformer transformer = switch (t) {
            case SENTIMENT -> new HeedSentiment();
            case EMBED -> ((HeedEmbedder) new HeedEmbedder().setBatchSize(batchSize)).setLongInput(longInput)
                    .setPooling(pooling == null ? "" : pooling);
            case TRANSLATE -> new HeedTranslator().setBeam(beam).setMaxLength(maxLength);
            case SUMMARIZE -> new HeedSummarizer().setBeam(beam).setMaxLength(maxLength).setLongInput(longInput);
        };
        transformer.setModel(model != null ? model : t.defaultModel()).setBatchSize(batchSize).setDevice(device)
                .setModelSha256(modelSha256 != null ? modelSha256 : "").setAttentionCol(attentionOut != null
                        ? "attention" : "");
        String out = output.replaceAll("/+$", "");
        JobOptions options = new JobOptions(t, input, inputFormat != null ? inputFormat
                : JobOptions.guessInputFormat(input), out, errors != null ? errors : out + ".errors", attentionOut,
                format, textField, idField, partitions, maxLineBytes, transformer);
        boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        SparkSession.Builder builder = SparkSession.builder().appName("heed-spark " + t.cliName());
        if (master != null) {
            builder.master(master);
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            HeedSparkJob.Summary s = HeedSparkJob.run(spark, options);
            if (!quiet) {
                PrintWriter err = spec.commandLine().getErr();
                err.printf("heed-spark: %,d records read, %,d written, %,d failed; output in %s%s%n", s.read(),
                        s.written(), s.failed(), options.output(), s.failed() > 0 ? ", errors in "
                                + options.errors() : "");
                err.flush();
            }
            return s.failed() > 0 ? 1 : 0;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }
}
