package dev.heed.alignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The alignment formats by name: {@code json}, {@code pharaoh}, {@code npz}, {@code png}, {@code html} (a
 * run in one viewer), {@code html-files} (a viewer per record). Stateless. */
public final class AlignmentExporters {

    private AlignmentExporters() {
    }

    /** Every format's name, in a stable order. */
    public static List<String> names() {
        return List.copyOf(all(OptionalDouble.empty()).keySet());
    }

    /**
     * The exporters of a comma-separated list of formats ({@code "json,html"}); Pharaoh links words at
     * {@code threshold} when present, by argmax otherwise.
     *
     * @throws IllegalArgumentException for an unknown or repeated name, listing the formats there are
     */
    public static List<AlignmentExporter> parse(String formats, OptionalDouble threshold) {
        Map<String, AlignmentExporter> all = all(threshold);
        List<AlignmentExporter> chosen = new ArrayList<>();
        for (String name : formats.split(",")) {
            AlignmentExporter exporter = all.get(name.strip().toLowerCase(java.util.Locale.ROOT));
            if (exporter == null) {
                throw new IllegalArgumentException("no alignment format '" + name.strip() + "'; the formats are "
                        + all.keySet());
            }
            if (chosen.contains(exporter)) {
                throw new IllegalArgumentException("alignment format '" + name.strip() + "' is named twice");
            }
            chosen.add(exporter);
        }
        return chosen;
    }

    private static Map<String, AlignmentExporter> all(OptionalDouble threshold) {
        Map<String, AlignmentExporter> all = new LinkedHashMap<>();
        for (AlignmentExporter e : List.of(new AlignmentJson(), new PharaohExporter(threshold), new NpzExporter(),
                new PngExporter(), new HtmlRunExporter(), new HtmlExporter())) {
            all.put(e.name(), e);
        }
        return all;
    }
}
