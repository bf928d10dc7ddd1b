package dev.heed.cli;

import dev.heed.engine.EngineSetup;

/** Entry point of the runnable jar: configures DJL (offline, no tracking), then runs {@link HeedCommand}. */
public final class HeedMain {

    private HeedMain() {
    }

    public static void main(String[] args) {
        EngineSetup.configure();
        System.exit(HeedCommand.commandLine().execute(args));
    }
}
