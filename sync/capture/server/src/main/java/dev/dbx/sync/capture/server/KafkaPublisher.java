package dev.dbx.sync.capture.server;

import dev.dbx.core.sync.ChangeEvent;
import dev.dbx.core.sync.ChangeEvents;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The engine's batch handler: each batch's change events are all sent, then awaited (acks=all, idempotent producer),
 * and only then are its records marked processed, so the offsets Debezium stores (and the slot position it confirms)
 * never pass a change Kafka does not hold. After a crash the last unacknowledged batches come again: duplicates, never
 * a loss; the sinks are idempotent.
 *
 * <p>The embedded engine skips a record whose handler throws, so nothing escapes from here: an error stops the capture
 * through {@code onFailure} (which ends the process) and the batch stays unmarked.
 */
final class KafkaPublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final RecordTranslator translator;
    private final Progress progress;
    private final Consumer<Throwable> onFailure;
    private volatile boolean stopping;

    KafkaPublisher(
            KafkaProducer<String, byte[]> producer,
            String topic,
            RecordTranslator translator,
            Progress progress,
            Consumer<Throwable> onFailure) {
        this.producer = producer;
        this.topic = topic;
        this.translator = translator;
        this.progress = progress;
        this.onFailure = onFailure;
    }

    /** Called on shutdown: an interrupted wait for Kafka is then the shutdown, not a failure. */
    void stopping() {
        stopping = true;
    }

    @Override
    public void handleBatch(
            List<RecordChangeEvent<SourceRecord>> records,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        try {
            List<ChangeEvent> events = new ArrayList<>(records.size());
            List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
            for (RecordChangeEvent<SourceRecord> record : records) {
                Optional<ChangeEvent> event = translator.translate(record.record());
                if (event.isPresent()) {
                    ChangeEvent e = event.get();
                    events.add(e);
                    sent.add(producer.send(new ProducerRecord<>(topic, e.key(), ChangeEvents.encode(e))));
                }
            }
            producer.flush();
            for (Future<RecordMetadata> ack : sent) {
                ack.get();
            }
            for (RecordChangeEvent<SourceRecord> record : records) {
                committer.markProcessed(record);
            }
            committer.markBatchFinished();
            for (ChangeEvent e : events) {
                progress.published(e.committedAtMillis(), e.position());
            }
            if (!events.isEmpty()) {
                progress.state(events.getLast().committedAtMillis() == 0 ? "snapshot" : "streaming");
            }
        } catch (InterruptedException e) {
            if (stopping) {
                throw e;
            }
            onFailure.accept(e);
        } catch (Throwable e) {
            if (stopping && e.getCause() instanceof InterruptedException) {
                throw new InterruptedException("stopping");
            }
            onFailure.accept(e);
        }
    }
}
