package dev.heed.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EngineReportTest {

    @Test
    void reportsTheBundledCpuLibtorchAndOfflineMode() {
        EngineSetup.configure();
        EngineReport report = EngineReport.collect(DeviceChoice.AUTO, Path.of("/tmp/heed-home"));
        assertTrue(report.entries().get("libtorch").startsWith("2.7.1, flavor cpu"), report.format());
        assertEquals("true", report.entries().get("offline mode"));
        assertTrue(report.entries().get("device").startsWith("cpu"), report.format());
        assertTrue(report.entries().get("usage tracking").startsWith("off"), report.format());
        assertTrue(report.format().contains("heed cache"), report.format());
    }

    @Test
    void askingForAGpuWithoutOneSaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceSelection.resolve(DeviceChoice.GPU));
        assertTrue(e.getMessage().contains("no GPU is usable") && e.getMessage().contains("--device cpu"),
                e.getMessage());
    }

    @Test
    void theEngineComputes() {
        try (NDManager manager = NDManager.newBaseManager(DeviceSelection.resolve(DeviceChoice.CPU).device())) {
            NDArray a = manager.create(new float[] {1, 2, 3});
            assertEquals(14f, a.mul(a).sum().getFloat(), 1e-6);
        }
    }

    @Test
    void deviceNamesParseStrictly() {
        assertEquals(DeviceChoice.GPU, DeviceChoice.parse("GPU"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse("tpu")).getMessage()
                .contains("cpu, gpu, auto"));
    }

    @Test
    void flavorComesFromTheLibtorchFolderName() {
        assertEquals("cpu", EngineReport.flavorOf("/root/.djl.ai/pytorch/2.7.1-20250812-cpu-linux-x86_64"));
        assertEquals("cu124", EngineReport.flavorOf("/x/2.7.1-cu124-linux-x86_64"));
    }
}
