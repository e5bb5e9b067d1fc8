package dev.dbx.core.capability;

import java.util.Objects;

/**
 * What a store guarantees for the usertable, for reports: a write throughput means little without its durability, and
 * an "update" that is a read followed by a write is not the same operation as an atomic one.
 *
 * @param update whether an update of some fields is atomic, or a read of the record followed by a write of all of it
 * @param durability when a write is on disk, as the server's own settings say (e.g. "synchronous_commit=on, fsync=on")
 * @param readYourWrites whether a read right after a write in the same session sees it
 * @param conflicts what happens when two sessions write one record at once
 */
public record KeyValueSemantics(Update update, String durability, boolean readYourWrites, String conflicts) {
    public KeyValueSemantics {
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(conflicts, "conflicts");
    }

    public enum Update {
        ATOMIC("atomic"),
        READ_THEN_WRITE("read, then write of the whole record: not atomic");

        private final String label;

        Update(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
