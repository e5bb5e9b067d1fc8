package dev.dbx.store.mongo;

import dev.dbx.core.DbxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.bson.Document;

/** Reads the model's JSON files from {@code dev/dbx/store/mongo/schema/} (Extended JSON, parsed by the driver). */
final class SchemaResource {
    private SchemaResource() {}

    /** {@code schema/<dataset>-<kind>.json}, e.g. {@code tpch-mapping.json}. */
    static Document read(String dataset, String kind) {
        String name = "schema/" + dataset + "-" + kind + ".json";
        try (InputStream in = SchemaResource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new DbxException(
                        "the mongo store has no " + kind + " for dataset " + dataset + " (" + name + ")");
            }
            return Document.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
