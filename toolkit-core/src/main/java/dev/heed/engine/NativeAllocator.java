package dev.heed.engine;

import com.sun.jna.Function;
import com.sun.jna.Platform;
import java.util.Locale;
import java.util.Map;

/**
 * Tells glibc's {@code malloc} to keep the memory libtorch frees, so that the large, short-lived tensors of each
 * batch reuse pages already mapped instead of being mapped, faulted in and unmapped again on every call.
 *
 * <p>Why: glibc serves every allocation above its mmap threshold (128 KiB at first, rising to at most 32 MiB as
 * freed blocks teach it) with a fresh {@code mmap}, and returns the top of the heap to the system once more than
 * the trim threshold is free. A forward pass allocates and frees many activation tensors of megabytes: with the
 * defaults each one costs system calls and a page fault per 4 KiB page (measured: 12 s of a 27.6 s {@code heed
 * embed} run was system time, and larger batches ran slower than smaller ones). With the settings below the same
 * run took 18.4 s. They are glibc's own knobs ({@code mallopt(3)}: {@code M_MMAP_THRESHOLD} 32 MiB, the most glibc
 * accepts on 64-bit systems; {@code M_TRIM_THRESHOLD} 1 GiB; {@code M_TOP_PAD} 256 MiB), the same as the
 * environment variables {@code MALLOC_MMAP_THRESHOLD_}, {@code MALLOC_TRIM_THRESHOLD_} and {@code MALLOC_TOP_PAD_}.
 * The cost: a process keeps up to about 1 GiB of freed memory for reuse instead of handing it back.
 *
 * <p>{@link #tune()} is called by Heed's command line at start and by every model load of the library; it changes
 * nothing when any of those environment variables is set (the user chose), when the system property
 * {@value #PROPERTY} is {@code false}, or off Linux with glibc. Thread-safe and idempotent.
 */
public final class NativeAllocator {

    /** Set to {@code false} to leave glibc's allocator as it is. */
    public static final String PROPERTY = "heed.malloc.tune";

    /** glibc's mmap threshold Heed sets, in bytes (32 MiB: glibc's upper bound on 64-bit systems). */
    public static final int MMAP_THRESHOLD = 32 << 20;
    /** glibc's trim threshold Heed sets, in bytes (1 GiB). */
    public static final int TRIM_THRESHOLD = 1 << 30;
    /** glibc's top pad Heed sets, in bytes (256 MiB). */
    public static final int TOP_PAD = 256 << 20;

    // mallopt(3) parameter numbers from glibc's malloc.h
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;

    private static final String[] ENVIRONMENT = {"MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_",
        "MALLOC_TOP_PAD_"};

    /** What {@link #tune()} did. */
    public enum Outcome {
        /** The three settings are in effect. */
        TUNED,
        /** The environment sets at least one of glibc's {@code MALLOC_*_} variables: left as the user chose. */
        USER_CHOSE,
        /** {@value #PROPERTY} is {@code false}. */
        DISABLED,
        /** Not Linux, or no glibc {@code mallopt} (e.g. musl): nothing to tune. */
        UNSUPPORTED
    }

    private static Outcome outcome;

    private NativeAllocator() {
    }

    /** Applies the settings once per process (later calls return the first call's outcome). */
    public static synchronized Outcome tune() {
        if (outcome == null) {
            outcome = apply(System.getenv(), System.getProperty(PROPERTY));
        }
        return outcome;
    }

    static Outcome apply(Map<String, String> environment, String property) {
        if (property != null && property.trim().toLowerCase(Locale.ROOT).equals("false")) {
            return Outcome.DISABLED;
        }
        for (String name : ENVIRONMENT) {
            if (environment.containsKey(name)) {
                return Outcome.USER_CHOSE;
            }
        }
        if (!Platform.isLinux()) {
            return Outcome.UNSUPPORTED;
        }
        Function mallopt;
        try {
            mallopt = Function.getFunction(Platform.C_LIBRARY_NAME, "mallopt");
        } catch (UnsatisfiedLinkError e) {
            return Outcome.UNSUPPORTED;
        }
        // mallopt returns 1 on success, 0 on error
        boolean ok = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD}) == 1
                & mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD}) == 1
                & mallopt.invokeInt(new Object[] {M_TOP_PAD, TOP_PAD}) == 1;
        return ok ? Outcome.TUNED : Outcome.UNSUPPORTED;
    }
}
