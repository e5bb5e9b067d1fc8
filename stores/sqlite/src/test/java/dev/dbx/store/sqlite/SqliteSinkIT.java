package dev.dbx.store.sqlite;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.Stores;
import dev.dbx.store.testkit.SinkContractIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The sink contract against a real SQLite database file (SQLite is embedded: the library is the engine). */
class SqliteSinkIT extends SinkContractIT {
    @Override
    protected String storeId() {
        return "sqlite";
    }

    @Override
    protected URI start() {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "sqlite-sink-");
            return SqliteStoreProvider.uriOf(dir.toAbsolutePath().resolve("sink.sqlite"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sink switches foreign keys off on its connection for a batch: the connection goes back to the pool with them
     * on. With a pool of one, the load after a batch runs on the very connection the batch used, and a line item of an
     * order that does not exist is refused.
     */
    @Test
    @Order(10)
    void theConnectionABatchUsedEnforcesForeignKeysAgainAfterIt() {
        try (Store one = Stores.open(new StoreConfig(storeId(), uri(), Duration.ofSeconds(30)).withPoolSize(1))) {
            one.require(Sink.class).apply(TpchSchema.DATASET, script().second());
            Object[] orphan = firstLineItem();
            orphan[TpchSchema.LINEITEM.indexOf("l_orderkey")] = 8_000_000L;
            assertThatThrownBy(() -> one.require(DatasetModel.class).load(lineItems(List.<Object[]>of(orphan))))
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("FOREIGN KEY constraint failed");
        }
    }

    private Object[] firstLineItem() {
        for (var change : script().second()) {
            if (change.entity() == TpchSchema.LINEITEM && !change.isDelete()) {
                return change.row().clone();
            }
        }
        throw new AssertionError("the script upserts a line item");
    }

    private static DatasetSource lineItems(List<Object[]> rows) {
        Entity lineitem = TpchSchema.LINEITEM;
        return new DatasetSource() {
            @Override
            public Dataset dataset() {
                return TpchSchema.DATASET;
            }

            @Override
            public List<Entity> entities() {
                return List.of(lineitem);
            }

            @Override
            public long rowCount(Entity entity) {
                return rows.size();
            }

            @Override
            public String description() {
                return "one line item of an order that does not exist";
            }

            @Override
            public RowStream rows(Entity entity) {
                Iterator<Object[]> it = rows.iterator();
                return new RowStream() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Object[] next() {
                        return it.next();
                    }
                };
            }
        };
    }
}
