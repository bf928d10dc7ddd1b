package dev.heed.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeAllocatorTest {

    @Test
    void aUsersOwnMallocSettingIsLeftAlone() {
        assertEquals(NativeAllocator.Outcome.USER_CHOSE,
                NativeAllocator.apply(Map.of("MALLOC_TOP_PAD_", "0"), null));
        assertEquals(NativeAllocator.Outcome.USER_CHOSE,
                NativeAllocator.apply(Map.of("MALLOC_MMAP_THRESHOLD_", "131072"), "true"));
    }

    @Test
    void thePropertyTurnsItOff() {
        assertEquals(NativeAllocator.Outcome.DISABLED, NativeAllocator.apply(Map.of(), "false"));
        assertEquals(NativeAllocator.Outcome.DISABLED, NativeAllocator.apply(Map.of(), " FALSE "));
    }

    @Test
    void glibcAcceptsTheSettings() {
        // the build machines run Linux with glibc; mallopt returns 0 for a value it refuses (e.g. a mmap
        // threshold above 32 MiB), which would show here as UNSUPPORTED
        String os = System.getProperty("os.name");
        NativeAllocator.Outcome expected = os.equals("Linux") && !isMusl()
                ? NativeAllocator.Outcome.TUNED : NativeAllocator.Outcome.UNSUPPORTED;
        assertEquals(expected, NativeAllocator.apply(Map.of(), null));
        assertEquals(expected, NativeAllocator.apply(Map.of(), "true"));
    }

    private static boolean isMusl() {
        return java.nio.file.Files.exists(java.nio.file.Path.of("/lib/ld-musl-x86_64.so.1"));
    }
}
