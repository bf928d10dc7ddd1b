package dev.heed.tasks.translation;

import dev.heed.tasks.seq2seq.SubwordCodec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heed.tasks.translation.VerbatimSpans.Found;
import dev.heed.tasks.translation.VerbatimSpans.Kind;
import dev.heed.text.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanPassThroughTest {

    @Test
    void urlsAddressesDatesTimesAndNumbersAreFound() {
        String text = "Mail anna.schmidt@example.com, see https://example.org/a?b=1. On 2025-06-14, 12/05/2024 "
                + "or 03.11.2026 at 10:45 we pay 1,500 for 3 seats at www.heed.dev";
        List<String> found = new ArrayList<>();
        for (Found f : VerbatimSpans.find(text)) {
            found.add(f.kind() + " " + f.span().of(text));
        }
        assertEquals(List.of("EMAIL anna.schmidt@example.com", "URL https://example.org/a?b=1", "DATE 2025-06-14",
                "DATE 12/05/2024", "DATE 03.11.2026", "TIME 10:45", "NUMBER 1,500", "NUMBER 3", "URL www.heed.dev"),
                found);
        assertEquals(List.of(), VerbatimSpans.find("A man is riding a bicycle."));
    }

    @Test
    void addressesAreReadAsThePlaceholderAndMapBackToTheirWholeSpan() {
        String sentence = "Write to anna@x.org at 10:45.";
        SpanPassThrough.Protected p = SpanPassThrough.protect(sentence, sentence);
        assertEquals("Write to X at 10:45.", p.text());
        assertEquals(List.of(Kind.EMAIL, Kind.TIME), p.found().stream().map(Found::kind).toList());
        assertEquals(new Span(9, 19), p.toOriginal(new Span(9, 10)), "the placeholder stands for the address");
        assertEquals(new Span(0, 5), p.toOriginal(new Span(0, 5)), "before it, nothing moves");
        assertEquals(new Span(23, 28), p.toOriginal(new Span(14, 19)), "after it, everything moves by 9");
        assertEquals("anna@x.org", p.toOriginal(new Span(9, 10)).of(sentence));
    }

    @Test
    void theTargetWordsAlignedIntoASpanBecomeTheSpanAndAnUnalignedSpanIsInsertedAfterItsNeighbour() {
        String sentence = "Write to anna@x.org at 10:45 on 2025-06-14.";
        SpanPassThrough.Protected p = SpanPassThrough.protect(sentence, sentence);
        assertEquals("Write to X at 10:45 on 2025-06-14.", p.text());
        // source subwords of the protected text: Write | to | X | at | 10 | :45 | on | 2025-06-14 | .
        List<Span> source = List.of(new Span(0, 5), new Span(6, 8), new Span(9, 10), new Span(11, 13),
                new Span(14, 16), new Span(16, 19), new Span(20, 22), new Span(23, 33), new Span(33, 34));
        // the model wrote "Schreib an Anna um Nummer 5 5." and nothing for the date
        String translation = "Schreib an Anna um Nummer 5 5.";
        List<Span> pieces = List.of(new Span(0, 7), new Span(8, 10), new Span(11, 15), new Span(16, 18),
                new Span(19, 25), new Span(26, 27), new Span(28, 29), new Span(29, 30));
        int[] alignedTo = {0, 1, 2, 3, 4, 5, 5, 8};          // the source subword each piece attends to most
        List<float[]> attention = new ArrayList<>();
        for (int a : alignedTo) {
            float[] row = new float[source.size() + 1];
            java.util.Arrays.fill(row, 0.01f);
            row[a] = 0.9f;
            attention.add(row);
        }
        SubwordCodec.Decoded restored = SpanPassThrough.restore(p, new SubwordCodec.Decoded(translation, pieces),
                source, attention, 1, 1);
        assertEquals("Schreib an anna@x.org um 10:45 2025-06-14.", restored.text());
        assertEquals(pieces.size(), restored.spans().size());
        assertEquals("anna@x.org", restored.spans().get(2).of(restored.text()), "the piece now covers the span");
        assertEquals("10:45", restored.spans().get(4).of(restored.text()));
        assertEquals(".", restored.spans().get(7).of(restored.text()));
    }

    @Test
    void aSentenceWithoutSpansIsLeftAsItIs() {
        SpanPassThrough.Protected p = SpanPassThrough.protect("A dog runs.", "A dog runs.");
        assertEquals("A dog runs.", p.text());
        assertEquals(false, p.any());
    }
}
