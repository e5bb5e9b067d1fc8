package dev.dbx.engine.clickhouse;

import dev.dbx.engine.EngineContext;
import dev.dbx.engine.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A standalone server configuration (config.xml + users.xml under {@code <home>/config}), so that clickhouse-server
 * runs in the foreground as the current user without systemd or anything under /etc, /var/lib or /var/log. Rewritten
 * on every start (it only follows from the context), which keeps a relaunch on an existing data directory harmless.
 *
 * <p>Keys are those of the 2018 server (18.16, root element {@code <yandex>}), which current servers still accept. The
 * server ignores unknown keys in config.xml but refuses unknown settings in a users.xml profile, and 18.16 does not
 * start without {@code mark_cache_size} (it has no default there).
 *
 * <p>The only user is {@value dev.dbx.engine.LabSecret#USER}, with the SHA-256 of the lab's secret
 * ({@code password_sha256_hex}: the secret itself is in no file of the server's), reachable from the loopback address
 * only. There is no {@code default} user: a request without credentials (the server then takes it for {@code default})
 * is refused with "Unknown user default" (code 192 on 18.16, 516 on current servers). 18.16 needs the default user for
 * nothing here: it is used by remote_servers, Distributed tables and ClickHouse dictionary sources, none of which this
 * configuration has. Both files are owner-only in an owner-only directory, and the server runs with umask 077 (its own
 * default is 027, which would leave the data group-readable).
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

                <!-- the server sets its own umask (027 by default): data, parts and metadata owner-only -->
                <umask>077</umask>

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

    // dbx's user alone, by the SHA-256 of the lab's secret, from the loopback address only; no default user. The
    // background pools shrink from 16 threads each (the server reads them from the default profile at start).
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
                    <%s>
                        <password_sha256_hex>%s</password_sha256_hex>
                        <networks>
                            <ip>%s</ip>
                        </networks>
                        <profile>default</profile>
                        <quota>default</quota>
                    </%s>
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

    /** Writes both files (owner-only, in an owner-only directory) and returns the path of config.xml. */
    static Path write(EngineContext ctx) throws IOException {
        Path dir = PrivateFiles.directory(ctx.home().resolve("config"));
        Path users = dir.resolve("users.xml");
        writePrivate(users, users(ctx));
        Path config = dir.resolve("config.xml");
        writePrivate(config, config(ctx, users));
        return config;
    }

    static String users(EngineContext ctx) {
        if (ctx.secret() == null || ctx.secret().isBlank()) {
            throw new IllegalArgumentException("the lab's secret is missing: ClickHouse would have no password");
        }
        String user = xml(ctx.user());
        return USERS.formatted(user, sha256Hex(ctx.secret()), xml(ctx.host()), user);
    }

    static String sha256Hex(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Created 0600 (or made so) before it is written, then rewritten whole. */
    private static void writePrivate(Path file, String text) throws IOException {
        PrivateFiles.createFile(file);
        Files.writeString(
                file, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
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
