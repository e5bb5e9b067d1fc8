package dev.dbx.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Statement text and reports made without a server: literals, durability from settings. */
class ClickHouseTextTest {
    @Test
    void aStringLiteralIsTheHexOfItsUtf8Bytes() {
        assertThat(SqlLiteral.string("x")).isEqualTo("unhex('78')");
        assertThat(SqlLiteral.string("")).isEqualTo("unhex('')");
        assertThat(SqlLiteral.string("'); DROP TABLE t; --é"))
                .isEqualTo("unhex('27293B2044524F50205441424C4520743B202D2DC3A9')");
        StringBuilder prefix = new StringBuilder("SELECT 1 WHERE k = ");
        assertThat(SqlLiteral.append(prefix, "\u00ff\u0000").append(" FORMAT TabSeparated"))
                .hasToString("SELECT 1 WHERE k = unhex('C3BF00') FORMAT TabSeparated");
    }

    @Test
    void durabilityNamesTheSettingsFoundOrTheDefaultOfAnOldServer() {
        assertThat(ClickHouseDurability.describe(Map.of(), Map.of("fsync_metadata", "1")))
                .startsWith("no fsync_after_insert setting on this server")
                .contains("written without fsync")
                .endsWith("; fsync_metadata=1 (table metadata files are fsynced)");
        assertThat(ClickHouseDurability.describe(
                        Map.of("fsync_after_insert", "0", "fsync_part_directory", "0"), Map.of()))
                .startsWith("fsync_after_insert=0, fsync_part_directory=0 (parts written without fsync");
        assertThat(ClickHouseDurability.describe(
                        Map.of("fsync_after_insert", "1", "fsync_part_directory", "1"), Map.of("fsync_metadata", "0")))
                .isEqualTo("fsync_after_insert=1, fsync_part_directory=1 (each INSERT's part is fsynced before the"
                        + " INSERT is answered); fsync_metadata=0 (table metadata files are not fsynced)");
    }
}
