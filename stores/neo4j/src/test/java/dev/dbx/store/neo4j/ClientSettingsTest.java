package dev.dbx.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Config;

class ClientSettingsTest {
    @Test
    void thePoolIsAsLargeAsAskedAndEveryWaitIsBounded() {
        Config config = ClientSettings.of(Duration.ofSeconds(7), 3);
        assertThat(config.maxConnectionPoolSize()).isEqualTo(3);
        assertThat(config.connectionTimeoutMillis()).isEqualTo(7_000);
        assertThat(config.connectionAcquisitionTimeoutMillis()).isEqualTo(7_000);
        assertThat(ClientSettings.of(Duration.ofSeconds(7), ClientSettings.DEFAULT_POOL_SIZE)
                        .maxConnectionPoolSize())
                .isEqualTo(ClientSettings.DEFAULT_POOL_SIZE);
        assertThat(TimeUnit.MILLISECONDS.toSeconds(config.idleTimeBeforeConnectionTest()))
                .isEqualTo(ClientSettings.IDLE_BEFORE_CHECK.toSeconds());
    }
}
