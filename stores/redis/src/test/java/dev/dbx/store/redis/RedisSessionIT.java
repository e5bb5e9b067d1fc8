package dev.dbx.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.RunningEngine;
import dev.dbx.workloads.dataset.YcsbData;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The key-value session's own blocking connection (Jedis) against a real server of its own, which these tests stop,
 * kill and freeze: it logs in as the lab's user, answers within the store's timeout or says why not, reports a dead
 * server in one clear line and picks a restarted one up again, leaves no connection behind, and keeps every key and
 * value byte for byte as any other client sees them.
 */
class RedisSessionIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private RunningEngine engine;
    private URI uri;
    private String secret;
    private RedisClient rawClient;
    private StatefulRedisConnection<String, String> rawConnection;

    @BeforeEach
    void start() {
        engine = RunningEngine.start("redis");
        uri = engine.uri();
        secret = uri.getUserInfo().substring(uri.getUserInfo().indexOf(':') + 1);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (rawClient != null) {
                rawConnection.close();
                rawClient.shutdown();
            }
        } finally {
            signal("CONT"); // in case a test stopped it and failed before letting it go
            engine.close();
        }
    }

    @Test
    void theSessionLogsInAsTheLabUserOnTheURIsDatabase() {
        RedisTarget target = RedisTarget.parse(URI.create(uri + "/3"), TIMEOUT);
        try (RedisConnector connector = new RedisConnector(target, TIMEOUT)) {
            redis.clients.jedis.Connection connection = connector.connectBlocking();
            try {
                // the default user is off on the lab's server: any answer at all means it logged in as dbx
                connection.sendCommand(redis.clients.jedis.Protocol.Command.CLIENT, "GETNAME");
                assertThat(connection.getBulkReply()).isEqualTo("dbx");
                connection.sendCommand(redis.clients.jedis.Protocol.Command.SET, "on-db-3", "x");
                assertThat(connection.getStatusCodeReply()).isEqualTo("OK");
            } finally {
                connection.close();
            }
        }
        redis().select(3);
        assertThat(redis().get("on-db-3")).as("written to the URI's database").isEqualTo("x");
        redis().del("on-db-3");
        redis().select(0);

        String hostPort = uri.getHost() + ":" + uri.getPort();
        for (String refused : List.of(
                "redis://dbx:not-the-lab-secret@" + hostPort,
                "redis://" + hostPort,
                "redis://:" + secret + "@" + hostPort)) {
            RedisTarget wrong = RedisTarget.parse(URI.create(refused), TIMEOUT);
            try (RedisConnector connector = new RedisConnector(wrong, TIMEOUT)) {
                assertThatThrownBy(connector::connectBlocking)
                        .as(refused.replace(secret, "<secret>"))
                        .isInstanceOf(DbxException.class)
                        .hasMessageContaining("refused the credentials")
                        .hasMessageNotContaining(secret)
                        .hasMessageNotContaining("not-the-lab-secret");
            }
        }
    }

    @Test
    void aKilledServerIsOneClearErrorAndARestartedOneIsPickedUpAgain() throws Exception {
        try (Store store = Stores.open("redis", uri, TIMEOUT);
                KeyValueSession session = store.require(KeyValue.class).openSession()) {
            session.insert("user1", YcsbData.values("user1", 0));
            String[] values = new String[YcsbSchema.FIELD_COUNT];
            assertThat(session.read("user1", FieldSet.all(), values)).isTrue();

            ProcessHandle server = ProcessHandle.of(engine.pid()).orElseThrow();
            server.destroyForcibly();
            server.onExit().get(10, TimeUnit.SECONDS);

            assertThatThrownBy(() -> session.read("user1", FieldSet.all(), values))
                    .isInstanceOfSatisfying(DbxException.class, e -> {
                        assertThat(e.getMessage())
                                .startsWith("redis: read of user1 failed: ")
                                .doesNotContain("\n");
                        assertThat(e.hint()).contains("check that it runs");
                    });
            assertThatThrownBy(() -> session.update("user1", FieldSet.one(0), values))
                    .as("still down: connecting again fails, and says where")
                    .isInstanceOfSatisfying(DbxException.class, e -> {
                        assertThat(e.getMessage())
                                .startsWith("cannot reach redis at redis://" + uri.getHost() + ":" + uri.getPort())
                                .doesNotContain(secret);
                        assertThat(e.hint()).contains("check that the server runs");
                    });

            engine.supervisor().up(engine.engine()); // same port, same secret
            session.insert("user2", YcsbData.values("user2", 0));
            assertThat(session.read("user2", FieldSet.all(), values)).isTrue();
            assertThat(values).containsExactly(YcsbData.values("user2", 0));
        }
    }

    @Test
    void aServerThatDoesNotAnswerFailsTheOperationWithinTheTimeout() throws Exception {
        try (Store store = Stores.open("redis", uri, TIMEOUT);
                KeyValueSession session = store.require(KeyValue.class).openSession()) {
            session.insert("user1", YcsbData.values("user1", 0));
            String[] values = new String[YcsbSchema.FIELD_COUNT];
            signal("STOP");
            long start = System.nanoTime();
            try {
                assertThatThrownBy(() -> session.read("user1", FieldSet.all(), values))
                        .isInstanceOfSatisfying(DbxException.class, e -> {
                            assertThat(e.getMessage()).startsWith("redis: read of user1 failed: ");
                            assertThat(e.hint()).contains("did not answer in time");
                        });
            } finally {
                signal("CONT");
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).isBetween(TIMEOUT.minusMillis(200), TIMEOUT.plusSeconds(2));
            // the reply that came late is not taken for the next command's: that one runs on a new connection
            assertThat(session.read("user1", FieldSet.one(3), values)).isTrue();
            assertThat(values[3]).isEqualTo(YcsbData.value("user1", "field3", 0));
        }
    }

    @Test
    void sessionsLeaveNoConnectionBehind() {
        try (Store store = Stores.open("redis", uri, TIMEOUT)) {
            KeyValue kv = store.require(KeyValue.class);
            long before = connectedClients();
            List<KeyValueSession> sessions = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sessions.add(kv.openSession());
            }
            assertThat(connectedClients()).isEqualTo(before + 8);
            sessions.forEach(KeyValueSession::close);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (connectedClients() > before && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(connectedClients()).isEqualTo(before);
        }
    }

    @Test
    void keysAndValuesAreTheSameBytesForEveryClient() {
        try (Store store = Stores.open("redis", uri, TIMEOUT);
                KeyValueSession session = store.require(KeyValue.class).openSession()) {
            String key = "usér-ключ-🔑";
            String[] written = YcsbData.values(key, 0);
            written[4] = "ünïcödé ✓ and a \r\n line ending";
            session.insert(key, written);
            assertThat(redis().hget("ycsb:usertable:" + key, "field4")).isEqualTo(written[4]);
            assertThat(redis().zscore("ycsb:usertable", key)).isZero();

            String[] read = new String[YcsbSchema.FIELD_COUNT];
            assertThat(session.read(key, FieldSet.all(), read)).isTrue();
            assertThat(read).containsExactly(written);

            redis().hset("ycsb:usertable:" + key, "field7", "written by another client: ß");
            String[] one = new String[YcsbSchema.FIELD_COUNT];
            assertThat(session.read(key, FieldSet.of(0b0010010000), one)).isTrue();
            assertThat(one[4]).isEqualTo(written[4]);
            assertThat(one[7]).isEqualTo("written by another client: ß");
            assertThat(one[0]).as("not asked for").isNull();

            List<String> scanned = new ArrayList<>();
            assertThat(session.scan(key, 5, FieldSet.one(4), (k, v) -> {
                        scanned.add(k);
                        assertThat(v[4]).isEqualTo(written[4]);
                    }))
                    .isEqualTo(1);
            assertThat(scanned).containsExactly(key);

            written[4] = "updated ✓";
            assertThat(session.update(key, FieldSet.one(4), written)).isTrue();
            assertThat(redis().hget("ycsb:usertable:" + key, "field4")).isEqualTo("updated ✓");
            assertThat(session.delete(key)).isTrue();
            assertThat(session.delete(key)).isFalse();
            assertThat(redis().exists("ycsb:usertable:" + key)).isZero();
        }
    }

    private long connectedClients() {
        return Long.parseLong(ServerInfo.parse(redis().info("clients")).get("connected_clients"));
    }

    /** Sends the engine's process SIGSTOP or SIGCONT. */
    private void signal(String name) throws IOException, InterruptedException {
        if (engine == null) {
            return;
        }
        // the process as the state file has it (a restarted server has a new one); without asking a stopped server
        Long pid = engine.supervisor().status(engine.engine(), false).pid();
        if (pid == null) {
            return;
        }
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid))
                .redirectErrorStream(true)
                .start();
        kill.getInputStream().readAllBytes();
        kill.waitFor();
    }

    /** A plain Lettuce connection to the server, to look at the keys as any other client would. */
    private RedisCommands<String, String> redis() {
        if (rawConnection == null) {
            rawClient = RedisClient.create(RedisURI.create(uri));
            rawConnection = rawClient.connect();
        }
        return rawConnection.sync();
    }
}
