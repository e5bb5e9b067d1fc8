package dev.dbx.store.duckdb;

import dev.dbx.core.capability.NativeBulkLoad;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlDatasetModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** DuckDB's own CSV reader (parallel), the baseline for dbx's table-function load. */
final class DuckdbNativeLoad implements NativeBulkLoad {
    private final SqlConnections sql;

    DuckdbNativeLoad(SqlConnections sql) {
        this.sql = sql;
    }

    @Override
    public String nativeLoader() {
        return "DuckDB COPY / read_csv (" + sql.queryString("SELECT version()") + ")";
    }

    /**
     * A table the model keeps sorted (see {@link LoadOrder}) is read with {@code read_csv} and sorted in the same
     * INSERT, as dbx's load does, so both end with the same table; any other is a plain COPY.
     */
    @Override
    public void loadNative(Dataset dataset, Entity entity, Path file) {
        Entity table = SqlDatasetModel.safe(entity);
        String path = "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
        Optional<String> orderBy = LoadOrder.of(dataset.name()).orderBy(table.name());
        String sql = orderBy.isEmpty()
                ? "COPY " + table.name() + " FROM " + path + " (DELIMITER '|', HEADER false, QUOTE '', ESCAPE '')"
                : "INSERT INTO " + table.name() + " SELECT * FROM read_csv(" + path
                        + ", delim = '|', header = false, quote = '', escape = '', columns = " + csvColumns(table)
                        + ") ORDER BY " + orderBy.get();
        this.sql.execute("loading " + table.name() + " with DuckDB's CSV reader", List.of(sql));
    }

    /** read_csv's {@code columns} struct: every column with its type in the table, in order. */
    private static String csvColumns(Entity entity) {
        return entity.columns().stream()
                .map(c -> "'" + c.name() + "': '"
                        + switch (c.type()) {
                            case INTEGER -> "BIGINT";
                            case DECIMAL -> "DECIMAL(" + c.length() + "," + c.scale() + ")";
                            case DATE -> "DATE";
                            case VARCHAR -> "VARCHAR";
                        }
                        + "'")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
