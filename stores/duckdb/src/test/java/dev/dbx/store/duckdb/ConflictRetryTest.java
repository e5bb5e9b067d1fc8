package dev.dbx.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {
    private static DbxException conflict() {
        return new DbxException(
                "duckdb: update failed", null, new SQLException("TransactionContext Error: Conflict on update!"));
    }

    @Test
    void aLostConflictIsRunAgainUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        ConflictRetry retry = new ConflictRetry(Duration.ofSeconds(5));
        boolean result = retry.run(() -> {
            if (attempts.incrementAndGet() < 4) {
                throw conflict();
            }
            return true;
        });
        assertThat(result).isTrue();
        assertThat(attempts).hasValue(4);
        assertThat(retry.retries()).as("every run again is counted").isEqualTo(3);
        retry.run(() -> true);
        assertThat(retry.retries()).as("a write that wins at once adds nothing").isEqualTo(3);
    }

    @Test
    void otherErrorsAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        ConflictRetry retry = new ConflictRetry(Duration.ofSeconds(5));
        assertThatThrownBy(() -> retry.run(() -> {
                    attempts.incrementAndGet();
                    throw new DbxException(
                            "duckdb: insert failed",
                            null,
                            new SQLException("Constraint Error: Duplicate key \"ycsb_key: a\""));
                }))
                .hasMessageContaining("insert failed");
        assertThat(attempts).hasValue(1);
        assertThat(retry.retries()).isZero();
    }

    @Test
    void aConflictThatOutlastsTheTimeoutIsReported() {
        assertThatThrownBy(() -> new ConflictRetry(Duration.ofMillis(50)).run(() -> {
                    throw conflict();
                }))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("update failed");
    }
}
