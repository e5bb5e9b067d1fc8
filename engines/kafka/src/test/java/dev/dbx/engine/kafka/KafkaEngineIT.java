package dev.dbx.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.engine.EngineContractIT;
import dev.dbx.engine.EngineState;
import dev.dbx.engine.RunningEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
            String bootstrap = kafka.uri().getHost() + ":" + kafka.uri().getPort();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings(bootstrap))) {
                // the topic does not exist yet: the broker creates it on first use
                producer.send(new ProducerRecord<>(TOPIC, "order-1", "created")).get(30, TimeUnit.SECONDS);
            }
            assertThat(readAll(bootstrap)).containsExactly("order-1=created");

            kafka.supervisor().down(kafka.engine());
            assertThat(kafka.supervisor().status(kafka.engine(), false).state()).isEqualTo(EngineState.stopped);
            kafka.supervisor().up(kafka.engine());

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(topics).contains(TOPIC);
            }
            assertThat(readAll(bootstrap)).containsExactly("order-1=created");
        }
    }

    private static Properties producerSettings(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    /** Every record of the topic from the start, read by a fresh consumer group until one arrives or 30 s pass. */
    private static List<String> readAll(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
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
