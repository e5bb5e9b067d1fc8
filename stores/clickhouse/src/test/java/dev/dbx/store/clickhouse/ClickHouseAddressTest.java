package dev.dbx.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.store.Stores;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClickHouseAddressTest {
    @Test
    void aFullUriGivesEndpointCredentialsAndDatabase() {
        ClickHouseAddress a = ClickHouseAddress.parse(URI.create("clickhouse://dbx:s%40cret@db.example:9000/tpch"));

        assertThat(a.endpoint()).isEqualTo("http://db.example:9000");
        assertThat(a.user()).isEqualTo("dbx");
        assertThat(a.password()).isEqualTo("s@cret");
        assertThat(a.database()).isEqualTo("tpch");
        assertThat(a.toString()).doesNotContain("cret");
    }

    @Test
    void defaultsAreTheHttpPortTheDefaultUserAndTheDefaultDatabase() {
        ClickHouseAddress a = ClickHouseAddress.parse(URI.create("clickhouse://localhost"));

        assertThat(a.endpoint()).isEqualTo("http://localhost:8123");
        assertThat(a.user()).isEqualTo("default");
        assertThat(a.password()).isEmpty();
        assertThat(a.database()).isEqualTo("default");
    }

    @Test
    void httpsUsesTls() {
        assertThat(ClickHouseAddress.parse(URI.create("clickhouse+https://h/db"))
                        .endpoint())
                .isEqualTo("https://h:8443");
        assertThat(ClickHouseAddress.parse(URI.create("clickhouse+http://[::1]:8124/"))
                        .endpoint())
                .isEqualTo("http://[::1]:8124");
    }

    @Test
    void malformedUrisAreRefusedWithAnExample() {
        for (String bad : new String[] {"clickhouse:nohost", "clickhouse:///db", "clickhouse://h/a/b"}) {
            assertThatThrownBy(() -> ClickHouseAddress.parse(URI.create(bad)))
                    .as(bad)
                    .isInstanceOf(DbxException.class)
                    .satisfies(e -> assertThat(((DbxException) e).hint()).contains("clickhouse://"));
        }
    }

    @Test
    void theProviderIsFoundAndRefusesOtherSchemes() {
        assertThat(Stores.provider("clickhouse")).isInstanceOf(ClickHouseStoreProvider.class);
        assertThatThrownBy(() ->
                        Stores.open("clickhouse", URI.create("postgresql://u:secret@h/db"), Duration.ofSeconds(1)))
                .isInstanceOf(DbxException.class)
                .hasMessageNotContaining("secret");
    }
}
