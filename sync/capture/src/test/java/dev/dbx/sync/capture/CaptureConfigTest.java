package dev.dbx.sync.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.sync.CaptureSource;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureConfigTest {
    private static final CaptureSource SOURCE = new CaptureSource(
            "tpch", "dbx_tpch", "dbx_tpch", List.of("public.region"), "public.dbx_heartbeat", "SELECT 1");
    private static final URI PG = URI.create("postgresql://dbx:s@127.0.0.1:5432/dbx");
    private static final URI KAFKA = URI.create("kafka://dbx:s@127.0.0.1:19092");

    @Test
    void theDefaultsAreValid() {
        CaptureConfig config = CaptureConfig.of("tpch", SOURCE, PG, KAFKA);
        assertThat(config.partitions()).isEqualTo(4);
        assertThat(config.replicationUser()).isEqualTo("dbx_replication");
    }

    @Test
    void badSettingsAreClearErrors() {
        assertThatThrownBy(() -> CaptureConfig.of("tpch", SOURCE, PG, KAFKA).withPartitions(0))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("partitions must be 1 to 1000, not 0");
        assertThatThrownBy(() -> CaptureConfig.of("tpch", SOURCE, PG, URI.create("kafka://dbx:s@127.0.0.1")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("Kafka's URI with host and port");
        assertThatThrownBy(() -> CaptureConfig.of("tpch", SOURCE, PG, KAFKA).withHeartbeat(Duration.ZERO))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> CaptureConfig.of("tp-ch;", SOURCE, PG, KAFKA))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("invalid dataset name");
    }
}
