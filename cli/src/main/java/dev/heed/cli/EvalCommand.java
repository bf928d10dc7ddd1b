package dev.heed.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code heed eval}: evaluate a model on labelled data. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate a model on labelled data, or search against relevance judgements.",
        subcommands = {EvalSentimentCommand.class, EvalTranslationCommand.class, EvalSummarizationCommand.class,
                EvalSearchCommand.class})
final class EvalCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
