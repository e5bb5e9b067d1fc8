package dev.dbx.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.engine.EngineContractIT;
import dev.dbx.engine.EngineState;
import dev.dbx.engine.EngineStatus;
import dev.dbx.engine.Processes;
import dev.dbx.engine.RunningEngine;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PostgresEngineIT extends EngineContractIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Override
    protected String engineName() {
        return "postgres";
    }

    @Override
    protected String expectedProduct() {
        return "PostgreSQL";
    }

    @Override
    protected String expectedVersionPrefix() {
        return "17.";
    }

    @Test
    void dataWrittenSurvivesAStopAndStartOnTheSameDataDirectory() throws SQLException {
        try (RunningEngine pg = RunningEngine.start("postgres")) {
            execute(pg.uri(), "CREATE TABLE survivor (id int PRIMARY KEY, name text NOT NULL)");
            execute(pg.uri(), "INSERT INTO survivor VALUES (1, 'kept')");
            long firstPid = pg.pid();

            pg.supervisor().down(pg.engine());
            assertThat(Processes.isRunning(firstPid)).isFalse();
            EngineStatus again = pg.supervisor().up(pg.engine());

            assertThat(again.state()).isEqualTo(EngineState.running);
            assertThat(again.pid()).isNotEqualTo(firstPid);
            assertThat(again.uri()).isEqualTo(pg.uri());
            assertThat(queryOne(pg.uri(), "SELECT name FROM survivor WHERE id = 1"))
                    .isEqualTo("kept");
        }
    }

    @Test
    void runsWithTheSettingsChangeDataCaptureNeeds() throws SQLException {
        try (RunningEngine pg = RunningEngine.start("postgres")) {
            assertThat(queryOne(pg.uri(), "SHOW wal_level")).isEqualTo("logical");
            assertThat(queryOne(pg.uri(), "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(queryOne(pg.uri(), "SHOW max_replication_slots")).isEqualTo("10");
            assertThat(queryOne(pg.uri(), "SHOW listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(queryOne(pg.uri(), "SELECT current_database()")).isEqualTo("dbx");
            assertThat(queryOne(pg.uri(), "SHOW server_encoding")).isEqualTo("UTF8");
            // what Debezium does first: a logical replication slot with the pgoutput plugin
            assertThat(queryOne(
                            pg.uri(), "SELECT slot_name FROM pg_create_logical_replication_slot('dbx_it', 'pgoutput')"))
                    .isEqualTo("dbx_it");
            execute(pg.uri(), "SELECT pg_drop_replication_slot('dbx_it')");
        }
    }

    @Test
    void theSupervisedProcessIsThePostmasterItself() throws IOException {
        try (RunningEngine pg = RunningEngine.start("postgres")) {
            // unshare (as root) and setsid must have exec'd: the PID dbx signals is postgres, not a wrapper
            String cmdline = Files.readString(Path.of("/proc", Long.toString(pg.pid()), "cmdline"))
                    .replace('\0', ' ');
            assertThat(cmdline).contains("bin/postgres -D ").doesNotContain("unshare");
            assertThat(ProcessHandle.of(pg.pid()).orElseThrow().children()).isNotEmpty();
        }
    }

    private static void execute(URI uri, String sql) throws SQLException {
        try (Connection c = PostgresConnections.open(uri, TIMEOUT);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String queryOne(URI uri, String sql) throws SQLException {
        try (Connection c = PostgresConnections.open(uri, TIMEOUT);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from %s", sql).isTrue();
            return rs.getString(1);
        }
    }
}
