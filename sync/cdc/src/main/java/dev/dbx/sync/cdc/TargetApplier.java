package dev.dbx.sync.cdc;

import dev.dbx.core.DbxException;
import dev.dbx.core.Failures;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.sync.Change;
import dev.dbx.core.sync.ChangeEvent;
import dev.dbx.core.sync.ChangeEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Applies a dataset's change events from Kafka to one target, as a member of the target's consumer group
 * ({@code dbx-sync-<target>}): poll, decode, {@link Sink#apply} the batch, then commit exactly the offsets applied.
 * More processes in the group share the topic's partitions (Kafka's own group protocol).
 *
 * <p>When the target fails a batch:
 *
 * <ul>
 *   <li>If the failure is transient (a transient shape, see {@link TargetErrors}, or the target fails its health
 *       check, {@code Store.identity()}, a real round trip), the same batch is tried again after a backoff that doubles
 *       up to a limit, for as long as it takes; nothing is skipped or committed past it. The partitions are paused
 *       meanwhile and the consumer keeps polling, so the group does not evict it.
 *   <li>Otherwise the target answers but refuses something in the batch: the batch is applied in halves down to the
 *       events that fail on their own; such an event that fails {@link ApplySettings#rejectAttempts} times while the
 *       target keeps answering goes to the dead-letter topic, and the rest of the batch is applied, when
 *       {@link Rejections} sees evidence that the target writes other events; without it the batch waits as above.
 * </ul>
 *
 * A record whose value is not a change event of the dataset goes to the dead-letter topic at once.
 */
final class TargetApplier implements Runnable {
    private final Target target;
    private final Dataset dataset;
    private final Properties kafka;
    private final ApplySettings settings;
    private final TargetMeter meter;
    private final Sink sink;
    private final String topic;
    private volatile boolean stopping;
    private KafkaConsumer<byte[], byte[]> consumer;
    private DeadLetters deadLetters;
    /** Partitions revoked or lost while a batch was in hand: its records of them are someone else's now. */
    private final Set<TopicPartition> gone = new HashSet<>();
    /** Offsets applied whose commit failed in a rebalance: committed when the partitions are revoked, or next time. */
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();

    private boolean waiting;
    /** Events rejected since the target last applied one (see {@link Rejections}). */
    private int rejectedInARow;

    TargetApplier(Target target, Dataset dataset, Properties kafka, ApplySettings settings, TargetMeter meter) {
        this.target = target;
        this.dataset = dataset;
        this.kafka = kafka;
        this.settings = settings;
        this.meter = meter;
        this.sink = target.store().require(Sink.class);
        this.topic = ChangeEvents.topic(dataset.name());
    }

    /** Asks the loop to stop after the batch in hand (applied and committed, unless the target is down). */
    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerSettings());
                DeadLetters letters = new DeadLetters(kafka, dataset.name(), target.name())) {
            consumer = c;
            deadLetters = letters;
            consumer.subscribe(List.of(topic), new CommitBeforeRevoke());
            while (!stopping) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(settings.poll());
                commitUncommitted();
                if (records.isEmpty()) {
                    continue;
                }
                List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
                records.forEach(batch::add);
                gone.clear();
                if (!applyUntilDone(batch)) {
                    return; // stopped while the target was failing: nothing of the batch is committed
                }
                commit(batch);
            }
        }
    }

    private Properties consumerSettings() {
        Properties p = (Properties) kafka.clone();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, target.group());
        p.put(
                ConsumerConfig.CLIENT_ID_CONFIG,
                target.group() + "-" + ProcessHandle.current().pid() + "-"
                        + Integer.toHexString(System.identityHashCode(this)));
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // the capture creates the topic with its partitions; a consumer that came first must not create it with one
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // and a topic created after the applier started is found within seconds, not Kafka's default 5 minutes
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxBatch());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    /** One record of a batch: decoded, or why not; done once applied or dead-lettered. */
    private static final class Item {
        final ConsumerRecord<byte[], byte[]> record;
        final ChangeEvent event;
        final String undecodable;
        boolean done;

        Item(ConsumerRecord<byte[], byte[]> record, ChangeEvent event, String undecodable) {
            this.record = record;
            this.event = event;
            this.undecodable = undecodable;
        }

        TopicPartition partition() {
            return new TopicPartition(record.topic(), record.partition());
        }
    }

    /** The target is down or failing as a whole: the batch waits and is tried again. */
    private static final class TargetUnavailable extends RuntimeException {
        TargetUnavailable(String message) {
            super(message, null, false, false);
        }
    }

    /** A stop asked for while the batch was waiting. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Applies the batch, trying again as long as needed; false when a stop came first. */
    private boolean applyUntilDone(List<ConsumerRecord<byte[], byte[]>> batch) {
        List<Item> items = new ArrayList<>(batch.size());
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            items.add(decode(record));
        }
        Backoff backoff = new Backoff(settings.backoffStart(), settings.backoffMax());
        while (true) {
            items.removeIf(item -> gone.contains(item.partition()));
            try {
                for (Item item : items) {
                    if (item.undecodable != null && !item.done) {
                        deadLetters.send(item.record, DeadLetters.Kind.UNDECODABLE, item.undecodable);
                        item.done = true;
                        meter.deadLettered();
                    }
                }
                List<Item> changes = items.stream().filter(i -> !i.done).toList();
                IsolatingSteps steps = new IsolatingSteps();
                Halves.apply(changes, steps);
                steps.settle(changes.size());
                resumeAfterWaiting();
                return true;
            } catch (Stopped e) {
                return false;
            } catch (RuntimeException e) {
                // the target is down, failing as a whole, or Kafka did not take a dead letter: the same batch again
                meter.retried(e instanceof TargetUnavailable ? e.getMessage() : Failures.describe(e));
                if (!waitPolling(backoff.next())) {
                    return false;
                }
            }
        }
    }

    private Item decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return new Item(record, null, "no value (a tombstone is not a change event)");
        }
        try {
            ChangeEvent event = ChangeEvents.decode(record.value());
            if (!event.dataset().equals(dataset.name())) {
                return new Item(record, null, "a change of dataset " + event.dataset() + ", not " + dataset.name());
            }
            return new Item(record, event, null);
        } catch (DbxException e) {
            return new Item(record, null, e.userMessage());
        } catch (RuntimeException e) {
            return new Item(record, null, "not a change event: " + Failures.describe(e));
        }
    }

    /** The steps of applying a batch in halves: what fails as a whole waits; what fails alone is dead-lettered. */
    private final class IsolatingSteps implements Halves.Steps<Item> {
        private final List<Item> refused = new ArrayList<>();
        private final List<String> reasons = new ArrayList<>();
        private boolean appliedAny;

        @Override
        public void apply(List<Item> items) {
            List<Change> changes = new ArrayList<>(items.size());
            for (Item item : items) {
                changes.add(item.event.change());
            }
            sink.apply(dataset, changes);
            long ack = System.currentTimeMillis();
            List<Long> committed = new ArrayList<>(items.size());
            for (Item item : items) {
                item.done = true;
                committed.add(item.event.committedAtMillis());
            }
            meter.applied(committed, ack);
            appliedAny = true;
            rejectedInARow = 0;
        }

        @Override
        public void failed(List<Item> items, RuntimeException error) {
            if (TargetErrors.transientShape(error)) {
                throw new TargetUnavailable(target.name() + " failed transiently: " + Failures.describe(error));
            }
            try {
                target.store().identity();
            } catch (RuntimeException down) {
                throw new TargetUnavailable(target.name() + " does not answer (" + Failures.describe(down) + ") after: "
                        + Failures.describe(error));
            }
        }

        @Override
        public void alone(Item item, RuntimeException error) {
            Backoff backoff = new Backoff(settings.backoffStart(), settings.backoffMax());
            RuntimeException last = error;
            for (int attempt = 2; attempt <= settings.rejectAttempts(); attempt++) {
                if (!waitPolling(backoff.next())) {
                    throw new Stopped();
                }
                try {
                    apply(List.of(item));
                    return;
                } catch (RuntimeException again) {
                    failed(List.of(item), again);
                    last = again;
                }
            }
            refused.add(item);
            reasons.add(Failures.describe(last));
        }

        /** After the pass: the refused events are dead-lettered if {@link Rejections} says so, else the batch waits. */
        void settle(int batchSize) {
            if (refused.isEmpty()) {
                return;
            }
            if (!Rejections.mayReject(appliedAny, batchSize, rejectedInARow)) {
                throw new TargetUnavailable(target.name() + " failed every event of a batch of " + batchSize
                        + " while answering (taken as failing, not as rejecting them): " + reasons.getFirst());
            }
            for (int i = 0; i < refused.size(); i++) {
                Item item = refused.get(i);
                deadLetters.send(
                        item.record,
                        DeadLetters.Kind.REJECTED,
                        target.name() + " rejected " + item.event.change() + ": " + reasons.get(i));
                item.done = true;
                meter.deadLettered();
                rejectedInARow++;
            }
        }
    }

    /**
     * Waits {@code time} while polling with every partition paused, so the group keeps this member; a record that a
     * rebalance lets through is put back (the consumer seeks to it). False when a stop was asked for.
     */
    private boolean waitPolling(Duration time) {
        waiting = true;
        long end = System.nanoTime() + time.toNanos();
        while (!stopping) {
            consumer.pause(consumer.assignment());
            long left = end - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            ConsumerRecords<byte[], byte[]> slipped = consumer.poll(Duration.ofNanos(Math.min(left, 100_000_000L)));
            for (TopicPartition tp : slipped.partitions()) {
                consumer.seek(tp, slipped.records(tp).getFirst().offset());
            }
        }
        return false;
    }

    private void resumeAfterWaiting() {
        if (waiting) {
            consumer.resume(consumer.paused());
            waiting = false;
        }
    }

    /** Commits the offset after the batch's last record of every partition still ours. */
    private void commit(List<ConsumerRecord<byte[], byte[]>> batch) {
        Set<TopicPartition> ours = consumer.assignment();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            if (ours.contains(tp) && !gone.contains(tp)) {
                uncommitted.merge(
                        tp, new OffsetAndMetadata(record.offset() + 1), (a, b) -> a.offset() >= b.offset() ? a : b);
            }
        }
        commitUncommitted();
    }

    private void commitUncommitted() {
        if (uncommitted.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(uncommitted);
            uncommitted.clear();
        } catch (RebalanceInProgressException e) {
            // kept: committed when the rebalance revokes the partitions, or after the next poll
        } catch (RetriableException e) {
            // Kafka did not answer in time: kept, and committed after the next poll
        } catch (CommitFailedException e) {
            // the group moved the partitions on; their new owner applies from the last commit (idempotent writes)
            uncommitted.clear();
        }
    }

    /** Commits what was applied before partitions go to another member; a batch in hand drops their records. */
    private final class CommitBeforeRevoke implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> theirs = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata offset = uncommitted.remove(tp);
                if (offset != null) {
                    theirs.put(tp, offset);
                }
            }
            if (!theirs.isEmpty()) {
                try {
                    consumer.commitSync(theirs);
                } catch (KafkaException e) {
                    // not committed: the partitions' next owner applies those records again (idempotent writes)
                }
            }
            gone.addAll(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(uncommitted::remove);
            gone.addAll(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            gone.removeAll(partitions);
            if (waiting) {
                consumer.pause(partitions);
            }
        }
    }
}
