package dev.heed.tasks.records;

import dev.heed.batch.Prediction;
import dev.heed.io.Record;
import dev.heed.io.RecordError;
import dev.heed.text.NoTokensException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a model's batch prediction so that the texts in which the model finds no tokens (only invisible or
 * format characters) become {@code no_tokens} error records and the rest of the batch is still predicted
 * together. Stateless.
 */
public final class TokenlessTexts {

    /** A model's prediction over a batch, which may throw {@link NoTokensException}. */
    public interface BatchModel {
        List<Prediction> predict(List<Record> batch) throws Exception;
    }

    private TokenlessTexts() {
    }

    public static List<Prediction> predict(List<Record> batch, BatchModel model) throws Exception {
        try {
            return model.predict(batch);
        } catch (NoTokensException e) {
            Set<Integer> none = new HashSet<>(e.indexes());
            Prediction[] out = new Prediction[batch.size()];
            List<Record> rest = new ArrayList<>();
            List<Integer> restAt = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (none.contains(i)) {
                    out[i] = Prediction.failed(RecordError.NO_TOKENS, NoTokensException.reason(batch.get(i).text()));
                } else {
                    rest.add(batch.get(i));
                    restAt.add(i);
                }
            }
            if (!rest.isEmpty()) {
                List<Prediction> predicted = predict(rest, model);
                for (int k = 0; k < rest.size(); k++) {
                    out[restAt.get(k)] = predicted.get(k);
                }
            }
            return Arrays.asList(out);
        }
    }
}
