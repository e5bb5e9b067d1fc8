package dev.dbx.engine.kafka.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * Runs one Apache Kafka node in KRaft mode (broker and controller combined) in the foreground, the way Kafka's own
 * {@code kafka.Kafka} does: formats the log directory on the first start, starts the server, and shuts it down on
 * SIGTERM. On a fatal error Kafka exits this whole JVM, which is why it runs in a process of its own.
 *
 * <p>Arguments: {@code <host> <broker port> <controller port> <log dir> <secret file>}. The secret file is owner-only
 * and holds the lab's secret, the password of the one SASL/PLAIN user {@code dbx} (see {@link SingleNodeSettings}); it
 * is read once and deleted, so the secret is never on a command line and only in this process's memory while it runs.
 */
public final class KafkaMain {
    private KafkaMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: KafkaMain <host> <broker port> <controller port> <log dir> <secret file>");
            System.exit(2);
        }
        String host = args[0];
        int brokerPort = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Path logDir = Path.of(args[3]).toAbsolutePath().normalize();
        String secret = readSecret(Path.of(args[4]));

        KafkaConfig config =
                KafkaConfig.fromProps(SingleNodeSettings.of(host, brokerPort, controllerPort, logDir, secret), false);
        LogDirFormat.ensureFormatted(logDir, SingleNodeSettings.NODE_ID);

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(server), "kafka-shutdown-hook"));
        try {
            server.startup();
        } catch (Throwable e) {
            // startup() already shut down what it had started; exit non-zero so the supervisor reports the failure
            System.err.println("Kafka failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        server.awaitShutdown();
        System.exit(0);
    }

    /** The secret in {@code file}, which is then deleted: it was written for this start only. */
    static String readSecret(Path file) throws IOException {
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        Files.deleteIfExists(file);
        if (secret.isEmpty()) {
            System.err.println("dbx: the secret file " + file + " is empty");
            System.exit(1);
        }
        return secret;
    }

    private static void shutdown(KafkaRaftServer server) {
        try {
            server.shutdown();
            System.out.println("Kafka stopped");
        } catch (Throwable e) {
            // exit() from inside a shutdown hook would deadlock: halt, as kafka.Kafka does
            e.printStackTrace();
            Runtime.getRuntime().halt(1);
        }
    }
}
