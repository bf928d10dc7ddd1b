package dev.heed.cli;

import dev.heed.engine.HeedVersion;
import dev.heed.model.ModelLoadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code heed} command: a batch command line over Heed's tokenizers, models and exporters. */
@Command(name = "heed",
        mixinStandardHelpOptions = true,
        versionProvider = HeedCommand.Version.class,
        description = "Heed: NLP with pluggable encoders whose models show their attention.",
        footer = {"", ExitCodes.HELP})
public final class HeedCommand implements Runnable {

    /**
     * The subcommands, in the order {@code heed --help} lists them. They are added by {@link #commandLine(String...)}
     * rather than by the annotation, so that a run of one command builds only that command's options: picocli
     * reflects over every option of every command it is given, a third of a second at each start for all of them.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(DoctorCommand.class, TokenizeCommand.class,
            SentimentCommand.class, TranslateCommand.class, SummarizeCommand.class, EmbedCommand.class,
            IndexCommand.class, SearchCommand.class, VocabCommand.class, EvalCommand.class, AlignCommand.class,
            TrainCommand.class, ModelsCommand.class, EncodersCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line with every subcommand, Heed's exception handling and exit codes. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * A command line for {@code args}: when the first argument names a subcommand, only that subcommand is
     * built (its own subcommands included); otherwise (help, version, a mistyped name) all of them, so that
     * the listing and the suggestions are complete. With Heed's exception handling and exit codes.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new HeedCommand());
        Optional<Class<?>> named = args.length == 0 ? Optional.empty()
                : SUBCOMMANDS.stream().filter(c -> c != CommandLine.HelpCommand.class
                        && c.getAnnotation(Command.class).name().equals(args[0])).findFirst();
        if (named.isPresent()) {
            cl.addSubcommand(named.get());
        } else {
            SUBCOMMANDS.forEach(cl::addSubcommand);
        }
        cl.setExecutionExceptionHandler(HeedCommand::handle);
        cl.setParameterExceptionHandler(HeedCommand::handleParameter);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /**
     * A wrong command line or option value: the message (which names the option and what is valid) and where to
     * find the options, never the whole usage text, which buries the one line that matters.
     */
    private static int handleParameter(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("heed: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("heed: '" + cl.getCommandSpec().qualifiedName() + " --help' lists the options");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            err.println("heed: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (e instanceof ModelLoadException) {
            err.println("heed: " + e.getMessage());
            return ExitCodes.MODEL;
        }
        if (e instanceof IOException || e instanceof java.io.UncheckedIOException) {
            IOException io = e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
            // the JDK's file-system exceptions hold only the path: say what went wrong with it
            String message = io instanceof java.nio.file.NoSuchFileException n && n.getReason() == null
                    ? "no such file: " + n.getFile()
                    : io instanceof java.nio.file.AccessDeniedException a && a.getReason() == null
                    ? "permission denied: " + a.getFile()
                    : io instanceof java.nio.file.FileAlreadyExistsException x && x.getReason() == null
                    ? "already exists: " + x.getFile()
                    : io.getMessage();
            err.println("heed: " + message);
            return ExitCodes.IO;
        }
        err.println("heed: internal error: " + e);
        e.printStackTrace(err);
        return ExitCodes.INTERNAL;
    }

    /** Prints Heed's version with the DJL and libtorch versions it was built against. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"heed " + HeedVersion.heed(),
                    "DJL " + HeedVersion.djl() + ", libtorch " + HeedVersion.libtorch() + ", Java "
                            + System.getProperty("java.version")};
        }
    }
}
