package dev.dbx.engine.kafka.server;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * What {@code kafka-storage.sh format} does, done once: a KRaft node refuses to start on an unformatted log
 * directory. An existing directory is left alone (its cluster id must not change, or its data would be refused).
 */
final class LogDirFormat {
    private LogDirFormat() {}

    static void ensureFormatted(Path logDir, int nodeId) throws Exception {
        if (Files.isRegularFile(logDir.resolve("meta.properties"))) {
            return;
        }
        Files.createDirectories(logDir);
        new Formatter()
                .setPrintStream(System.out)
                .setNodeId(nodeId)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(SingleNodeSettings.CONTROLLER_LISTENER)
                .setMetadataLogDirectory(logDir.toString())
                .addDirectory(logDir.toString())
                .run();
    }
}
