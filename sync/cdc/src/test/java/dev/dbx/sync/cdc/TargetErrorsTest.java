package dev.dbx.sync.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.DbxException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class TargetErrorsTest {
    @Test
    void connectionAndTimeoutFailuresAreTransientWhereverTheyAreInTheCauses() {
        assertThat(TargetErrors.transientShape(
                        new DbxException("write failed", null, new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(TargetErrors.transientShape(new RuntimeException(new SQLTransientConnectionException("pool"))))
                .isTrue();
        // PostgreSQL: 08006 connection failure, 40001 serialization failure, 57P01 admin shutdown
        assertThat(TargetErrors.transientShape(new SQLException("gone", "08006")))
                .isTrue();
        assertThat(TargetErrors.transientShape(new SQLException("retry", "40001")))
                .isTrue();
        assertThat(TargetErrors.transientShape(new SQLException("shutdown", "57P01")))
                .isTrue();
        assertThat(TargetErrors.transientShape(new java.util.concurrent.TimeoutException()))
                .isTrue();
    }

    @Test
    void constraintAndDataErrorsAreNot() {
        // 23502 not-null violation, 22003 numeric value out of range
        assertThat(TargetErrors.transientShape(new DbxException("write failed", null, new SQLException("x", "23502"))))
                .isFalse();
        assertThat(TargetErrors.transientShape(new SQLException("out of range", "22003")))
                .isFalse();
        assertThat(TargetErrors.transientShape(new SQLIntegrityConstraintViolationException("dup")))
                .isFalse();
        assertThat(TargetErrors.transientShape(new SQLException("no state"))).isFalse();
        assertThat(TargetErrors.transientShape(new IllegalArgumentException("bad value")))
                .isFalse();
        // an HTTP client's error answer is an IOException too (the search clients' ResponseException): a refusal
        assertThat(TargetErrors.transientShape(
                        new DbxException("index failed", null, new java.io.IOException("400 Bad Request"))))
                .isFalse();
        assertThat(TargetErrors.transientShape(new java.net.SocketTimeoutException("Read timed out")))
                .isTrue();
    }
}
