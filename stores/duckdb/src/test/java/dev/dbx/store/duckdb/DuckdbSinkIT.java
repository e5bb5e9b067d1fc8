package dev.dbx.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.Stores;
import dev.dbx.store.testkit.SinkContractIT;
import dev.dbx.sync.verify.Verifier;
import dev.dbx.sync.verify.VerifyReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The sink contract against a real DuckDB database file (DuckDB is embedded: the library is the engine). */
class DuckdbSinkIT extends SinkContractIT {
    @Override
    protected String storeId() {
        return "duckdb";
    }

    @Override
    protected URI start() {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "duckdb-sink-");
            return DuckdbLocation.uriOf(dir.toAbsolutePath().resolve("sink.duckdb"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * DuckDB lets one process open a database file, so a verify runs in the process that syncs: here a second store on
     * the file, sharing its DuckDB instance. Its scans read committed snapshots while batches are applied: applying
     * the script's last batch again changes nothing once committed, so a verify that saw a batch half-applied (a
     * changed key's row deleted, not yet inserted) would find rows missing.
     */
    @Test
    @Order(10)
    void aVerifyReadsCommittedRowsWhileTheSinkApplies() throws Exception {
        Sink sink = store().require(Sink.class);
        AtomicBoolean verifying = new AtomicBoolean(true);
        AtomicInteger applied = new AtomicInteger();
        CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
            while (verifying.get() || applied.get() == 0) {
                sink.apply(TpchSchema.DATASET, script().second());
                applied.incrementAndGet();
            }
        });
        try (Store reader = Stores.open(new StoreConfig(storeId(), uri(), Duration.ofSeconds(30)))) {
            for (int i = 0; i < 2; i++) {
                VerifyReport report = Verifier.verify(script().expected(), List.of(reader));
                assertThat(report.differences())
                        .as("what verify found while batches applied")
                        .isEmpty();
            }
        } finally {
            verifying.set(false);
        }
        writes.get(60, TimeUnit.SECONDS);
        assertThat(applied.get()).as("batches applied while verify read").isPositive();
    }
}
