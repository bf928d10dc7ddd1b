package dev.heed.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code heed train}: train a model for a task. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a model for a task.",
        subcommands = {TrainSentimentCommand.class, TrainTranslationCommand.class,
                TrainSummarizationCommand.class})
final class TrainCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
