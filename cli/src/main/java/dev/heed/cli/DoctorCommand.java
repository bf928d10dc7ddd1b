package dev.heed.cli;

import dev.heed.engine.DeviceChoice;
import dev.heed.engine.EngineReport;
import dev.heed.models.HeedHome;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code heed doctor}: what Heed runs on, and whether it can run at all. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Print Heed's version, Java, the engine and its libtorch (version and flavor), the device"
                + " that would be used and why, the cache folders and whether offline mode is on.")
final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--device", defaultValue = "auto", paramLabel = "cpu|gpu|auto",
            description = "The device to check (default: ${DEFAULT-VALUE}); gpu fails when there is none.")
    String device;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        EngineReport report = EngineReport.collect(DeviceChoice.parse(device), HeedHome.resolve());
        spec.commandLine().getOut().print(report.format());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
