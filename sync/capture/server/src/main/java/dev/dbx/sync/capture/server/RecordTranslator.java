package dev.dbx.sync.capture.server;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Canonical;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.ColumnType;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.sync.Change;
import dev.dbx.core.sync.ChangeEvent;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns one Debezium record into a dbx {@link ChangeEvent}: a snapshot read, insert or update into an upsert carrying
 * the after-image as canonical values of the entity's columns; a delete into a delete by key (the record key holds the
 * primary key whatever the table's replica identity). The commit time is the source's {@code ts_ms} (0 for snapshot
 * reads), the position its LSN. Records that are no row change of the dataset (Debezium's heartbeats, the heartbeat
 * table's writes) give nothing; a change of a table the dataset does not have is an error.
 */
final class RecordTranslator {
    private final Dataset dataset;
    private final String heartbeatTable;

    RecordTranslator(Dataset dataset, String heartbeatTable) {
        this.dataset = dataset;
        // "public.dbx_heartbeat" -> "dbx_heartbeat": Debezium's source block names schema and table apart
        this.heartbeatTable = heartbeatTable.substring(heartbeatTable.indexOf('.') + 1);
    }

    Optional<ChangeEvent> translate(SourceRecord record) {
        if (!(record.value() instanceof Struct value) || value.schema().field("op") == null) {
            return Optional.empty();
        }
        String op = value.getString("op");
        Struct source = value.getStruct("source");
        String table = source.getString("table");
        if (table.equals(heartbeatTable)) {
            return Optional.empty();
        }
        Entity entity = entity(table);
        Change change = switch (op) {
            case "r", "c", "u" -> Change.upsert(entity, row(entity, value.getStruct("after")));
            case "d" -> Change.delete(entity, key(entity, (Struct) record.key()));
            // truncates are skipped by the connector's default settings; logical messages are not rows
            default -> null;
        };
        if (change == null) {
            return Optional.empty();
        }
        long committedAt = "r".equals(op) ? 0L : source.getInt64("ts_ms");
        Long lsn = source.getInt64("lsn");
        return Optional.of(new ChangeEvent(dataset.name(), change, committedAt, lsn == null ? "" : lsnText(lsn)));
    }

    /** PostgreSQL's notation of an LSN: the high and low 32 bits in hexadecimal, e.g. "0/16B3748". */
    static String lsnText(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase() + "/"
                + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase();
    }

    private Entity entity(String table) {
        for (Entity e : dataset.entities()) {
            if (e.name().equals(table)) {
                return e;
            }
        }
        throw new DbxException("a change of table " + table + ", which dataset " + dataset.name() + " does not have");
    }

    private static Object[] row(Entity entity, Struct after) {
        if (after == null) {
            throw new DbxException("a change of " + entity.name() + " without its row (no 'after' in the record)");
        }
        Object[] row = new Object[entity.columns().size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = value(entity, entity.columns().get(i), after);
        }
        return row;
    }

    private static List<Object> key(Entity entity, Struct key) {
        if (key == null) {
            throw new DbxException(
                    "a delete of " + entity.name() + " without a key (does the table have a primary key?)");
        }
        List<Object> values = new ArrayList<>();
        for (String column : entity.primaryKey()) {
            values.add(value(entity, entity.column(column), key));
        }
        return values;
    }

    private static Object value(Entity entity, Column column, Struct struct) {
        if (struct.schema().field(column.name()) == null) {
            throw new DbxException("the captured table " + entity.name() + " has no column " + column.name());
        }
        Object raw = struct.get(column.name());
        if (column.type() == ColumnType.DATE) {
            // io.debezium.time.Date: days since the epoch (time.precision.mode=adaptive); Kafka Connect's Date type
            // (time.precision.mode=connect) is a java.util.Date at UTC midnight
            if (raw instanceof Integer days) {
                return LocalDate.ofEpochDay(days);
            }
            if (raw instanceof java.util.Date date) {
                return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
            }
        }
        return Canonical.value(column, raw);
    }
}
