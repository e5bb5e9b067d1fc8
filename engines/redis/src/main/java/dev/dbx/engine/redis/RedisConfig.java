package dev.dbx.engine.redis;

import dev.dbx.engine.EngineContext;
import dev.dbx.engine.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The server's whole configuration, {@code <home>/redis.conf}: owner-only (mode 0600, made so before the secret is
 * written into it), rewritten on every start, and the only argument of {@code redis-server}, so that the lab's secret
 * never appears on a command line (which every user of the machine can read in {@code ps}).
 *
 * <p>Clients must log in as {@value dev.dbx.engine.LabSecret#USER} with the lab's secret (ACL users, Redis 6+): the
 * {@code default} user is reset, which leaves it off, with no password, no keys and no commands, so a connection that
 * does not AUTH gets {@code NOAUTH} for everything. dbx's user may run every command except Redis's own
 * {@code @dangerous} category (CONFIG SET/REWRITE, SAVE/BGSAVE, FLUSHALL/FLUSHDB, DEBUG, SHUTDOWN, MODULE, REPLICAOF,
 * MIGRATE/RESTORE, ACL, MONITOR, KEYS, SORT, CLIENT KILL/LIST, ...), given back only what dbx itself sends:
 *
 * <ul>
 *   <li>{@code INFO}: the server's identity and persistence state (the store, the probe, the load benchmark);
 *   <li>{@code CONFIG GET}: the persistence settings the store reports as its semantics (read only);
 *   <li>{@code BGREWRITEAOF}: the load benchmark compacts the append-only file before every timed run; it writes
 *       only into the server's own directory, which nobody can change (CONFIG SET is denied);
 *   <li>{@code CLIENT SETNAME/GETNAME/ID}: Lettuce names its connections "dbx" (6.2 files all of CLIENT under
 *       {@code @dangerous}; 7.0 only its administrative subcommands).
 * </ul>
 *
 * Denying {@code CONFIG SET} closes the known way from a Redis login to a file anywhere the server's user may write
 * ({@code CONFIG SET dir} + {@code SAVE}, or an AOF rewrite after it). The rules are understood alike by Redis 6.2 and
 * 7.0 (a subcommand that 7.0 does not know, such as CLIENT SETINFO, would keep 7.0 from starting, so none is named).
 *
 * <p>Automatic AOF rewrites are off ({@code auto-aof-rewrite-percentage 0}): a rewrite forks and copies the whole
 * dataset, and would land in whichever timed run crosses the size threshold. The load benchmark used to hold them off
 * itself with CONFIG SET, which dbx's user may no longer run; with the setting here it compacts the file explicitly
 * (BGREWRITEAOF) before each run instead. The cost: the append-only file grows with every write until the next
 * BGREWRITEAOF (a load benchmark, or {@code redis-cli --user dbx BGREWRITEAOF} with the secret in REDISCLI_AUTH), and a
 * restart replays all of it.
 */
final class RedisConfig {
    static final String FILE = "redis.conf";

    /**
     * What dbx's user may run. {@code ~*} every key, {@code &*} every Pub/Sub channel, then every command but the
     * dangerous ones, then the few of those dbx needs.
     */
    static final List<String> DBX_RULES = List.of(
            "~*",
            "&*",
            "+@all",
            "-@dangerous",
            "+info",
            "+config|get",
            "+bgrewriteaof",
            "+client|setname",
            "+client|getname",
            "+client|id");

    /** The lab's secret is base64url; anything else could break out of the config line. */
    private static final Pattern SAFE_SECRET = Pattern.compile("[A-Za-z0-9_-]{16,}");

    private RedisConfig() {}

    /** Writes {@code <home>/redis.conf} (owner-only) and returns its path. */
    static Path write(EngineContext ctx) throws IOException {
        Path file = ctx.home().resolve(FILE);
        // created 0600 (or made so) before anything is written into it
        PrivateFiles.createFile(file);
        Files.writeString(
                file,
                text(ctx),
                StandardCharsets.UTF_8,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }

    static String text(EngineContext ctx) {
        String secret = ctx.secret();
        if (secret == null || !SAFE_SECRET.matcher(secret).matches()) {
            throw new IllegalArgumentException("the lab's secret must be 16 or more base64url characters");
        }
        return String.join(
                "\n",
                "# Written by dbx on every start: edits are overwritten. Owner-only: it holds the lab's secret.",
                "port " + ctx.port(),
                "bind " + ctx.host(),
                "protected-mode yes",
                "daemonize no",
                "dir " + quoted(ctx.dataDir().toAbsolutePath().toString()),
                "logfile \"\"",
                "# persistence: an append-only file fsynced once a second, no RDB snapshots",
                "save \"\"",
                "appendonly yes",
                "appendfsync everysec",
                "# no automatic rewrite in the middle of a timed run: dbx compacts with BGREWRITEAOF between runs",
                "auto-aof-rewrite-percentage 0",
                "# nobody without the secret: the default user is off, with no password, keys or commands",
                "user default reset",
                "user " + ctx.user() + " reset on >" + secret + " " + String.join(" ", DBX_RULES),
                "");
    }

    /** A double-quoted config argument (Redis reads \\ and \" escapes inside one). */
    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
