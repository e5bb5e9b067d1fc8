package dev.dbx.store.clickhouse;

import dev.dbx.core.DbxException;
import dev.dbx.core.Identifiers;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.Canonical;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.sync.Change;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies changes as new row versions (schema/tpch.sql): per batch, the last change of each key, then one streamed
 * {@code INSERT ... FORMAT TabSeparated} per entity whose rows are the upserted rows with {@code _deleted = 0} and, for
 * deletes, tombstones with {@code _deleted = 1}, the key, and the other columns at their types' defaults. Every row of
 * a batch carries the same {@code _version}, taken from a microsecond clock when the batch is applied: a batch applied
 * again (Kafka redelivers after a crash) writes the same rows under a newer version, which changes nothing a reader
 * sees, and a later batch always wins over an earlier one. No mutation ({@code ALTER TABLE ... DELETE} rewrites whole
 * parts in the background): each INSERT is one new part, which the server's background merges fold in. When
 * {@link #apply} returns, the server has stored every INSERT; when one fails, the INSERTs before it stay (applying the
 * batch again is safe). Values are made canonical before anything is sent, so a value a column cannot hold exactly
 * fails the batch by name, with nothing written. Readers that want the current rows read with FINAL and skip tombstones
 * (as the dataset model's scan and count do), or wait for {@code index()} to merge and purge. The clock is wall time:
 * between processes (a consumer group's members) the later batch wins as long as their clocks agree.
 */
final class ClickHouseSink implements Sink {
    private final ClickHouseSql sql;
    private final VersionClock clock;

    ClickHouseSink(ClickHouseSql sql, VersionClock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public String method() {
        return "a new row version per change: the last change of each key in the batch, one streamed INSERT per table"
                + " into a ReplacingMergeTree(_version) sorted by the key (deletes as tombstones, _deleted = 1),"
                + " the batch's version from a microsecond clock; reads collapse versions with FINAL";
    }

    @Override
    public void apply(Dataset dataset, List<Change> changes) {
        // entity -> canonical key -> the row the last change of that key leaves, entities in the order they came
        Map<Entity, Map<List<Object>, Object[]>> latest = new LinkedHashMap<>();
        for (Change change : changes) {
            Entity entity = target(dataset, change.entity());
            Object[] row = versionRow(entity, change);
            latest.computeIfAbsent(entity, e -> new LinkedHashMap<>()).put(key(entity, row), row);
        }
        if (latest.isEmpty()) {
            return;
        }
        Long version = clock.next();
        for (Map.Entry<Entity, Map<List<Object>, Object[]>> entry : latest.entrySet()) {
            Entity entity = entry.getKey();
            List<String> columns = new ArrayList<>(entity.columnNames());
            columns.add(RowVersions.version(entity.name()));
            columns.add(RowVersions.deleted(entity.name()));
            int versionIndex = entity.columns().size();
            sql.insert(
                    "applying " + entry.getValue().size() + " change(s) of " + entity.name(),
                    entity.name(),
                    columns,
                    out -> {
                        for (Object[] row : entry.getValue().values()) {
                            row[versionIndex] = version;
                            out.row(row);
                        }
                    });
        }
    }

    /**
     * The row a change writes, its values made canonical (a value the column cannot hold exactly is refused here, by
     * name), with room for the version and the deleted flag: the change's row, or for a delete its key and the other
     * columns at their defaults.
     */
    private static Object[] versionRow(Entity entity, Change change) {
        int width = entity.columns().size();
        Object[] row = new Object[width + 2];
        if (change.isDelete()) {
            System.arraycopy(defaults(entity), 0, row, 0, width);
            for (int i : entity.primaryKeyIndexes()) {
                row[i] = Canonical.value(entity.columns().get(i), change.row()[i]);
            }
            row[width + 1] = 1L;
        } else {
            System.arraycopy(Canonical.row(entity, change.row().clone()), 0, row, 0, width);
            row[width + 1] = 0L;
        }
        return row;
    }

    private static List<Object> key(Entity entity, Object[] row) {
        List<Object> key = new ArrayList<>();
        for (int i : entity.primaryKeyIndexes()) {
            key.add(row[i]);
        }
        return key;
    }

    /** The dataset's own entity of a change, checked: its name and columns reach SQL text. */
    private static Entity target(Dataset dataset, Entity changed) {
        Entity entity = dataset.entity(changed.name());
        if (!entity.columnNames().equals(changed.columnNames())) {
            throw new DbxException(
                    "clickhouse: a change of " + changed.name() + " has columns " + changed.columnNames()
                            + ", not the dataset " + dataset.name() + "'s " + entity.columnNames(),
                    "changes must come from the same dataset definition as the store's schema");
        }
        Identifiers.require("table name", entity.name());
        entity.columnNames().forEach(n -> Identifiers.require("column name", n));
        return entity;
    }

    /** A row of the columns' defaults, as ClickHouse would fill them in: what a tombstone holds outside its key. */
    private static Object[] defaults(Entity entity) {
        Object[] row = new Object[entity.columns().size()];
        for (int i = 0; i < row.length; i++) {
            Column column = entity.columns().get(i);
            row[i] = switch (column.type()) {
                case INTEGER -> 0L;
                case DECIMAL -> BigDecimal.ZERO;
                case DATE -> LocalDate.EPOCH;
                case VARCHAR -> "";
            };
        }
        return row;
    }
}
