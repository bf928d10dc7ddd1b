package dev.heed.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code heed align}: work with saved alignments (the {@code json} export, {@code heed.alignment/2}, and /1). */
@Command(name = "align", mixinStandardHelpOptions = true,
        description = "Work with saved alignments (attention.jsonl, schema heed.alignment/2 or /1) without the model.",
        subcommands = {AlignRenderCommand.class})
final class AlignCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
