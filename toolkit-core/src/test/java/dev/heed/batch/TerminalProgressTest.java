package dev.heed.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void theTextBesideTheBarIsSetApartAndLeavesTheBarRoomIn80Columns() {
        assertEquals(" 17,920 records, 1,792/s", TerminalProgress.extra(17_920, 0, 10));
        assertEquals(" 20,000 records, 3 failed, 2,000/s", TerminalProgress.extra(20_000, 3, 10));
        // the library's fixed parts (KiB up to 100 MiB, MiB above): "heed  27% [", "] 1024/3716 MiB (... / ...)"
        String fixed = "heed  27% [" + "] 1024/3716 MiB (0:10:00 / 0:26:00)";
        assertTrue(fixed.length() + TerminalProgress.extra(1_000_000, 0, 600).length() <= 80 - 5,
                "a bar of at least 5 columns beside everything else at a million records");
        assertTrue(fixed.length() + TerminalProgress.extra(20_000, 0, 10).length() <= 80 - 10,
                "and of 10 at the issue's 20,000");
    }
}
