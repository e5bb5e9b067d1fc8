package dev.dbx.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(7);

    @Test
    void thePoolSizeIsTheStoresUnlessTheUriSetsMaxPoolSize() {
        MongoClientSettings configured = ClientSettings.of(new ConnectionString("mongodb://h:1/dbx"), TIMEOUT, 12);
        assertThat(configured.getConnectionPoolSettings().getMaxSize()).isEqualTo(12);

        MongoClientSettings fromUri =
                ClientSettings.of(new ConnectionString("mongodb://h:1/dbx?maxPoolSize=3"), TIMEOUT, 12);
        assertThat(fromUri.getConnectionPoolSettings().getMaxSize()).isEqualTo(3);
    }

    @Test
    void nothingWaitsLongerThanTheTimeout() {
        MongoClientSettings settings = ClientSettings.of(new ConnectionString("mongodb://h:1/dbx"), TIMEOUT, 4);
        assertThat(settings.getConnectionPoolSettings().getMaxWaitTime(TimeUnit.MILLISECONDS))
                .isEqualTo(7_000);
        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(7_000);
        assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(7_000);
    }
}
