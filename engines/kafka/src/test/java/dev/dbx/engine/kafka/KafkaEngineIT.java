package dev.dbx.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.Uris;
import dev.dbx.engine.EngineContractIT;
import dev.dbx.engine.EngineState;
import dev.dbx.engine.RunningEngine;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaEngineIT extends EngineContractIT {
    private static final String TOPIC = "dbx-it";

    @Override
    protected String engineName() {
        return "kafka";
    }

    @Override
    protected String expectedProduct() {
        return "Apache Kafka";
    }

    @Override
    protected String expectedVersionPrefix() {
        // the release of the highest metadata.version the broker supports, e.g. "4.3 (metadata.version 4.3-IV0)"
        return "4.3 ";
    }

    @Test
    void aProducedRecordIsConsumedAndSurvivesARestart() throws Exception {
        try (RunningEngine kafka = RunningEngine.start(engineName())) {
            URI uri = kafka.uri();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings(uri))) {
                // the topic does not exist yet: the broker creates it on first use
                producer.send(new ProducerRecord<>(TOPIC, "order-1", "created")).get(30, TimeUnit.SECONDS);
            }
            assertThat(readAll(uri)).containsExactly("order-1=created");

            kafka.supervisor().down(kafka.engine());
            assertThat(kafka.supervisor().status(kafka.engine(), false).state()).isEqualTo(EngineState.stopped);
            kafka.supervisor().up(kafka.engine());

            try (Admin admin = Admin.create(KafkaClients.settings(uri))) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(topics).contains(TOPIC);
            }
            assertThat(readAll(uri)).containsExactly("order-1=created");
        }
    }

    @Test
    void onlyDbxWithTheLabsSecretGetsInOnEitherPort() throws Exception {
        try (RunningEngine kafka = RunningEngine.start(engineName())) {
            URI uri = kafka.uri();
            String secret = Uris.password(uri, null);
            assertThat(Uris.user(uri, null)).isEqualTo("dbx");
            assertThat(secret).hasSize(32);

            // with the secret: an Admin client lists the topics and creates one
            try (Admin admin = Admin.create(quick(KafkaClients.settings(uri)))) {
                admin.createTopics(List.of(new NewTopic("dbx-auth-it", 1, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("dbx-auth-it");
            }

            // a wrong password: the broker says so
            URI wrong = URI.create("kafka://dbx:not-the-secret@" + KafkaClients.bootstrap(uri));
            assertRefusedWith(KafkaClients.settings(wrong), SaslAuthenticationException.class);
            // no credentials at all: the SASL listener drops the connection, the client gets nothing within its timeout
            URI anonymous = URI.create("kafka://" + KafkaClients.bootstrap(uri));
            assertRefusedWith(KafkaClients.settings(anonymous), org.apache.kafka.common.errors.TimeoutException.class);

            // the controller's port asks for the same user (an Admin client may talk to controllers directly)
            String controller = uri.getHost() + ":" + (uri.getPort() + 1);
            Properties toController = KafkaClients.settings(uri);
            toController.remove(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
            toController.put(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, controller);
            try (Admin admin = Admin.create(quick(toController))) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                        .isNotEmpty();
            }
            Properties wrongController = (Properties) toController.clone();
            wrongController.putAll(KafkaClients.settings(wrong));
            wrongController.remove(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
            assertRefusedWith(wrongController, SaslAuthenticationException.class);
            Properties anonymousController = new Properties();
            anonymousController.put(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, controller);
            assertRefusedWith(anonymousController, org.apache.kafka.common.errors.TimeoutException.class);

            // the secret was never on the server's command line, the file that carried it is gone, and the log
            // does not show it
            String cmdline =
                    Files.readString(Path.of("/proc", Long.toString(kafka.pid()), "cmdline"), StandardCharsets.UTF_8);
            assertThat(cmdline).doesNotContain(secret);
            Path home = kafka.supervisor().home(kafka.engine());
            assertThat(home.resolve(KafkaEngine.SECRET_FILE)).doesNotExist();
            assertThat(Files.readString(home.resolve("server.log"), StandardCharsets.UTF_8))
                    .doesNotContain(secret);
        }
    }

    /** Listing the topics with {@code settings} fails within a few seconds, with {@code expected} as the cause. */
    private static void assertRefusedWith(Properties settings, Class<? extends Throwable> expected) {
        long start = System.nanoTime();
        try (Admin admin = Admin.create(quick(settings))) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(expected);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    /** A client that gives up after 3 s instead of Kafka's default minute. */
    private static Properties quick(Properties settings) {
        Properties p = (Properties) settings.clone();
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        p.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100L);
        return p;
    }

    private static Properties producerSettings(URI uri) {
        Properties p = KafkaClients.settings(uri);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    /** Every record of the topic from the start, read by a fresh consumer group until one arrives or 30 s pass. */
    private static List<String> readAll(URI uri) {
        Properties p = KafkaClients.settings(uri);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "dbx-it-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(TOPIC));
            Instant deadline = Instant.now().plusSeconds(30);
            while (seen.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(r.key() + "=" + r.value());
                }
            }
            // anything else already in the partition arrives with the first batch or right after it
            consumer.poll(Duration.ofMillis(500)).forEach(r -> seen.add(r.key() + "=" + r.value()));
        }
        return seen;
    }
}
