package dev.dbx.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.store.jdbc.SqlKeyValueSession;
import dev.dbx.store.jdbc.SqlScript;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key-value session prepares each statement once: a real SQLite connection, wrapped to count what is prepared on
 * it, serves 1,000 mixed operations, and the count must be the number of distinct (operation, field choice) pairs.
 */
class SessionPreparesOnceTest {
    private static final int OPERATIONS = 1_000;
    /** A few field choices, as a workload uses: one field, two, all. */
    private static final List<FieldSet> CHOICES =
            List.of(FieldSet.one(0), FieldSet.one(7), FieldSet.of(0b1000000010), FieldSet.all());

    @Test
    void eachOperationAndFieldChoiceIsPreparedOnceAndGivesTheRightAnswers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("session.sqlite");
        try (Connection setup = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = setup.createStatement()) {
            for (String sql : SqlScript.load(SqliteStore.class, "schema/ycsb.sql")) {
                s.execute(sql);
            }
        }
        assertThat(Files.exists(file)).isTrue();

        AtomicInteger prepared = new AtomicInteger();
        Connection real = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = real.createStatement()) {
            s.execute("PRAGMA synchronous = OFF"); // a throwaway file: no need to wait for the disk at every commit
        }
        Connection counting = counting(real, prepared);
        Set<String> pairs = new HashSet<>();
        Random random = new Random(42);
        List<String> keys = new ArrayList<>();
        String[] values = new String[YcsbSchema.FIELD_COUNT];

        try (KeyValueSession session = new SqlKeyValueSession("sqlite", counting)) {
            for (int op = 0; op < OPERATIONS; op++) {
                FieldSet fields = CHOICES.get(random.nextInt(CHOICES.size()));
                int kind = keys.size() < 20 ? 0 : random.nextInt(5);
                switch (kind) {
                    case 0 -> {
                        String key = "user" + op;
                        session.insert(key, record(key, 0));
                        keys.add(key);
                        pairs.add("insert");
                    }
                    case 1 -> {
                        String key = keys.get(random.nextInt(keys.size()));
                        String[] read = new String[YcsbSchema.FIELD_COUNT];
                        assertThat(session.read(key, fields, read)).isTrue();
                        for (int i = 0; i < fields.size(); i++) {
                            assertThat(read[fields.field(i)]).startsWith(key + "/field" + fields.field(i) + "/");
                        }
                        pairs.add("read " + fields.mask());
                    }
                    case 2 -> {
                        String key = keys.get(random.nextInt(keys.size()));
                        String[] update = record(key, op);
                        assertThat(session.update(key, fields, update)).isTrue();
                        assertThat(session.read(key, fields, values)).isTrue();
                        assertThat(values[fields.field(0)]).isEqualTo(update[fields.field(0)]);
                        pairs.add("update " + fields.mask());
                        pairs.add("read " + fields.mask());
                    }
                    case 3 -> {
                        String key = keys.remove(random.nextInt(keys.size()));
                        assertThat(session.delete(key)).isTrue();
                        assertThat(session.delete(key)).isFalse();
                        pairs.add("delete");
                    }
                    default -> {
                        List<String> seen = new ArrayList<>();
                        int n = session.scan("user", 5, fields, (key, record) -> seen.add(key));
                        assertThat(n).isEqualTo(seen.size()).isEqualTo(5);
                        assertThat(seen).isSorted();
                        pairs.add("scan " + fields.mask());
                    }
                }
            }
        }
        assertThat(real.isClosed())
                .as("closing the session gives its connection back")
                .isTrue();
        assertThat(pairs)
                .as("the run used every operation with several field choices")
                .hasSizeGreaterThan(10);
        assertThat(prepared.get())
                .as("statements prepared for %s distinct (operation, fields) pairs", pairs.size())
                .isEqualTo(pairs.size());
    }

    private static String[] record(String key, int version) {
        String[] values = new String[YcsbSchema.FIELD_COUNT];
        for (int i = 0; i < values.length; i++) {
            values[i] = key + "/field" + i + "/" + version;
        }
        return values;
    }

    /** {@code real}, counting every statement prepared (or created) on it. */
    private static Connection counting(Connection real, AtomicInteger prepared) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("createStatement")) {
                prepared.incrementAndGet();
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(
                SessionPreparesOnceTest.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }
}
