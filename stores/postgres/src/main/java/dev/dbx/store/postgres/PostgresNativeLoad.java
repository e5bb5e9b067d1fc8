package dev.dbx.store.postgres;

import dev.dbx.core.capability.NativeBulkLoad;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.store.jdbc.SqlDatasetModel;
import java.net.URI;
import java.nio.file.Path;

/** PostgreSQL's own client-side bulk path, {@code psql \copy} (see {@link PsqlCopy}), the baseline for dbx's COPY. */
final class PostgresNativeLoad implements NativeBulkLoad {
    private final URI uri;

    PostgresNativeLoad(URI uri) {
        this.uri = uri;
    }

    @Override
    public String nativeLoader() {
        return new PsqlCopy(uri).describe();
    }

    @Override
    public void loadNative(Dataset dataset, Entity entity, Path file) {
        new PsqlCopy(uri).load(SqlDatasetModel.safe(entity).name(), entity.columnNames(), file);
    }
}
