package dev.dbx.store.neo4j;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Entity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;

/**
 * Which primary keys of an entity the graph holds, found by key, never by scanning the entity: each entity's lookup
 * statement ({@code lookup/<entity>.cypher}) unwinds a batch of keys as {@code $keys} and finds each one through the
 * unique-key index of its node, or of the nodes at the ends of its relationship, returning the keys it found as
 * {@code k}. One read transaction per batch.
 */
final class KeyLookup {
    /** Keys per round trip. */
    static final int BATCH = 1_000;

    private final Bolt bolt;

    KeyLookup(Bolt bolt) {
        this.bolt = bolt;
    }

    Set<List<Object>> existing(DatasetGraph graph, Entity entity, Collection<List<Object>> keys) {
        Set<List<Object>> found = new HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        String statement = graph.lookupStatement(entity);
        String doing = "looking up keys of " + entity.name();
        int width = entity.primaryKey().size();
        // the keys as the driver hands them back (Long, String...), each to the caller's own key
        Map<List<Object>, List<Object>> asAsked = new HashMap<>();
        List<List<Object>> batch = new ArrayList<>(Math.min(BATCH, keys.size()));
        for (List<Object> key : keys) {
            if (key.size() != width) {
                throw new DbxException("key " + key + " of " + entity.name() + " has " + key.size()
                        + " values; its primary key " + entity.primaryKey() + " has " + width);
            }
            List<Object> property = key.stream().map(PropertyValues::toProperty).toList();
            asAsked.put(property, key);
            batch.add(property);
            if (batch.size() == BATCH) {
                lookUp(statement, batch, asAsked, found, doing);
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) {
            lookUp(statement, batch, asAsked, found, doing);
        }
        return found;
    }

    private void lookUp(
            String statement,
            List<List<Object>> batch,
            Map<List<Object>, List<Object>> asAsked,
            Set<List<Object>> found,
            String doing) {
        for (Record record : bolt.read(statement, Map.of("keys", batch), doing)) {
            List<Object> key = asAsked.get(record.get("k").asList());
            if (key != null) {
                found.add(key);
            }
        }
    }
}
