package dev.dbx.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.store.Stores;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;

/** Store URIs, read without a server: credentials, database, and clear errors that never show the password. */
class BoltTargetTest {
    @Test
    void aPlainUriMeansNoAuthenticationAndTheDefaultDatabase() {
        BoltTarget target = BoltTarget.parse(URI.create("bolt://127.0.0.1:7687"));
        assertThat(target.user()).isNull();
        assertThat(target.database()).isNull();
        assertThat(target.authToken()).isEqualTo(AuthTokens.none());
        assertThat(target.driverUri()).hasToString("bolt://127.0.0.1:7687");
    }

    @Test
    void credentialsAndDatabaseComeOutOfTheUriTheDriverSees() {
        BoltTarget target = BoltTarget.parse(URI.create("neo4j+s://neo4j:s%40cret@db.example.net:7687/movies"));
        assertThat(target.user()).isEqualTo("neo4j");
        assertThat(target.password()).isEqualTo("s@cret");
        assertThat(target.database()).isEqualTo("movies");
        assertThat(target.authToken()).isEqualTo(AuthTokens.basic("neo4j", "s@cret"));
        assertThat(target.driverUri()).hasToString("neo4j+s://db.example.net:7687");
        assertThat(target.where())
                .doesNotContain("cret")
                .contains("db.example.net")
                .contains("movies");
    }

    @Test
    void aRoutingContextIsKeptForTheDriver() {
        BoltTarget target = BoltTarget.parse(URI.create("neo4j://host:7687?region=eu"));
        assertThat(target.driverUri()).hasToString("neo4j://host:7687?region=eu");
    }

    @Test
    void aUriWithoutHostIsRefusedClearly() {
        assertThatThrownBy(() -> BoltTarget.parse(URI.create("bolt://neo4j:secret@:7687")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("names no host")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aPathOfMoreThanOneSegmentIsRefused() {
        assertThatThrownBy(() -> BoltTarget.parse(URI.create("bolt://neo4j:secret@host/a/b")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("one database name")
                .hasMessageNotContaining("secret");
    }

    @Test
    void anotherSchemeIsRefused() {
        assertThatThrownBy(() -> BoltTarget.parse(URI.create("http://user:secret@host:7474")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("not a Neo4j URI")
                .hasMessageNotContaining("secret");
    }

    @Test
    void theDriversOwnUriChecksBecomeAClearErrorWithoutThePassword() {
        // a routing context is for neo4j:// only; the driver refuses it on bolt:// before connecting
        assertThatThrownBy(() -> Stores.open(
                        "neo4j", URI.create("bolt://neo4j:secret@127.0.0.1:1?policy=x"), Duration.ofSeconds(2)))
                .isInstanceOf(DbxException.class)
                .hasMessageNotContaining("secret")
                .satisfies(e -> assertThat(((DbxException) e).hint()).contains("bolt://"));
    }

    @Test
    void theProviderIsFoundByItsSchemes() {
        assertThat(Stores.provider("neo4j").schemes()).containsExactlyInAnyOrderElementsOf(BoltTarget.SCHEMES);
        assertThat(Stores.provider("neo4j").accepts(URI.create("neo4j+ssc://host")))
                .isTrue();
    }
}
