package dev.dbx.sync.capture.server;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** The dataset's change topic, created with the asked number of partitions when it is missing (an existing one stays). */
final class ChangeTopic {
    private ChangeTopic() {}

    /** Returns the topic's partition count (the existing one's, when it was there). */
    static int ensure(Properties kafka, String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(kafka)) {
            try {
                // the broker's default replication factor: 1 on the local single node, the cluster's own elsewhere
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                        .all()
                        .get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(60, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .size();
        }
    }
}
