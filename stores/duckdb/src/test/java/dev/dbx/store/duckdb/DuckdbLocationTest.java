package dev.dbx.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckdbLocationTest {
    @Test
    void anAbsolutePathNamesTheFile() {
        DuckdbLocation location = DuckdbLocation.parse(URI.create("duckdb:/data/dbx/dbx.duckdb"));
        assertThat(location.file()).isEqualTo(Path.of("/data/dbx/dbx.duckdb"));
        assertThat(location.directory()).isEqualTo(Path.of("/data/dbx"));
        assertThat(location.settings()).isEmpty();
    }

    @Test
    void aRelativePathIsResolvedAgainstTheWorkingDirectory() {
        DuckdbLocation location = DuckdbLocation.parse(URI.create("duckdb:target/x.duckdb?threads=2"));
        assertThat(location.file()).isEqualTo(Path.of("target/x.duckdb").toAbsolutePath());
        assertThat(location.settings()).isEqualTo(Map.of("threads", "2"));
    }

    @Test
    void uriOfRoundTripsAPathWithSpaces(@TempDir Path dir) {
        Path file = dir.resolve("my data").resolve("dbx.duckdb");
        assertThat(DuckdbLocation.parse(DuckdbLocation.uriOf(file)).file()).isEqualTo(file);
    }

    @Test
    void threadsAndMemoryLimitAreTheOnlyOptions() {
        DuckdbLocation location = DuckdbLocation.parse(URI.create("duckdb:/tmp/x.duckdb?threads=4&memory_limit=2GB"));
        assertThat(location.settings()).isEqualTo(Map.of("threads", "4", "memory_limit", "2GB"));

        assertThatThrownBy(() -> DuckdbLocation.parse(URI.create("duckdb:/tmp/x.duckdb?enable_external_access=true")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("unknown option 'enable_external_access'");
    }

    @Test
    void optionValuesAreCheckedBeforeReachingDuckdb() {
        assertThatThrownBy(() -> DuckdbLocation.parse(URI.create("duckdb:/tmp/x.duckdb?threads=0")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("threads has an invalid value '0'");
        assertThatThrownBy(() -> DuckdbLocation.parse(URI.create("duckdb:/tmp/x.duckdb?memory_limit=1GB%27%3B")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("memory_limit has an invalid value");
    }

    @Test
    void aServerAddressABadPathOrNoPathIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> DuckdbLocation.parse(URI.create("duckdb://host:5432/x.duckdb")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("a local file, not a server");
        assertThatThrownBy(() -> DuckdbLocation.parse(URI.create("duckdb:?threads=2")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("names no database file");
        assertThatThrownBy(() -> DuckdbLocation.parse(URI.create("duckdb:/tmp/x.duckdb;access_mode=read_only")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("contains ';'");
        assertThatThrownBy(() -> DuckdbLocation.parse(DuckdbLocation.uriOf(dir)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void aMissingDirectoryIsRefusedWithAHint() {
        DuckdbLocation location = DuckdbLocation.parse(URI.create("duckdb:/no/such/directory/dbx.duckdb"));
        assertThatThrownBy(location::requireWritableDirectory)
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("directory /no/such/directory does not exist")
                .satisfies(e -> assertThat(((DbxException) e).hint()).contains("duckdb:/path/to/dbx.duckdb"));
    }
}
