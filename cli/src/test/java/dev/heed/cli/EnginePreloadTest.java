package dev.heed.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnginePreloadTest {

    @Test
    void onlyCommandsThatRunAModelLoadLibtorchAhead() {
        assertTrue(EnginePreload.wanted(List.of("sentiment", "-i", "x.txt")));
        assertTrue(EnginePreload.wanted(List.of("translate")));
        assertTrue(EnginePreload.wanted(List.of("eval", "summarization", "--model", "aeslc")));
        assertFalse(EnginePreload.wanted(List.of("tokenize", "-i", "x.txt")), "tokenize runs no model");
        assertFalse(EnginePreload.wanted(List.of("sentiment", "--help")), "help needs no engine");
        assertFalse(EnginePreload.wanted(List.of("embed", "-V")));
        assertFalse(EnginePreload.wanted(List.of()));
        assertFalse(EnginePreload.wanted(List.of("--version")));
    }

    @Test
    void timingsAreOnlyForAYesValue() {
        assertTrue(PhaseTimings.enabled("1"));
        assertTrue(PhaseTimings.enabled("yes"));
        assertFalse(PhaseTimings.enabled(null));
        assertFalse(PhaseTimings.enabled(""));
        assertFalse(PhaseTimings.enabled("0"));
        assertFalse(PhaseTimings.enabled("false"));
    }
}
