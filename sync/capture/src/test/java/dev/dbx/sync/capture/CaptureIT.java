package dev.dbx.sync.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import dev.dbx.core.capability.ChangeSource;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.Stores;
import dev.dbx.core.sync.CaptureSource;
import dev.dbx.core.sync.ChangeEvent;
import dev.dbx.core.sync.ChangeEvents;
import dev.dbx.core.sync.SlotState;
import dev.dbx.engine.RunningEngine;
import dev.dbx.engine.kafka.KafkaClients;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The capture process against a real PostgreSQL 17 and a real Kafka 4.3, TPC-H SF 0.01: the snapshot publishes every
 * row once; inserts, updates and deletes arrive with their commit time and exact values; after a SIGKILL and a
 * restart there is no second snapshot and nothing changed meanwhile is lost; the heartbeat moves the slot on a quiet
 * database. Tests run in order: each continues where the previous left the pipeline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaptureIT {
    private static final String PIPELINE = "tpch";
    private static final Duration WAIT = Duration.ofMinutes(3);

    private RunningEngine postgres;
    private RunningEngine kafka;
    private Store store;
    private CaptureProcess capture;
    private CaptureConfig config;
    private KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Long> loaded = new LinkedHashMap<>();
    private final List<ChangeEvent> received = new ArrayList<>();
    private final List<Long> latenciesMs = new ArrayList<>();
    private long quietMemoryBytes;

    @BeforeAll
    void startEnginesAndLoad() throws Exception {
        postgres = RunningEngine.start("postgres");
        kafka = RunningEngine.start("kafka");
        store = Stores.open(new StoreConfig("postgres", postgres.uri(), Duration.ofSeconds(30)));
        DatasetLoader.load(store, DatasetLoader.counting(new TpchSource(0.01)), true);
        DatasetModel model = store.require(DatasetModel.class);
        for (Entity entity : TpchSchema.DATASET.entities()) {
            loaded.put(entity.name(), model.count(TpchSchema.DATASET, entity));
        }
        CaptureSource source = store.require(ChangeSource.class).prepare(TpchSchema.DATASET, PIPELINE);
        config = CaptureConfig.of("tpch", source, postgres.uri(), kafka.uri()).withHeartbeat(Duration.ofSeconds(1));
        Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "capture-");
        capture = new CaptureProcess(home);
        consumer = consumer();
    }

    @AfterAll
    void stopEverything() {
        if (consumer != null) {
            consumer.close();
        }
        if (capture != null) {
            capture.stop();
        }
        if (store != null) {
            store.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void theSnapshotPublishesEveryRowOfEveryEntityExactlyOnce() throws SQLException {
        CaptureStatus started = capture.start(config);
        assertThat(started.running()).isTrue();
        // a change while the snapshot runs: it is in the snapshot or streamed after it, never lost
        execute("UPDATE orders SET o_comment = 'during the snapshot' WHERE o_orderkey = 3");
        long total = loaded.values().stream().mapToLong(Long::longValue).sum();
        List<ChangeEvent> events = pollUntil(
                list -> list.stream().filter(e -> e.committedAtMillis() == 0).count() >= total
                        && "during the snapshot".equals(lastValue(list, "orders", 3L, "o_comment")),
                WAIT);
        // a moment more: a doubled row would arrive right behind the last one
        events.addAll(pollFor(Duration.ofSeconds(3)));
        List<ChangeEvent> snapshot =
                events.stream().filter(e -> e.committedAtMillis() == 0).toList();
        assertThat(events.size() - snapshot.size())
                .as("streamed changes besides the one made")
                .isLessThanOrEqualTo(1);

        SnapshotTally tally = SnapshotTally.of(snapshot);
        assertThat(tally.differences(loaded)).as("what the snapshot got wrong").isEmpty();

        // the tally does see a row published twice, and a missing entity
        List<ChangeEvent> doubled = new ArrayList<>(snapshot);
        doubled.add(snapshot.getFirst());
        assertThat(SnapshotTally.of(doubled).differences(loaded)).hasSize(1);
        Map<String, Long> more = new LinkedHashMap<>(loaded);
        more.merge("region", 1L, Long::sum);
        assertThat(tally.differences(more)).hasSize(1);

        CaptureStatus status = capture.status();
        assertThat(status.snapshotEvents()).isEqualTo(total);
        assertThat(status.memoryBytes()).isPositive();
        System.out.printf(
                "capture: snapshot of %d rows published; capture process memory %d MiB (PSS)%n",
                total, status.memoryBytes() >> 20);
    }

    @Test
    @Order(2)
    void insertsUpdatesAndDeletesArriveWithTheirCommitTimeAndExactValues() throws SQLException {
        // the change made during the snapshot waited for it: not a streaming latency
        latenciesMs.clear();
        execute(
                "INSERT INTO region VALUES (100, 'ATLANTIS', 'sunk')",
                "UPDATE customer SET c_acctbal = 1234.56, c_comment = 'moved' WHERE c_custkey = 7",
                "INSERT INTO orders VALUES (6000001, 7, 'O', 99.99, DATE '1998-08-02', '1-URGENT', 'Clerk#000000001', 0, 'new')",
                "DELETE FROM lineitem WHERE l_orderkey = 1 AND l_linenumber = 1");
        List<ChangeEvent> events = pollUntil(list -> list.size() >= 4, Duration.ofSeconds(60));
        assertThat(events)
                .hasSize(4)
                .allSatisfy(e -> assertThat(e.committedAtMillis()).isPositive());
        // single-row transactions a moment apart, each timed from its commit to the producer's write to Kafka
        List<Long> firstFour = new ArrayList<>(latenciesMs);
        latenciesMs.clear();
        for (int i = 1; i <= 20; i++) {
            execute("UPDATE supplier SET s_acctbal = " + i + ".25 WHERE s_suppkey = 1");
            pollUntil(list -> !list.isEmpty(), Duration.ofSeconds(30));
        }
        assertThat(latenciesMs).hasSize(20);
        latenciesMs.addAll(firstFour);
        assertThat(events).allSatisfy(e -> assertThat(e.position()).matches("[0-9A-F]+/[0-9A-F]+"));

        ChangeEvent region = find(events, "region", 100L);
        assertThat(region.change().row()).containsExactly(100L, "ATLANTIS", "sunk");
        ChangeEvent customer = find(events, "customer", 7L);
        assertThat(customer.change().isDelete()).isFalse();
        assertThat(customer.change().value("c_acctbal")).isEqualTo(new BigDecimal("1234.56"));
        assertThat(customer.change().value("c_acctbal")).isNotEqualTo(new BigDecimal("1234.5"));
        assertThat(customer.change().value("c_comment")).isEqualTo("moved");
        ChangeEvent order = find(events, "orders", 6000001L);
        assertThat(order.change().value("o_orderdate")).isEqualTo(LocalDate.of(1998, 8, 2));
        assertThat(order.change().value("o_totalprice")).isEqualTo(new BigDecimal("99.99"));
        ChangeEvent delete = find(events, "lineitem", 1L);
        assertThat(delete.change().isDelete()).isTrue();
        assertThat(delete.change().key()).containsExactly(1L, 1L);
        assertThat(delete.key()).isEqualTo("orders:1");

        List<Long> sorted = latenciesMs.stream().sorted().toList();
        System.out.printf(
                "capture: commit-to-Kafka latency over %d changes: median %d ms, max %d ms%n",
                sorted.size(), sorted.get(sorted.size() / 2), sorted.getLast());
    }

    @Test
    @Order(3)
    void afterASigkillTheRestartResumesWithoutASnapshotAndLosesNothing() throws SQLException {
        capture.kill();
        assertThat(capture.status().state()).isEqualTo("crashed");
        execute(
                "INSERT INTO nation VALUES (100, 'UTOPIA', 1, 'while the capture was down')",
                "UPDATE part SET p_retailprice = 901.01 WHERE p_partkey = 1",
                "DELETE FROM region WHERE r_regionkey = 100");
        capture.start(config);
        List<ChangeEvent> events = pollUntil(
                list -> list.stream()
                        .anyMatch(e -> e.change().entity().name().equals("region")
                                && e.change().isDelete()),
                Duration.ofSeconds(90));
        events.addAll(pollFor(Duration.ofSeconds(5)));

        assertThat(events).as("no snapshot read after the restart").noneMatch(e -> e.committedAtMillis() == 0);
        assertThat(capture.status().snapshotEvents()).isZero();
        assertThat(find(events, "nation", 100L).change().value("n_name")).isEqualTo("UTOPIA");
        assertThat(find(events, "part", 1L).change().value("p_retailprice")).isEqualTo(new BigDecimal("901.01"));
        assertThat(find(events, "region", 100L).change().isDelete()).isTrue();
    }

    @Test
    @Order(4)
    void onAQuietDatabaseTheHeartbeatAdvancesTheSlot() throws Exception {
        ChangeSource source = store.require(ChangeSource.class);
        SlotState before = awaitSlot(source);
        Thread.sleep(5_000);
        SlotState after = awaitSlot(source);
        assertThat(after.active()).isTrue();
        assertThat(lsn(after.confirmedFlushLsn()))
                .as(
                        "confirmed_flush_lsn %s after a quiet 5 s, from %s",
                        after.confirmedFlushLsn(), before.confirmedFlushLsn())
                .isGreaterThan(lsn(before.confirmedFlushLsn()));
        assertThat(after.retainedWalBytes()).isNotNegative();
        quietMemoryBytes = capture.status().memoryBytes();
        System.out.printf(
                "capture: slot %s confirmed %s -> %s on a quiet database; %d bytes of WAL retained; capture process"
                        + " memory %d MiB (PSS) while streaming%n",
                after.slot(),
                before.confirmedFlushLsn(),
                after.confirmedFlushLsn(),
                after.retainedWalBytes(),
                quietMemoryBytes >> 20);
    }

    @Test
    @Order(5)
    void aStopIsClean() throws Exception {
        long logBefore = Files.readAllLines(capture.logFile()).size();
        CaptureStatus stopped = capture.stop();
        assertThat(stopped.state()).isEqualTo("stopped");
        assertThat(stopped.running()).isFalse();
        // the process's own shutdown ran (SIGTERM, not the SIGKILL after the stop timeout)
        List<String> newLines =
                Files.readAllLines(capture.logFile()).stream().skip(logBefore).toList();
        assertThat(newLines).anySatisfy(line -> assertThat(line).endsWith("capture stopped"));
    }

    @Test
    @Order(6)
    void aCaptureThatCannotReachKafkaStopsWithAClearMessage() throws Exception {
        var uri = kafka.uri();
        var wrong =
                new java.net.URI(uri.getScheme(), "dbx:not-the-secret", uri.getHost(), uri.getPort(), null, null, null);
        CaptureProcess other =
                new CaptureProcess(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "capture-"));
        CaptureConfig bad = new CaptureConfig(
                "tpch",
                config.source(),
                postgres.uri(),
                config.replicationUser(),
                wrong,
                4,
                config.heartbeat(),
                config.poll());
        assertThatThrownBy(() -> other.start(bad))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("exited during its start (exit code 3)")
                .hasMessageContaining("cannot create or read the topic dbx.tpch.changes")
                .hasMessageNotContaining(Uris.password(uri, "?"));
        assertThat(other.status().state()).isEqualTo("failed");
    }

    @Test
    @Order(7)
    void droppingThePipelineFreesTheSlotAndResetForgetsItsOffsets() {
        ChangeSource source = store.require(ChangeSource.class);
        assertThat(source.slot(PIPELINE)).isPresent();
        source.drop(PIPELINE, config.replicationUser());
        assertThat(source.slot(PIPELINE)).isEmpty();
        assertThat(capture.home().resolve("offsets.dat")).exists();
        capture.reset();
        assertThat(capture.home().resolve("offsets.dat")).doesNotExist();
    }

    private SlotState awaitSlot(ChangeSource source) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var slot = source.slot(PIPELINE);
            if (slot.isPresent() && !slot.get().confirmedFlushLsn().isEmpty()) {
                return slot.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the slot of " + PIPELINE + " has no confirmed position");
    }

    private static long lsn(String text) {
        String[] parts = text.split("/");
        return (Long.parseLong(parts[0], 16) << 32) | Long.parseLong(parts[1], 16);
    }

    /** The value of {@code column} in the last change of the row whose key starts with {@code firstKey}, or null. */
    private static Object lastValue(List<ChangeEvent> events, String entity, long firstKey, String column) {
        Object value = null;
        for (ChangeEvent e : events) {
            if (e.change().entity().name().equals(entity)
                    && e.change().key().getFirst().equals(firstKey)) {
                value = e.change().value(column);
            }
        }
        return value;
    }

    private static ChangeEvent find(List<ChangeEvent> events, String entity, long firstKey) {
        return events.stream()
                .filter(e -> e.change().entity().name().equals(entity)
                        && e.change().key().getFirst().equals(firstKey))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no change of " + entity + " " + firstKey + " in " + events));
    }

    private void execute(String... statements) throws SQLException {
        var uri = postgres.uri();
        String url = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + "/" + Uris.database(uri, "dbx");
        try (Connection c = DriverManager.getConnection(url, Uris.user(uri, "dbx"), Uris.password(uri, ""));
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = KafkaClients.settings(kafka.uri());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return new KafkaConsumer<>(p);
    }

    /** Events that arrive until {@code done} holds for them, after those earlier tests took. */
    private List<ChangeEvent> pollUntil(Predicate<List<ChangeEvent>> done, Duration timeout) {
        assignOnce();
        List<ChangeEvent> events = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (!done.test(events)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("after " + timeout.toSeconds() + " s only " + events.size() + " events: "
                        + events.subList(Math.max(0, events.size() - 10), events.size()));
            }
            events.addAll(pollOnce());
        }
        return events;
    }

    private List<ChangeEvent> pollFor(Duration period) {
        List<ChangeEvent> events = new ArrayList<>();
        Instant deadline = Instant.now().plus(period);
        while (Instant.now().isBefore(deadline)) {
            events.addAll(pollOnce());
        }
        return events;
    }

    private List<ChangeEvent> pollOnce() {
        List<ChangeEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            ChangeEvent event = ChangeEvents.decode(record.value());
            assertThat(record.key()).isEqualTo(event.key());
            if (event.committedAtMillis() > 0) {
                latenciesMs.add(record.timestamp() - event.committedAtMillis());
            }
            events.add(event);
        }
        received.addAll(events);
        return events;
    }

    private void assignOnce() {
        if (!consumer.assignment().isEmpty()) {
            return;
        }
        String topic = ChangeEvents.topic("tpch");
        var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        assertThat(partitions).as("partitions of " + topic).hasSize(CaptureConfig.DEFAULT_PARTITIONS);
        List<TopicPartition> all = partitions.stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(all);
        consumer.seekToBeginning(all);
    }

    /** Per entity, how many snapshot events and how many distinct keys: exactly once means both equal the loaded count. */
    private record SnapshotTally(Map<String, Long> events, Map<String, Long> distinct) {
        static SnapshotTally of(List<ChangeEvent> snapshot) {
            Map<String, Long> events = new HashMap<>();
            Map<String, java.util.Set<List<Object>>> keys = new HashMap<>();
            for (ChangeEvent e : snapshot) {
                String entity = e.change().entity().name();
                events.merge(entity, 1L, Long::sum);
                keys.computeIfAbsent(entity, k -> new java.util.HashSet<>())
                        .add(e.change().key());
            }
            Map<String, Long> distinct = new HashMap<>();
            keys.forEach((entity, set) -> distinct.put(entity, (long) set.size()));
            return new SnapshotTally(events, distinct);
        }

        List<String> differences(Map<String, Long> expected) {
            List<String> out = new ArrayList<>();
            expected.forEach((entity, count) -> {
                long seen = events.getOrDefault(entity, 0L);
                long unique = distinct.getOrDefault(entity, 0L);
                if (seen != count || unique != count) {
                    out.add(entity + ": " + seen + " events, " + unique + " distinct rows, " + count + " loaded");
                }
            });
            return out;
        }
    }
}
