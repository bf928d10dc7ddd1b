package dev.heed.cli;

import dev.heed.encoders.EncoderBlock;
import dev.heed.encoders.EncoderConfigs;
import dev.heed.encoders.EncoderProvider;
import dev.heed.encoders.Encoders;
import dev.heed.json.HeedJson;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code heed encoders}: the encoders there are, and each one's effective default config. */
@Command(name = "encoders", mixinStandardHelpOptions = true,
        description = "List the encoders, or describe one: its default config and its capabilities.",
        subcommands = {EncodersCommand.ListEncoders.class, EncodersCommand.Describe.class})
final class EncodersCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The encoders, by name.")
    static final class ListEncoders implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (String name : Encoders.names()) {
                out.printf("%-12s %s%n", name, Encoders.provider(name).description());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = "An encoder's effective default config (JSON) and capabilities.")
    static final class Describe implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "textcnn, bigru, transformer or bert.")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            EncoderProvider provider = Encoders.provider(name);
            Record defaults = provider.defaults();
            EncoderBlock block = provider.create(defaults);
            PrintWriter out = spec.commandLine().getOut();
            out.println(name + ": " + provider.description());
            out.println("capabilities: " + block.spec().capabilities());
            out.println(HeedJson.PRETTY.writeValueAsString(EncoderConfigs.toMap(defaults)));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
