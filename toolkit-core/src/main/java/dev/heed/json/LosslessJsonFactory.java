package dev.heed.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A JSON factory whose byte output (files, streams, {@code writeValueAsBytes}) goes through
 * {@link JsonUtf8Writer}: any Java string written comes back unchanged when read, unpaired surrogates
 * included, where Jackson's own UTF-8 generator either escapes every astral character as two escapes or, with
 * {@code COMBINE_UNICODE_SURROGATES_IN_UTF8}, fuses an unpaired high surrogate with whatever character follows
 * it. Thread-safe, as every {@link JsonFactory}.
 */
final class LosslessJsonFactory extends JsonFactory {

    private static final long serialVersionUID = 1L;

    LosslessJsonFactory() {
    }

    private LosslessJsonFactory(LosslessJsonFactory src, ObjectCodec codec) {
        super(src, codec);
    }

    @Override
    public JsonFactory copy() {
        return new LosslessJsonFactory(this, null);
    }

    @Override
    protected JsonGenerator _createUTF8Generator(OutputStream out, IOContext ctxt) throws IOException {
        return _createGenerator(new JsonUtf8Writer(out), ctxt);
    }
}
