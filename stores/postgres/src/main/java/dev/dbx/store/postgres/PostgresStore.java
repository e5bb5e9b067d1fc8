package dev.dbx.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.dbx.core.capability.NativeBulkLoad;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.store.jdbc.JdbcStore;
import dev.dbx.store.jdbc.SqlErrors;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL: normalized tables with primary keys at creation; foreign keys, secondary indexes, English full-text GIN
 * indexes on the comment columns and statistics after the load (see the schema resources). Loads through
 * {@code COPY ... FROM STDIN}, streamed.
 */
final class PostgresStore extends JdbcStore implements NativeBulkLoad {
    private final HikariDataSource pool;

    PostgresStore(URI uri, HikariDataSource pool) {
        super("postgres", uri, pool);
        this.pool = pool;
    }

    @Override
    public ServerIdentity identity() {
        // "PostgreSQL 17.11 on x86_64-pc-linux-gnu, ..." - the product is what the server calls itself
        String version = queryString("SELECT version()");
        String product = version.split(" ", 2)[0];
        return new ServerIdentity(product, queryString("SELECT current_setting('server_version')"));
    }

    @Override
    protected String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + table + " CASCADE";
    }

    @Override
    protected void bulkLoad(Entity entity, RowStream rows) {
        String sql = "COPY " + entity.name() + " (" + String.join(", ", entity.columnNames()) + ") FROM STDIN";
        try (Connection c = connection()) {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
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

    @Override
    public String nativeLoader() {
        return new PsqlCopy(uri).describe();
    }

    @Override
    public void loadNative(Dataset dataset, Entity entity, Path file) {
        new PsqlCopy(uri).load(safe(entity).name(), entity.columnNames(), file);
    }

    /** Nothing of a failed COPY is committed: cancel it rather than end it. */
    private static void cancel(CopyIn copy) throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
