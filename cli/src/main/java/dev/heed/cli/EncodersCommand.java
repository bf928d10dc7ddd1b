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
            description = "An encoder's effective default config (JSON), its capabilities with it, and the"
                    + " capabilities a setting adds (e.g. textcnn's pooling attention with attentionPooling=true).")
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
            // a capability off by default is still one the encoder has: say which setting turns it on
            java.util.Map<String, Object> config = EncoderConfigs.toMap(defaults);
            for (java.util.Map.Entry<String, Object> e : config.entrySet()) {
                if (e.getValue() instanceof Boolean on) {
                    java.util.Set<dev.heed.encoders.Capability> with = java.util.EnumSet.noneOf(
                            dev.heed.encoders.Capability.class);
                    try {
                        with.addAll(provider.create(provider.parse(java.util.Map.of(e.getKey(), !on))).spec()
                                .capabilities());
                    } catch (IllegalArgumentException notAlone) {
                        continue; // a setting that needs others with it
                    }
                    with.removeAll(block.spec().capabilities());
                    if (!with.isEmpty()) {
                        out.println("with " + e.getKey() + "=" + !on + " (--set " + e.getKey() + "=" + !on + "), also: "
                                + with);
                    }
                }
            }
            out.println(HeedJson.PRETTY.writeValueAsString(EncoderConfigs.toMap(defaults)));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
