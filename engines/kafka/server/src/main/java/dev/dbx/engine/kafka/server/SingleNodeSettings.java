package dev.dbx.engine.kafka.server;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of a single local node: one broker and controller, loopback only, sized for a small machine. Both
 * listeners ask for SASL/PLAIN: the one user is {@code dbx}, whose password is the lab's secret. The broker uses the
 * same user to reach the controller (and itself), so the secret is the only way in on either port.
 */
final class SingleNodeSettings {
    static final String CLIENT_LISTENER = "CLIENT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String USER = "dbx";
    static final int NODE_ID = 1;

    private SingleNodeSettings() {}

    static Properties of(String host, int brokerPort, int controllerPort, Path logDir, String secret) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        // A static voter set: nothing about the quorum's address is written to the log, so the ports may differ
        // from one start to the next on the same data directory.
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        p.setProperty(
                "listeners",
                CLIENT_LISTENER + "://" + host + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + host + ":"
                        + controllerPort);
        p.setProperty("advertised.listeners", CLIENT_LISTENER + "://" + host + ":" + brokerPort);
        p.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        p.setProperty("inter.broker.listener.name", CLIENT_LISTENER);
        p.setProperty(
                "listener.security.protocol.map",
                CLIENT_LISTENER + ":SASL_PLAINTEXT," + CONTROLLER_LISTENER + ":SASL_PLAINTEXT");

        // SASL/PLAIN on both listeners. Each listener's JAAS entry holds the users the server accepts (user_dbx) and
        // the credentials this node logs in with when it is the client (username/password): broker to controller,
        // controller to itself for the quorum. No TLS: loopback only.
        p.setProperty("sasl.enabled.mechanisms", "PLAIN");
        p.setProperty("sasl.mechanism.inter.broker.protocol", "PLAIN");
        p.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
        String jaas = jaas(secret);
        p.setProperty(listenerJaasKey(CLIENT_LISTENER), jaas);
        p.setProperty(listenerJaasKey(CONTROLLER_LISTENER), jaas);
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

    /** The JAAS entry of a listener: {@code dbx} may log in with {@code secret}, and this node logs in as {@code dbx}. */
    static String jaas(String secret) {
        if (!secret.matches("[A-Za-z0-9_.~+/=-]+")) {
            // a JAAS value is a quoted string: the lab's secret (base64url) never needs escaping; anything else is
            // refused
            throw new IllegalArgumentException(
                    "the secret holds characters a JAAS configuration cannot quote as they are");
        }
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + USER + "\" password=\""
                + secret + "\" user_" + USER + "=\"" + secret + "\";";
    }

    static String listenerJaasKey(String listener) {
        return "listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + ".plain.sasl.jaas.config";
    }
}
