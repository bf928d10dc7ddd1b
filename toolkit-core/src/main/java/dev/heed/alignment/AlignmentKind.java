package dev.heed.alignment;

import java.util.Arrays;

/** What an alignment's weights are; the name is what the JSON and the viewer say. */
public enum AlignmentKind {
    /** A decoder's attention over the source: target rows, source columns. */
    CROSS_ATTENTION("cross-attention"),
    /** An encoder's attention over its own tokens: rows and columns are the same tokens. */
    SELF_ATTENTION("self-attention"),
    /** Attention pooling: one row (the pooled vector, standing for the answer) over the tokens. */
    POOLING("pooling"),
    /**
     * Late interaction (Khattab and Zaharia, "ColBERT", SIGIR 2020) behind a search hit: the cosine similarity of
     * each query word's contextual state (rows, the target) with each document word's (columns, the source),
     * negative cosines shown as 0. Since {@code heed.alignment/2}.
     */
    LATE_INTERACTION("late-interaction");

    private final String jsonName;

    AlignmentKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in JSON: {@code cross-attention}, {@code self-attention}, {@code pooling}, {@code late-interaction}. */
    public String jsonName() {
        return jsonName;
    }

    /** The kind named {@code name} in JSON. */
    public static AlignmentKind of(String name) {
        return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no alignment kind '" + name + "'; the kinds are "
                        + Arrays.stream(values()).map(AlignmentKind::jsonName).toList()));
    }
}
