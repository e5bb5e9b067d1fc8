package dev.dbx.sync.capture.server;

import static dev.dbx.sync.capture.server.CaptureFiles.*;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** What this capture process was told to do: the settings file and the secrets file of its directory. */
record CaptureSettings(
        Path home,
        String dataset,
        String pipeline,
        String pgHost,
        int pgPort,
        String pgDatabase,
        String pgUser,
        String pgPassword,
        String slot,
        String publication,
        List<String> tables,
        String heartbeatTable,
        String heartbeatQuery,
        long heartbeatMillis,
        long pollMillis,
        int partitions,
        URI kafka) {

    /** Reads both files; the secrets file is deleted once read (it was written for this start only). */
    static CaptureSettings read(Path home) throws IOException {
        Properties settings = load(home.resolve(SETTINGS));
        Path secretsFile = home.resolve(SECRETS);
        Properties secrets = load(secretsFile);
        Files.deleteIfExists(secretsFile);
        return new CaptureSettings(
                home,
                required(settings, DATASET),
                required(settings, PIPELINE),
                required(settings, PG_HOST),
                Integer.parseInt(required(settings, PG_PORT)),
                required(settings, PG_DATABASE),
                required(settings, PG_USER),
                required(secrets, PG_PASSWORD),
                required(settings, SLOT),
                required(settings, PUBLICATION),
                Arrays.stream(required(settings, TABLES).split(","))
                        .map(String::strip)
                        .toList(),
                required(settings, HEARTBEAT_TABLE),
                required(settings, HEARTBEAT_QUERY),
                Long.parseLong(required(settings, HEARTBEAT_MS)),
                Long.parseLong(required(settings, POLL_MS)),
                Integer.parseInt(required(settings, PARTITIONS)),
                URI.create(required(secrets, KAFKA_URI)));
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the capture's settings have no '" + key + "'");
        }
        return value;
    }
}
