package dev.heed.engine;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code heed doctor} reports: versions, the engine and its libtorch, the device that would be used
 * and why, cache folders and offline mode. Immutable.
 *
 * @param entries label to value, in display order
 */
public record EngineReport(Map<String, String> entries) {

    public EngineReport {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * Loads the PyTorch engine (extracting libtorch from its jar on first use) and describes it.
     *
     * @param choice the device the user asked for
     * @param heedHome Heed's model cache
     * @throws IllegalArgumentException when {@code choice} is {@code gpu} and there is none
     */
    public static EngineReport collect(DeviceChoice choice, Path heedHome) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("heed", HeedVersion.heed());
        e.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.home") + ")");
        e.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        Engine engine = Engine.getEngine("PyTorch");
        e.put("engine", engine.getEngineName() + " (DJL " + Engine.getDjlVersion() + ")");
        String libtorchPath = libtorchPath();
        e.put("libtorch", engine.getVersion() + ", flavor " + flavorOf(libtorchPath));
        e.put("libtorch path", libtorchPath);
        e.put("gpus visible", Integer.toString(engine.getGpuCount()));
        e.put("libtorch threads", ai.djl.pytorch.jni.JniUtils.getNumThreads() + " intra-op (" + IntraOpThreads.PROPERTY
                + ")");
        e.put("allocator", describe(NativeAllocator.tune()));
        DeviceSelection device = DeviceSelection.resolve(choice);
        e.put("device", device.device().getDeviceType()
                + (device.device().isGpu() ? "(" + device.device().getDeviceId() + ")" : "") + " (" + device.reason() + ")");
        e.put("offline mode", Boolean.toString(Utils.isOfflineMode()));
        e.put("usage tracking", Boolean.parseBoolean(Utils.getEnvOrSystemProperty(EngineSetup.OPT_OUT_TRACKING))
                ? "off (OPT_OUT_TRACKING)" : "on");
        e.put("DJL cache", Utils.getCacheDir().toString());
        e.put("engine cache", Utils.getEngineCacheDir().toString());
        e.put("heed cache", heedHome.toString());
        return new EngineReport(e);
    }

    static String describe(NativeAllocator.Outcome outcome) {
        return switch (outcome) {
            case TUNED -> "glibc, tuned for libtorch (mmap threshold " + (NativeAllocator.MMAP_THRESHOLD >> 20)
                    + " MiB, trim threshold " + (NativeAllocator.TRIM_THRESHOLD >> 20) + " MiB, top pad "
                    + (NativeAllocator.TOP_PAD >> 20) + " MiB; " + NativeAllocator.PROPERTY + "=false to keep glibc's)";
            case USER_CHOSE -> "glibc, as the environment's MALLOC_*_ variables set it";
            case DISABLED -> "glibc's defaults (" + NativeAllocator.PROPERTY + "=false)";
            case UNSUPPORTED -> "not tuned (no glibc mallopt on this system)";
        };
    }

    private static String libtorchPath() {
        try {
            return ai.djl.pytorch.jni.LibUtils.getLibtorchPath();
        } catch (RuntimeException | LinkageError e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The flavor in a libtorch folder name such as {@code 2.7.1-20250812-cpu-linux-x86_64}. */
    static String flavorOf(String libtorchPath) {
        Path name = Path.of(libtorchPath).getFileName();
        for (String part : (name == null ? "" : name.toString()).split("-")) {
            if (part.matches("cpu|cu\\d+|rocm[0-9.]*|mps")) {
                return part;
            }
        }
        return "unknown";
    }

    /** The report as aligned lines, one entry a line. */
    public String format() {
        int width = entries.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder();
        entries.forEach((k, v) -> out.append(String.format("%-" + width + "s  %s%n", k, v)));
        return out.toString();
    }
}
