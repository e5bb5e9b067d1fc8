package dev.dbx.store.neo4j;

import dev.dbx.core.DbxException;
import dev.dbx.core.Identifiers;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.dataset.YcsbSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neo4j.driver.Value;

/**
 * YCSB's usertable as {@code :User} nodes keyed by a unique {@code ycsb_key}. Field names travel as parameters
 * ({@code u[f]} reads a property named by a value, {@code SET u += $fields} writes a map), so the statements are
 * constant text, planned once, and no field name ever reaches the query text; they are still checked against the
 * schema so a typo fails instead of storing a stray property. The scan is a range seek on the key's index, which
 * returns keys in order: ORDER BY ... LIMIT needs no sort.
 */
final class UserTable implements KeyValue {
    private final Bolt bolt;
    private final String insert;
    private final String read;
    private final String update;
    private final String delete;
    private final String scan;

    UserTable(Bolt bolt, GraphMapping ycsb) {
        this.bolt = bolt;
        String label = ycsb.element(YcsbSchema.USERTABLE).name();
        String key = Identifiers.require("key property", YcsbSchema.KEY);
        String byKey = "MATCH (u:" + label + " {" + key + ": $key}) ";
        this.insert = "CREATE (u:" + label + " {" + key + ": $key}) SET u += $fields";
        this.read = byKey + "RETURN [f IN $fields | u[f]] AS values";
        this.update = byKey + "SET u += $fields RETURN count(u) AS n";
        this.delete = byKey + "DETACH DELETE u RETURN count(*) AS n";
        this.scan = scanStatement(label);
    }

    /** Up to $count records from $start on, in key order: a range seek on the key's index, which yields keys sorted. */
    static String scanStatement(String label) {
        String key = YcsbSchema.KEY;
        return "MATCH (u:" + Identifiers.require("label", label) + ") WHERE u." + key + " >= $start RETURN u." + key
                + " AS key, [f IN $fields | u[f]] AS values ORDER BY key LIMIT $count";
    }

    @Override
    public void insert(String key, Map<String, String> fields) {
        checked(fields.keySet());
        bolt.write(insert, Map.of("key", key, "fields", fields), "insert of " + key);
    }

    @Override
    public Optional<Map<String, String>> read(String key, Set<String> fields) {
        List<String> names = fields.isEmpty() ? YcsbSchema.FIELDS : checked(fields);
        List<org.neo4j.driver.Record> records = bolt.read(read, Map.of("key", key, "fields", names), "read of " + key);
        return records.isEmpty()
                ? Optional.empty()
                : Optional.of(fields(names, records.get(0).get("values")));
    }

    @Override
    public boolean update(String key, Map<String, String> fields) {
        checked(fields.keySet());
        return count(bolt.write(update, Map.of("key", key, "fields", fields), "update of " + key)) > 0;
    }

    @Override
    public boolean delete(String key) {
        return count(bolt.write(delete, Map.of("key", key), "delete of " + key)) > 0;
    }

    @Override
    public List<KeyValue.Record> scan(String startKey, int count, Set<String> fields) {
        List<String> names = fields.isEmpty() ? YcsbSchema.FIELDS : checked(fields);
        List<org.neo4j.driver.Record> records =
                bolt.read(scan, Map.of("start", startKey, "count", count, "fields", names), "scan from " + startKey);
        List<KeyValue.Record> out = new ArrayList<>(records.size());
        for (org.neo4j.driver.Record r : records) {
            out.add(new KeyValue.Record(r.get("key").asString(), fields(names, r.get("values"))));
        }
        return out;
    }

    private static long count(List<org.neo4j.driver.Record> records) {
        return records.isEmpty() ? 0 : records.get(0).get("n").asLong();
    }

    private static Map<String, String> fields(List<String> names, Value values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Value v = values.get(i);
            out.put(names.get(i), v.isNull() ? null : v.asString());
        }
        return out;
    }

    /** The requested fields in schema order, each checked against the usertable's columns. */
    static List<String> checked(Set<String> requested) {
        for (String f : requested) {
            if (!YcsbSchema.FIELDS.contains(f)) {
                throw new DbxException("usertable has no field '" + f + "'", "fields are field0 to field9");
            }
        }
        return YcsbSchema.FIELDS.stream().filter(requested::contains).toList();
    }
}
