package dev.dbx.engine.clickhouse;

import dev.dbx.engine.EngineContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A standalone server configuration (config.xml + users.xml under {@code <home>/config}), so that clickhouse-server
 * runs in the foreground as the current user without systemd or anything under /etc, /var/lib or /var/log. Rewritten
 * on every start (it only follows from the context), which keeps a relaunch on an existing data directory harmless.
 *
 * <p>Keys are those of the 2018 server (18.16, root element {@code <yandex>}), which current servers still accept. The
 * server ignores unknown keys in config.xml but refuses unknown settings in a users.xml profile, and 18.16 does not
 * start without {@code mark_cache_size} (it has no default there).
 */
final class ClickHouseConfig {
    private static final long MIB = 1024L * 1024;

    // No interserver_http_port (no replication), no openSSL/https, no remote_servers/zookeeper: one local server.
    // Logs go to the console, which the supervisor appends to <home>/server.log.
    private static final String CONFIG = """
            <?xml version="1.0"?>
            <!-- Written by dbx on every start: edits are overwritten. -->
            <yandex>
                <logger>
                    <level>information</level>
                    <console>1</console>
                </logger>

                <listen_host>%s</listen_host>
                <http_port>%d</http_port>
                <tcp_port>%d</tcp_port>

                <path>%s</path>
                <tmp_path>%s</tmp_path>
                <user_files_path>%s</user_files_path>
                <format_schema_path>%s</format_schema_path>

                <users_config>%s</users_config>
                <default_profile>default</default_profile>
                <default_database>default</default_database>

                <!-- sized for a small lab, not a production host -->
                <max_connections>256</max_connections>
                <max_concurrent_queries>32</max_concurrent_queries>
                <keep_alive_timeout>3</keep_alive_timeout>
                <mark_cache_size>%d</mark_cache_size>
                <uncompressed_cache_size>%d</uncompressed_cache_size>
                <mlock_executable>false</mlock_executable>
            </yandex>
            """;

    // The default user has no password and is reachable from the loopback address only. The background pools shrink
    // from 16 threads each (the server reads them from the default profile at start).
    private static final String USERS = """
            <?xml version="1.0"?>
            <!-- Written by dbx on every start: edits are overwritten. -->
            <yandex>
                <profiles>
                    <default>
                        <max_memory_usage>2147483648</max_memory_usage>
                        <use_uncompressed_cache>0</use_uncompressed_cache>
                        <background_pool_size>4</background_pool_size>
                        <background_schedule_pool_size>4</background_schedule_pool_size>
                    </default>
                </profiles>

                <users>
                    <default>
                        <password></password>
                        <networks>
                            <ip>%s</ip>
                        </networks>
                        <profile>default</profile>
                        <quota>default</quota>
                    </default>
                </users>

                <quotas>
                    <default>
                        <interval>
                            <duration>3600</duration>
                            <queries>0</queries>
                            <errors>0</errors>
                            <result_rows>0</result_rows>
                            <read_rows>0</read_rows>
                            <execution_time>0</execution_time>
                        </interval>
                    </default>
                </quotas>
            </yandex>
            """;

    private ClickHouseConfig() {}

    /** Writes both files and returns the path of config.xml. */
    static Path write(EngineContext ctx) throws IOException {
        Path dir = ctx.home().resolve("config");
        Files.createDirectories(dir);
        Path users = dir.resolve("users.xml");
        Files.writeString(users, USERS.formatted(xml(ctx.host())), StandardCharsets.UTF_8);
        Path config = dir.resolve("config.xml");
        Files.writeString(config, config(ctx, users), StandardCharsets.UTF_8);
        return config;
    }

    static String config(EngineContext ctx, Path users) {
        Path data = ctx.dataDir().toAbsolutePath();
        return CONFIG.formatted(
                xml(ctx.host()),
                ctx.port(0),
                ctx.port(1),
                directory(data),
                directory(data.resolve("tmp")),
                directory(data.resolve("user_files")),
                directory(data.resolve("format_schemas")),
                xml(users.toAbsolutePath().toString()),
                64 * MIB,
                64 * MIB);
    }

    /** The server wants directories with a trailing slash. */
    private static String directory(Path dir) {
        return xml(dir + "/");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
