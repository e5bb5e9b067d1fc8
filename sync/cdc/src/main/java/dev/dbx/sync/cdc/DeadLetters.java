package dev.dbx.sync.cdc;

import dev.dbx.core.DbxException;
import dev.dbx.core.sync.ChangeEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A target's dead-letter topic ({@link ChangeEvents#deadLetterTopic}): a record the target cannot take goes there with
 * its original key, value and headers, plus headers saying why and where it came from (the way Kafka Connect's
 * {@code errors.deadletterqueue.context.headers.enable} does), so it can be read, fixed and produced again.
 */
final class DeadLetters implements AutoCloseable {
    static final String REASON = "dbx.error.reason";
    static final String KIND = "dbx.error.kind";
    static final String TARGET = "dbx.target";
    static final String SOURCE_TOPIC = "dbx.source.topic";
    static final String SOURCE_PARTITION = "dbx.source.partition";
    static final String SOURCE_OFFSET = "dbx.source.offset";

    /** Why a record is a dead letter: its value is not a change event, or the target refused the change. */
    enum Kind {
        UNDECODABLE,
        REJECTED
    }

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final String target;
    private final KafkaProducer<byte[], byte[]> producer;

    DeadLetters(Properties kafka, String dataset, String target) {
        this.topic = ChangeEvents.deadLetterTopic(dataset, target);
        this.target = target;
        Properties p = (Properties) kafka.clone();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "dbx-sync-" + target + "-dlq");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
    }

    String topic() {
        return topic;
    }

    /** Creates the topic with the broker's defaults unless it is there (a cluster may not create topics on use). */
    static void createTopic(Admin admin, String topic) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())))
                    .all()
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new DbxException("cannot create the dead-letter topic " + topic + ": "
                        + e.getCause().getMessage());
            }
        } catch (TimeoutException e) {
            throw new DbxException("Kafka did not create the dead-letter topic " + topic + " within " + SEND_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbxException("interrupted while creating " + topic);
        }
    }

    /** Sends {@code record} and waits for Kafka's acknowledgement: the caller commits past it only after this. */
    void send(ConsumerRecord<byte[], byte[]> record, Kind kind, String reason) {
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(topic, null, record.key(), record.value());
        Headers headers = letter.headers();
        for (Header h : record.headers()) {
            headers.add(h);
        }
        headers.add(KIND, bytes(kind.name().toLowerCase(java.util.Locale.ROOT)));
        headers.add(REASON, bytes(reason));
        headers.add(TARGET, bytes(target));
        headers.add(SOURCE_TOPIC, bytes(record.topic()));
        headers.add(SOURCE_PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(SOURCE_OFFSET, bytes(Long.toString(record.offset())));
        try {
            producer.send(letter).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new DbxException("Kafka did not take a dead letter for " + topic + ": "
                    + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new DbxException("Kafka did not acknowledge a dead letter for " + topic + " within " + SEND_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbxException("interrupted while sending a dead letter to " + topic);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
