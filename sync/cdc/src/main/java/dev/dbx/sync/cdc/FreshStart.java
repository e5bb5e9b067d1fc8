package dev.dbx.sync.cdc;

import dev.dbx.core.DbxException;
import dev.dbx.core.Failures;
import dev.dbx.core.sync.ChangeEvents;
import dev.dbx.engine.kafka.KafkaClients;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Before a pipeline's new snapshot: each target's consumer group is moved to the end of the change topic, so it reads
 * that snapshot and what follows, not the events of earlier snapshots and runs the topic still holds (applying those
 * again would end right, being idempotent and in order, but would cost their time and count their old commit times as
 * lag).
 */
public final class FreshStart {
    private FreshStart() {}

    /** Commits the topic's end offsets for each target's group; nothing to do when the topic does not exist yet. */
    public static void skipToEnd(URI kafka, String dataset, List<Target> targets) {
        String topic = ChangeEvents.topic(dataset);
        Properties settings = KafkaClients.settings(kafka);
        try (Admin admin = Admin.create(settings)) {
            TopicDescription described;
            try {
                described = admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(30, TimeUnit.SECONDS)
                        .get(topic);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    return;
                }
                throw e;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicPartitionInfo p : described.partitions()) {
                latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
            ends.forEach((tp, info) -> end.put(tp, new OffsetAndMetadata(info.offset())));
            for (Target target : targets) {
                admin.alterConsumerGroupOffsets(target.group(), end).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new DbxException(
                    "cannot move the targets' consumer groups to the end of " + topic + " before a new snapshot: "
                            + Failures.describe(e.getCause() == null ? e : e.getCause()),
                    "is another dbx sync cdc applying to these targets? stop it first");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbxException("interrupted while preparing a new snapshot");
        }
    }
}
