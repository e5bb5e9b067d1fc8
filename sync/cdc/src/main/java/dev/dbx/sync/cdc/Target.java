package dev.dbx.sync.cdc;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.store.Store;
import java.util.Objects;

/**
 * A store that changes are applied to, under a name: the consumer group is {@code dbx-sync-<name>} and the dead-letter
 * topic ends with it. Two targets of one kind of store (two SQLite files) need two names.
 */
public record Target(String name, Store store) {
    public Target {
        Objects.requireNonNull(store, "store");
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new DbxException(
                    "target name '" + name + "' cannot name a Kafka consumer group and topic",
                    "use letters, digits, '.', '_' and '-' only");
        }
        store.require(Sink.class);
    }

    /** A target named by its store's id, e.g. "sqlite". */
    public static Target of(Store store) {
        return new Target(store.id(), store);
    }

    public String group() {
        return "dbx-sync-" + name;
    }
}
