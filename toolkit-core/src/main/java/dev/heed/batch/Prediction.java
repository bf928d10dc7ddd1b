package dev.heed.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.alignment.Alignment;
import java.util.Objects;
import java.util.Optional;

/** What a {@link Predictor} made of one record: result fields, or a failure that becomes an error record. */
public sealed interface Prediction {

    /**
     * The fields to add to the record's output line ({@code label}, {@code score}, ...) and, when asked for,
     * the attention that produced them, exported in input order with the output line; {@code truncated} when
     * the input or the answer was cut to fit the model (the fields say how), which the run counts.
     */
    record Ok(ObjectNode fields, Optional<Alignment> alignment, boolean truncated) implements Prediction {
        public Ok {
            Objects.requireNonNull(fields, "fields");
            Objects.requireNonNull(alignment, "alignment");
        }

        /** Nothing was cut. */
        public Ok(ObjectNode fields, Optional<Alignment> alignment) {
            this(fields, alignment, false);
        }
    }

    /** The record could not be processed: a stable kind (see {@code RecordError}) and a reason for people. */
    record Failed(String kind, String reason) implements Prediction {
        public Failed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }

    static Prediction ok(ObjectNode fields) {
        return new Ok(fields, Optional.empty());
    }

    static Prediction ok(ObjectNode fields, Optional<Alignment> alignment) {
        return new Ok(fields, alignment);
    }

    /** As {@link #ok(ObjectNode, Optional)}; {@code truncated}: the input or the answer was cut to fit the model. */
    static Prediction ok(ObjectNode fields, Optional<Alignment> alignment, boolean truncated) {
        return new Ok(fields, alignment, truncated);
    }

    static Prediction failed(String kind, String reason) {
        return new Failed(kind, reason);
    }
}
