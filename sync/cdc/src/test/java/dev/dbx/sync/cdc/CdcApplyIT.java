package dev.dbx.sync.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.Stores;
import dev.dbx.core.sync.Change;
import dev.dbx.core.sync.ChangeEvent;
import dev.dbx.core.sync.ChangeEvents;
import dev.dbx.engine.RunningEngine;
import dev.dbx.engine.kafka.KafkaClients;
import dev.dbx.store.testkit.ChangeScript;
import dev.dbx.sync.verify.Verifier;
import dev.dbx.sync.verify.VerifyReport;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Change events from a real Kafka broker (the local engine: Apache Kafka in KRaft mode, its own JVM) applied to a real
 * store (SQLite, embedded, a file holding TPC-H SF 0.01), checked with {@code dbx verify}'s own verifier against the
 * rows the {@link ChangeScript} says the store must hold. Each test gets the topic afresh and a store copied from one
 * loaded file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CdcApplyIT {
    private static final double SCALE = 0.01;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TOPIC = ChangeEvents.topic("tpch");

    private final TpchSource generated = new TpchSource(SCALE);
    private final ChangeScript script = new ChangeScript(generated);
    private RunningEngine kafka;
    private Admin admin;
    private Path dir;
    private Path loaded;
    private final List<Store> opened = new ArrayList<>();

    @BeforeAll
    void startKafkaAndLoadTheStore() throws Exception {
        kafka = RunningEngine.start("kafka");
        admin = Admin.create(KafkaClients.settings(kafka.uri()));
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "cdc-it-")
                .toAbsolutePath();
        loaded = dir.resolve("loaded.sqlite");
        try (Store store = Stores.open(new StoreConfig("sqlite", sqliteUri(loaded), Duration.ofSeconds(30)))) {
            DatasetLoader.load(store, DatasetLoader.counting(generated), true);
        }
    }

    @AfterAll
    void stopKafka() {
        if (admin != null) {
            admin.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @AfterEach
    void closeStores() {
        opened.forEach(Store::close);
        opened.clear();
    }

    @Test
    void upsertsAndDeletesOfEveryEntityLandInTheStoreWithTheirLag() throws Exception {
        deleteTopic(); // the applier starts before the capture has created the topic
        Store store = copyOfLoaded("script");
        Path statusDir = dir.resolve("status-script");
        int total = script.first().size() + script.second().size();

        CdcReport report;
        try (CdcApply apply = CdcApply.start(config(new Target("sqlite-script", store))
                .withStatusDir(statusDir)
                .withSlotRetainedBytes(() -> 4096L))) {
            Thread.sleep(1_000);
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .as("the applier did not create the topic")
                    .doesNotContain(TOPIC);
            createTopic(3);
            // the applier is in its group before the events come, so the lag is the pipeline's, not a backlog's
            awaitTrue(
                    () -> assignments("dbx-sync-sqlite-script").equals(List.of(3)), "the applier holding 3 partitions");
            produceChanges(script.first());
            produceChanges(script.second());
            awaitDone(apply, total);
            assertThat(SyncStatusFile.read(statusDir))
                    .as("the status file, written while running")
                    .isPresent();
            report = apply.stop();
        }

        VerifyReport verify = Verifier.verify(script.expected(), List.of(store));
        assertThat(verify.differences()).as("what verify found different").isEmpty();
        assertThat(verify.equal()).isTrue();
        // the same verify sees the store differ from the dataset before the changes
        assertThat(Verifier.verify(generated, List.of(store)).equal()).isFalse();

        TargetStatus status = report.status().targets().getFirst();
        assertThat(status.target()).isEqualTo("sqlite-script");
        assertThat(status.applied()).isEqualTo(total);
        assertThat(status.pending()).isZero();
        assertThat(status.deadLettered()).isZero();
        assertThat(status.lagP50Ms()).isPositive();
        assertThat(status.lagP50Ms()).isLessThanOrEqualTo(status.lagP99Ms());
        assertThat(status.lagP99Ms()).isLessThanOrEqualTo(status.lagMaxMs());
        assertThat(status.lagMaxMs()).isLessThan(WAIT.toMillis());
        assertThat(status.eventsPerSec()).isPositive();
        assertThat(report.status().slotRetainedBytes()).isEqualTo(4096L);
        assertThat(report.runs().getFirst().failure()).isNull();
        assertThat(SyncStatusFile.read(statusDir)).contains(report.status());
        assertThat(deadLetters("sqlite-script", 0)).isEmpty();
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicWithTheirReasonAndTheEventsAfterThemAreApplied() throws Exception {
        freshTopic(1);
        Store store = copyOfLoaded("poison");
        String target = "sqlite-poison";
        produceChanges(script.first());
        // not JSON; a value that does not fit its column (text in an INTEGER column); a change the target itself
        // refuses (no name for a customer: SQLite's NOT NULL constraint)
        Entity customer = TpchSchema.CUSTOMER;
        String notJson = "{\"dataset\": \"tpch\", \"entity\": \"orders\", ";
        String misfit = new String(ChangeEvents.encode(event(script.first().getFirst())), StandardCharsets.UTF_8)
                .replaceFirst("\"r_regionkey\":\\d+", "\"r_regionkey\":\"zero\"");
        assertThat(misfit).contains("\"zero\"");
        Object[] nameless = new Object[customer.columns().size()];
        try (var rows = generated.rows(customer)) {
            System.arraycopy(rows.next(), 0, nameless, 0, nameless.length);
        }
        nameless[customer.indexOf("c_custkey")] = 9_100_000L;
        nameless[customer.indexOf("c_name")] = null;
        ChangeEvent refused = event(Change.upsert(customer, nameless));
        List<ProducerRecord<byte[], byte[]>> poison = List.of(
                record("orders:1", notJson.getBytes(StandardCharsets.UTF_8)),
                record("region:0", misfit.getBytes(StandardCharsets.UTF_8)),
                record(refused.key(), ChangeEvents.encode(refused)));
        produce(poison);
        produceChanges(script.second());
        int good = script.first().size() + script.second().size();
        long firstPoison = script.first().size();

        CdcReport report;
        try (CdcApply apply = CdcApply.start(config(new Target(target, store)))) {
            awaitDone(apply, good + 3);
            report = apply.stop();
        }

        assertThat(Verifier.verify(script.expected(), List.of(store)).differences())
                .as("the events around the poison are all applied")
                .isEmpty();
        TargetStatus status = report.status().targets().getFirst();
        assertThat(status.applied()).isEqualTo(good);
        assertThat(status.deadLettered()).isEqualTo(3);
        assertThat(status.pending()).isZero();

        List<ConsumerRecord<byte[], byte[]>> letters = deadLetters(target, 3);
        assertThat(letters).hasSize(3);
        for (int i = 0; i < 3; i++) {
            ConsumerRecord<byte[], byte[]> letter = letters.get(i);
            assertThat(letter.key()).isEqualTo(poison.get(i).key());
            assertThat(letter.value()).isEqualTo(poison.get(i).value());
            assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo(TOPIC);
            assertThat(header(letter, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
            assertThat(header(letter, DeadLetters.SOURCE_OFFSET)).isEqualTo(Long.toString(firstPoison + i));
            assertThat(header(letter, DeadLetters.TARGET)).isEqualTo(target);
        }
        assertThat(header(letters.get(0), DeadLetters.KIND)).isEqualTo("undecodable");
        assertThat(header(letters.get(0), DeadLetters.REASON)).contains("not JSON");
        assertThat(header(letters.get(1), DeadLetters.KIND)).isEqualTo("undecodable");
        assertThat(header(letters.get(1), DeadLetters.REASON))
                .contains("region.r_regionkey")
                .contains("does not fit");
        assertThat(header(letters.get(2), DeadLetters.KIND)).isEqualTo("rejected");
        assertThat(header(letters.get(2), DeadLetters.REASON))
                .contains("customer [9100000]")
                .containsIgnoringCase("NOT NULL");
        assertThat(report.runs().getFirst().retries())
                .as("a rejection is no outage")
                .isZero();
    }

    @Test
    void aBatchRedeliveredAfterACloseWithoutCommitIsAppliedAgainWithoutDoubledRows() throws Exception {
        freshTopic(2);
        Store store = copyOfLoaded("redelivered");
        Target target = new Target("sqlite-redelivered", store);
        produceChanges(script.first());
        produceChanges(script.second());
        int total = script.first().size() + script.second().size();

        // a member of the group applies everything, then goes away before it commits (a crash between write and commit)
        int appliedOnce = 0;
        try (KafkaConsumer<byte[], byte[]> crashing = new KafkaConsumer<>(consumerSettings(target.group()))) {
            crashing.subscribe(List.of(TOPIC));
            Instant deadline = Instant.now().plus(WAIT);
            while (appliedOnce < total && Instant.now().isBefore(deadline)) {
                List<Change> batch = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : crashing.poll(Duration.ofMillis(500))) {
                    batch.add(ChangeEvents.decode(r.value()).change());
                }
                store.require(Sink.class).apply(TpchSchema.DATASET, batch);
                appliedOnce += batch.size();
            }
        }
        assertThat(appliedOnce).isEqualTo(total);
        assertThat(GroupLag.pending(admin, target.group(), TOPIC))
                .as("nothing committed")
                .isEqualTo(total);

        CdcReport report;
        try (CdcApply apply = CdcApply.start(config(target))) {
            awaitDone(apply, total);
            report = apply.stop();
        }
        TargetStatus status = report.status().targets().getFirst();
        assertThat(status.applied()).as("every event delivered again").isEqualTo(total);
        assertThat(status.pending()).isZero();
        VerifyReport verify = Verifier.verify(script.expected(), List.of(store));
        assertThat(verify.differences()).as("no row doubled, none missing").isEmpty();
    }

    @Test
    void aTargetThatIsDownKeepsItsBatchUnappliedAndUncommittedUntilItIsBack() throws Exception {
        freshTopic(1);
        Store down = copyOfLoaded("down");
        URI file = down.uri();
        // the target's connections are gone: every write and every health check fails, as with a server that is down
        opened.remove(down);
        down.close();
        produceChanges(script.first());
        produceChanges(script.second());
        int total = script.first().size() + script.second().size();
        Target target = new Target("sqlite-down", down);

        CdcReport whileDown;
        try (CdcApply apply = CdcApply.start(config(target))) {
            awaitTrue(() -> apply.runs().getFirst().retries() >= 4, "four retries of the batch");
            TargetStatus status = apply.status().targets().getFirst();
            assertThat(status.applied()).isZero();
            assertThat(status.deadLettered()).as("an outage is no rejection").isZero();
            assertThat(status.pending())
                    .as("nothing committed past the failing batch")
                    .isEqualTo(total);
            whileDown = apply.stop();
        }
        assertThat(whileDown.runs().getFirst().lastRetryReason()).contains("sqlite-down does not answer");
        assertThat(whileDown.runs().getFirst().failure())
                .as("a stop, not a crash")
                .isNull();
        assertThat(GroupLag.pending(admin, target.group(), TOPIC)).isEqualTo(total);
        assertThat(deadLetters(target.name(), 0)).isEmpty();

        // the target is back (a store on the same file): the whole backlog lands, nothing skipped
        Store back = Stores.open(new StoreConfig("sqlite", file, Duration.ofSeconds(30)));
        opened.add(back);
        CdcReport afterwards;
        try (CdcApply apply = CdcApply.start(config(new Target(target.name(), back)))) {
            awaitDone(apply, total);
            afterwards = apply.stop();
        }
        assertThat(afterwards.status().targets().getFirst().applied()).isEqualTo(total);
        assertThat(Verifier.verify(script.expected(), List.of(back)).differences())
                .isEmpty();
    }

    @Test
    void aBatchWhoseEveryEventFailsWhileTheTargetAnswersWaitsInsteadOfGoingToTheDeadLetters() throws Exception {
        freshTopic(1);
        Store store = copyOfLoaded("dropped");
        // the region table is gone: each region write fails, with no transient shape, while the store answers
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dropped.sqlite"));
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE region");
        }
        Entity region = TpchSchema.REGION;
        List<Change> changes = new ArrayList<>();
        try (var rows = generated.rows(region)) {
            for (int i = 0; i < 3; i++) {
                Object[] row = rows.next().clone();
                row[region.indexOf("r_comment")] = "changed " + i;
                changes.add(Change.upsert(region, row));
            }
        }
        produceChanges(changes); // before the applier starts: its first poll takes the three as one batch
        Target target = new Target("sqlite-dropped", store);

        CdcReport report;
        try (CdcApply apply = CdcApply.start(config(target))) {
            awaitTrue(() -> apply.runs().getFirst().retries() >= 2, "two passes over the failing batch");
            report = apply.stop();
        }
        TargetStatus status = report.status().targets().getFirst();
        assertThat(status.deadLettered())
                .as("nothing dead-lettered without evidence")
                .isZero();
        assertThat(status.applied()).isZero();
        assertThat(status.pending()).isEqualTo(3);
        assertThat(report.runs().getFirst().lastRetryReason())
                .contains("failed every event of a batch of 3")
                .contains("region");
        assertThat(deadLetters(target.name(), 0)).isEmpty();
    }

    @Test
    void twoAppliersInOneGroupShareThePartitionsAndApplyEveryEvent() throws Exception {
        freshTopic(4);
        Store store = copyOfLoaded("shared");
        String name = "sqlite-shared";
        int total = script.first().size() + script.second().size();
        try (CdcApply one = CdcApply.start(config(new Target(name, store)));
                CdcApply two = CdcApply.start(config(new Target(name, store)))) {
            // both members hold partitions before any event exists, so each gets its share
            awaitTrue(
                    () -> {
                        List<Integer> shares = assignments("dbx-sync-" + name);
                        return shares.size() == 2 && shares.stream().allMatch(n -> n > 0);
                    },
                    "two members of dbx-sync-" + name + " holding partitions");
            produceChanges(script.first());
            produceChanges(script.second());
            awaitTrue(
                    () -> one.status().targets().getFirst().applied()
                                    + two.status().targets().getFirst().applied()
                            >= total,
                    total + " events applied by the two");
            CdcReport first = one.stop();
            CdcReport second = two.stop();
            long byOne = first.status().targets().getFirst().applied();
            long byTwo = second.status().targets().getFirst().applied();
            assertThat(byOne).as("applied by the first member").isPositive();
            assertThat(byTwo).as("applied by the second member").isPositive();
            assertThat(byOne + byTwo).isEqualTo(total);
            assertThat(second.status().targets().getFirst().pending()).isZero();
        }
        assertThat(Verifier.verify(script.expected(), List.of(store)).differences())
                .isEmpty();
    }

    // ---- helpers

    private CdcConfig config(Target target) {
        return new CdcConfig(kafka.uri(), TpchSchema.DATASET, List.of(target))
                .withSettings(ApplySettings.DEFAULTS.withMaxBatch(50));
    }

    private static URI sqliteUri(Path file) throws Exception {
        return new URI("sqlite", file.toString(), null);
    }

    /** A store on a copy of the loaded file (closed, so the copy is whole). */
    private Store copyOfLoaded(String name) throws Exception {
        Path copy = dir.resolve(name + ".sqlite");
        Files.copy(loaded, copy);
        Store store = Stores.open(new StoreConfig("sqlite", sqliteUri(copy), Duration.ofSeconds(30)));
        opened.add(store);
        return store;
    }

    /** The changes topic, deleted if there and created empty with {@code partitions}. */
    private void freshTopic(int partitions) throws Exception {
        deleteTopic();
        createTopic(partitions);
    }

    private void deleteTopic() throws Exception {
        try {
            admin.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
        }
    }

    private void createTopic(int partitions) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            try {
                admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)
                        || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(200); // the deletion is still going on
            }
        }
    }

    private static ChangeEvent event(Change change) {
        return new ChangeEvent("tpch", change, System.currentTimeMillis(), "0/16B3748");
    }

    /** Each change as an event committed at the moment it is sent, so the lag measured is the pipeline's own. */
    private void produceChanges(List<Change> changes) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings())) {
            for (Change change : changes) {
                ChangeEvent event = event(change);
                producer.send(record(event.key(), ChangeEvents.encode(event))).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static ProducerRecord<byte[], byte[]> record(String key, byte[] value) {
        return new ProducerRecord<>(TOPIC, key.getBytes(StandardCharsets.UTF_8), value);
    }

    private Properties producerSettings() {
        Properties p = KafkaClients.settings(kafka.uri());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    private void produce(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings())) {
            for (ProducerRecord<byte[], byte[]> r : records) {
                producer.send(r).get(30, TimeUnit.SECONDS); // one at a time: the order on a partition is the list's
            }
        }
    }

    private Properties consumerSettings(String group) {
        Properties p = KafkaClients.settings(kafka.uri());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    /** The target's dead letters: reads until {@code expected} arrived (or, for 0, for a few seconds). */
    private List<ConsumerRecord<byte[], byte[]>> deadLetters(String target, int expected) {
        List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerSettings("it-dlq-" + System.nanoTime()))) {
            c.subscribe(List.of(ChangeEvents.deadLetterTopic("tpch", target)));
            Instant deadline = Instant.now().plus(expected == 0 ? Duration.ofSeconds(5) : WAIT);
            while (Instant.now().isBefore(deadline) && (expected == 0 || seen.size() < expected)) {
                c.poll(Duration.ofMillis(500)).forEach(seen::add);
            }
        }
        return seen;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The partitions each member of {@code group} holds. */
    private List<Integer> assignments(String group) {
        try {
            Map<String, ConsumerGroupDescription> groups =
                    admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS);
            Collection<MemberDescription> members = groups.get(group).members();
            List<Integer> shares = new ArrayList<>();
            for (MemberDescription m : members) {
                shares.add(m.assignment().topicPartitions().size());
            }
            return shares;
        } catch (Exception e) {
            return List.of();
        }
    }

    /** Waits until the target has taken {@code events} (applied or dead-lettered) and committed them all. */
    private void awaitDone(CdcApply apply, int events) throws Exception {
        Map<String, Long> last = new HashMap<>();
        awaitTrue(
                () -> {
                    TargetStatus s = apply.status().targets().getFirst();
                    last.put("applied", s.applied());
                    last.put("deadLettered", s.deadLettered());
                    last.put("pending", s.pending());
                    return s.applied() + s.deadLettered() >= events && s.pending() == 0;
                },
                () -> events + " events taken and committed; last seen " + last + ", runs " + apply.runs());
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        awaitTrue(condition, () -> what);
    }

    private static void awaitTrue(BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what.get());
            }
            Thread.sleep(200);
        }
    }
}
