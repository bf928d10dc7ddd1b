package dev.heed.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** What a {@link Predictor} made of one record: result fields, or a failure that becomes an error record. */
public sealed interface Prediction {

    /** The fields to add to the record's output line ({@code label}, {@code score}, ...). */
    record Ok(ObjectNode fields) implements Prediction {
        public Ok {
            Objects.requireNonNull(fields, "fields");
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
        return new Ok(fields);
    }

    static Prediction failed(String kind, String reason) {
        return new Failed(kind, reason);
    }
}
