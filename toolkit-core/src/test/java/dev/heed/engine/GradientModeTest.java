package dev.heed.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientModeTest {

    @Test
    void offLastsUntilClosedOnItsOwnThreadOnly() throws Exception {
        ai.djl.engine.Engine.getEngine("PyTorch"); // created here, so DJL turns recording off on this thread only
        List<Boolean> seen = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                seen.add(GradientMode.recording()); // libtorch's default on a new thread
                try (GradientMode.Scope outer = GradientMode.off()) {
                    seen.add(GradientMode.recording());
                    try (GradientMode.Scope inner = GradientMode.off()) {
                        seen.add(GradientMode.recording());
                    }
                    seen.add(GradientMode.recording()); // the inner scope found it off and leaves it off
                    outer.close();
                    outer.close(); // twice is harmless
                }
                seen.add(GradientMode.recording());
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        t.start();
        t.join();
        assertNull(failure[0]);
        assertEquals(List.of(true, false, false, false, true), seen);
    }
}
