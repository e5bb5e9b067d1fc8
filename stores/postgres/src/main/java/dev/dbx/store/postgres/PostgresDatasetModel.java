package dev.dbx.store.postgres;

import dev.dbx.core.dataset.Canonical;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlDatasetModel;
import dev.dbx.store.jdbc.SqlErrors;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL's model: normalized tables with primary keys at creation; foreign keys, secondary indexes, English
 * full-text GIN indexes on the comment columns and statistics after the load (see the schema resources). Loads through
 * {@code COPY ... FROM STDIN}, streamed; keys are looked up through the primary key's B-tree.
 */
final class PostgresDatasetModel extends SqlDatasetModel {
    PostgresDatasetModel(SqlConnections sql) {
        super(sql);
    }

    @Override
    protected String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + table + " CASCADE";
    }

    @Override
    protected void bulkLoad(Entity entity, RowStream rows) {
        String copySql = "COPY " + entity.name() + " (" + String.join(", ", entity.columnNames()) + ") FROM STDIN";
        try (Connection c = sql.connection()) {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
            CopyTextWriter out = new CopyTextWriter(copy);
            try {
                while (rows.hasNext()) {
                    out.row(rows.next());
                }
                out.finish();
            } catch (IOException e) {
                cancel(copy);
                throw new SQLException(e.getMessage(), e);
            } catch (RuntimeException e) {
                cancel(copy);
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.of(id, "COPY into " + entity.name(), e);
        }
    }

    /** The current row of {@code rs} as canonical values of {@code entity}'s columns, read from column 1 on. */
    Object[] row(ResultSet rs, Entity entity) throws SQLException {
        Object[] row = new Object[entity.columns().size()];
        for (int i = 0; i < row.length; i++) {
            Column column = entity.columns().get(i);
            row[i] = Canonical.value(column, read(rs, i + 1, column));
        }
        return row;
    }

    @Override
    public String loadMethod() {
        return "COPY FROM STDIN (text format, 256 KiB writes), one COPY per table";
    }

    /** Nothing of a failed COPY is committed: cancel it rather than end it. */
    private static void cancel(CopyIn copy) throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
