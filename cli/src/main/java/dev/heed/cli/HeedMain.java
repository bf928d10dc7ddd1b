package dev.heed.cli;

import dev.heed.engine.EngineSetup;

/** Entry point of the runnable jar: configures DJL (offline, no tracking), then runs {@link HeedCommand}. */
public final class HeedMain {

    private HeedMain() {
    }

    public static void main(String[] args) {
        PhaseTimings.mainEntered();
        EngineSetup.configure();
        EnginePreload.startFor(args);
        int code = HeedCommand.commandLine(args).execute(args);
        PhaseTimings.mark("run");
        PhaseTimings.print(System.err);
        System.exit(code);
    }
}
