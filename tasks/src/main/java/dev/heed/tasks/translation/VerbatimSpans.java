package dev.heed.tasks.translation;

import dev.heed.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a text that a translation must carry over character for character: URLs, e-mail addresses,
 * dates, times and numbers. Production translation systems pass such spans through placeholders rather than
 * trusting the model to spell them (a model trained on image captions turns {@code 10:45} into
 * {@code Nummer 5 5}). Found left to right, longest kinds first, never overlapping. Stateless.
 */
public final class VerbatimSpans {

    /** What a span is. */
    public enum Kind {
        URL, EMAIL, DATE, TIME, NUMBER;

        /** Whether the span is made of digits and separators. */
        public boolean numeric() {
            return this == DATE || this == TIME || this == NUMBER;
        }
    }

    /** One span of {@code kind} at {@code span} (UTF-16 offsets, half-open). */
    public record Found(Span span, Kind kind) {
    }

    private static final String TRAILING = ".,;:!?)]}'\"";

    private static final Pattern ANY = Pattern.compile(String.join("|",
            "(?<email>[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})",
            "(?<url>(?:[A-Za-z][A-Za-z0-9+.-]*://|www\\.)[^\\s<>\"]+)",
            "(?<date>(?<![\\d.])(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4})(?![\\d]))",
            "(?<time>(?<![\\d:])\\d{1,2}:\\d{2}(?::\\d{2})?(?![\\d]))",
            "(?<number>(?<![\\d.,])\\d+(?:[.,]\\d+)*(?![\\d]))"));

    private VerbatimSpans() {
    }

    /** The spans of {@code text}, in order. */
    public static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        Matcher m = ANY.matcher(text);
        while (m.find()) {
            Kind kind = m.group("email") != null ? Kind.EMAIL
                    : m.group("url") != null ? Kind.URL
                    : m.group("date") != null ? Kind.DATE
                    : m.group("time") != null ? Kind.TIME : Kind.NUMBER;
            int end = m.end();
            if (kind == Kind.URL) {
                while (end > m.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                    end--;                                       // "see http://a.org/x." ends before the full stop
                }
            }
            found.add(new Found(new Span(m.start(), end), kind));
        }
        return found;
    }
}
