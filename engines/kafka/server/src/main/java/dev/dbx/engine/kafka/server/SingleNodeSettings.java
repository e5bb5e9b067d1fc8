package dev.dbx.engine.kafka.server;

import java.nio.file.Path;
import java.util.Properties;

/** The configuration of a single local node: one broker and controller, loopback only, sized for a small machine. */
final class SingleNodeSettings {
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final int NODE_ID = 1;

    private SingleNodeSettings() {}

    static Properties of(String host, int brokerPort, int controllerPort, Path logDir) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        // A static voter set: nothing about the quorum's address is written to the log, so the ports may differ
        // from one start to the next on the same data directory.
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        p.setProperty(
                "listeners",
                "PLAINTEXT://" + host + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + host + ":"
                        + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
        p.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());

        // One node: every internal topic has one replica; one partition each is plenty locally and quick to create.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.num.partitions", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("num.partitions", "1");
        p.setProperty("auto.create.topics.enable", "true");
        // Consumers join a group at once instead of waiting 3 s for others that will never come.
        p.setProperty("group.initial.rebalance.delay.ms", "0");

        // Small machine: the cleaner's 128 MB dedupe buffer would dominate the heap; few threads.
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        p.setProperty("log.cleaner.threads", "1");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        p.setProperty("background.threads", "2");
        return p;
    }
}
