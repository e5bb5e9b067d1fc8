package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A request body buffer one session reuses for every call: {@link #start()} empties it and gives a JSON generator
 * writing into it, and {@link EsRequest#json(String, String, JsonBody)} sends its bytes without copying them.
 */
final class JsonBody extends ByteArrayOutputStream {
    JsonBody(int initialSize) {
        super(initialSize);
    }

    /** Empties the buffer and returns a generator writing into it (close the generator to finish the body). */
    JsonGenerator start() {
        reset();
        try {
            return EsClient.JSON.getFactory().createGenerator(this);
        } catch (IOException e) {
            throw new UncheckedIOException("a generator over memory cannot fail to open", e);
        }
    }

    /** The buffer itself: its first {@link #size()} bytes are the body. */
    byte[] bytes() {
        return buf;
    }
}
