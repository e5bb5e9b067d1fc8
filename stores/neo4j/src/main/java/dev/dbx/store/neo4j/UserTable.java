package dev.dbx.store.neo4j;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.dataset.YcsbSchema;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.neo4j.driver.Record;

/**
 * YCSB's usertable as {@code :User} nodes keyed by a unique {@code ycsb_key}, its ten fields properties, worked on
 * through {@link UserSession}s. The key's uniqueness constraint is backed by a range index: reads, updates and deletes
 * seek it, and a scan is an ordered range seek on it.
 */
final class UserTable implements KeyValue {
    /**
     * Neo4j forces its transaction log to disk before a commit returns (concurrent commits share one force), and has
     * no setting that turns this off; the settings below say when the store files catch up (checkpoints) and how much
     * log is kept.
     */
    static final String LOG_FORCED =
            "transaction log forced to disk at every commit (Neo4j's fixed behaviour: no setting turns it off)";

    /** Settings reported with the durability, when the server lets the user see them (SHOW SETTINGS). */
    static final List<String> SETTINGS = List.of(
            "db.checkpoint",
            "db.checkpoint.interval.time",
            "db.checkpoint.interval.tx",
            "db.tx_log.rotation.retention_policy");

    private static final String SHOW_SETTINGS =
            "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value ORDER BY name";

    private final Bolt bolt;
    private final String label;

    UserTable(Bolt bolt, GraphMapping ycsb) {
        this.bolt = bolt;
        this.label = ycsb.element(YcsbSchema.USERTABLE).name();
    }

    @Override
    public KeyValueSession openSession() {
        return new UserSession(bolt, new UserStatements(label));
    }

    @Override
    public KeyValueSemantics semantics() {
        return new KeyValueSemantics(
                KeyValueSemantics.Update.ATOMIC,
                durability(),
                true,
                "a second writer waits for the first one's write lock on the node until it commits, then writes"
                        + " (the last commit wins); of two transactions that deadlock Neo4j aborts one, and the"
                        + " driver runs it again (counted as a conflict retry)");
    }

    /** The fixed log force, with the server's checkpoint and log settings as it reports them. */
    private String durability() {
        String settings;
        try {
            List<Record> records =
                    bolt.autoCommit(SHOW_SETTINGS, Map.of("names", SETTINGS), bolt.timeout(), "reading settings");
            settings = records.stream()
                    .map(r -> r.get("name").asString() + "=" + r.get("value").asString())
                    .collect(Collectors.joining(", "));
        } catch (DbxException e) {
            // SHOW SETTINGS needs a privilege the user may lack: the force at commit is still true
            return LOG_FORCED + "; the server's settings could not be read (" + e.getMessage() + ")";
        }
        return LOG_FORCED + (settings.isEmpty() ? "" : "; " + settings);
    }
}
