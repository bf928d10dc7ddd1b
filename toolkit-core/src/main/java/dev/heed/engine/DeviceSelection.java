package dev.heed.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;

/**
 * The device a run uses and why. Immutable.
 *
 * @param device the DJL device
 * @param reason one sentence: why this device
 */
public record DeviceSelection(Device device, String reason) {

    /**
     * Resolves {@code choice} against the PyTorch engine: {@code auto} takes the first GPU when libtorch
     * sees one, else the CPU; {@code gpu} fails when there is none, saying so.
     *
     * @throws IllegalArgumentException when a GPU is asked for and none is usable
     */
    public static DeviceSelection resolve(DeviceChoice choice) {
        Engine engine = Engine.getEngine("PyTorch");
        int gpus = engine.getGpuCount();
        boolean cuda = engine.hasCapability(StandardCapabilities.CUDA);
        return switch (choice) {
            case CPU -> new DeviceSelection(Device.cpu(), "asked for with --device cpu");
            case GPU -> {
                if (gpus == 0 || !cuda) {
                    throw new IllegalArgumentException("--device gpu was asked for but no GPU is usable: "
                            + (cuda ? "libtorch sees no CUDA device" : "this libtorch build is CPU-only")
                            + " (" + gpus + " GPUs visible). Use --device cpu or --device auto.");
                }
                yield new DeviceSelection(Device.gpu(), "asked for with --device gpu; " + gpus + " GPU(s) visible");
            }
            case AUTO -> gpus > 0 && cuda
                    ? new DeviceSelection(Device.gpu(), "auto: " + gpus + " GPU(s) visible to libtorch")
                    : new DeviceSelection(Device.cpu(), "auto: no GPU usable ("
                            + (cuda ? "no CUDA device visible" : "CPU-only libtorch") + ")");
        };
    }
}
