package dev.dbx.engine.kafka;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.engine.EngineContext;
import dev.dbx.engine.Launch;
import dev.dbx.engine.LocalEngine;
import dev.dbx.engine.PrivateFiles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.SupportedVersionRange;
import org.apache.kafka.common.Node;

/**
 * Apache Kafka in KRaft mode: one node that is both broker and controller, in a child JVM
 * ({@code dev.dbx.engine.kafka.server.KafkaMain}). Both ports ask for SASL/PLAIN: the one user is {@code dbx}, whose
 * password is the lab's secret; the URI is {@code kafka://dbx:<secret>@127.0.0.1:<port>}, and
 * {@link KafkaClients#settings} turns it into a client's settings. The secret reaches the server through an owner-only
 * file in the engine's directory, which the server reads once and deletes. Kafka carries changes; it is not a store.
 */
public final class KafkaEngine extends LocalEngine {
    private static final String PRODUCT = "Apache Kafka";
    private static final String METADATA_VERSION = "metadata.version";
    /** Where the server finds the secret (owner-only; the server deletes it once read). */
    static final String SECRET_FILE = "secret";

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String description() {
        return "Apache Kafka 4.3 (KRaft, broker and controller in one JVM)";
    }

    @Override
    public Optional<String> storeId() {
        return Optional.empty();
    }

    @Override
    public int defaultPort() {
        return 19092;
    }

    @Override
    public List<String> portNames() {
        return List.of("broker", "controller");
    }

    @Override
    public Launch launch(EngineContext ctx) throws IOException {
        List<String> jvmOptions = new ArrayList<>(List.of(
                "-Xms64m",
                "-Xmx512m",
                // a small heap on a shared 2-core machine: the serial collector costs the least memory and threads
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true"));
        if (Runtime.version().feature() >= 23) {
            // Kafka unmaps its index files through sun.misc.Unsafe; JDK 23+ warns about it on every start. The
            // child runs on the JDK that runs dbx, so the flag (unknown before 23) is only passed where it exists.
            jvmOptions.add("--sun-misc-unsafe-memory-access=allow");
        }
        Path secretFile = ctx.home().resolve(SECRET_FILE);
        PrivateFiles.createFile(secretFile);
        Files.writeString(secretFile, ctx.secret() + "\n", StandardCharsets.UTF_8);
        List<String> args = List.of(
                ctx.host(),
                Integer.toString(ctx.port(0)),
                Integer.toString(ctx.port(1)),
                ctx.dataDir().toString(),
                secretFile.toString());
        return Launch.jvm(this, ctx, "dev.dbx.engine.kafka.server.KafkaMain", jvmOptions, args);
    }

    @Override
    public URI uri(EngineContext ctx) {
        return URI.create(KafkaClients.SCHEME + "://" + ctx.credentials() + ctx.host() + ":" + ctx.port());
    }

    /**
     * Asks the broker with the Admin client for its nodes and its features. Kafka's protocol carries no software
     * version (its {@code AppInfoParser} version is only in JMX), so the version is derived from what the broker does
     * report: the highest {@code metadata.version} it supports. Each release adds its own level, and a broker supports
     * up to its own release's level (unless unstable feature versions are enabled, which this engine never does):
     * level 30, "4.3-IV0", means a 4.3.x server. The patch release cannot be told, so it is not claimed. The reported
     * version is e.g. {@code "4.3 (metadata.version 4.3-IV0)"}.
     */
    @Override
    public ServerIdentity probe(URI uri, Duration timeout) {
        // Cheap check first: while the broker is still starting, a refused connection is the answer, without the
        // Admin client's threads and its connection warnings.
        String where = Uris.redact(uri);
        requireListening(uri, timeout);
        int timeoutMs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        Admin admin = Admin.create(adminSettings(uri, timeoutMs));
        try {
            Collection<Node> nodes = admin.describeCluster().nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                throw new DbxException("Kafka at " + where + " reports no broker yet");
            }
            FeatureMetadata features =
                    admin.describeFeatures().featureMetadata().get(timeoutMs, TimeUnit.MILLISECONDS);
            return new ServerIdentity(PRODUCT, versionOf(features));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DbxException(
                    "Kafka at " + where + " did not answer: " + Uris.redactText(String.valueOf(cause.getMessage())));
        } catch (TimeoutException e) {
            throw new DbxException("Kafka at " + where + " did not answer within " + timeoutMs + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbxException("interrupted while asking Kafka at " + where);
        } finally {
            admin.close(Duration.ofSeconds(1));
        }
    }

    static String versionOf(FeatureMetadata features) {
        SupportedVersionRange supported = features.supportedFeatures().get(METADATA_VERSION);
        if (supported == null) {
            throw new DbxException("the Kafka broker reports no supported " + METADATA_VERSION);
        }
        int level = supported.maxVersion();
        return MetadataVersions.name(level)
                .map(name -> MetadataVersions.release(name) + " (" + METADATA_VERSION + " " + name + ")")
                .orElse("unknown (" + METADATA_VERSION + " level " + level + ")");
    }

    private static Properties adminSettings(URI uri, int timeoutMs) {
        Properties settings = KafkaClients.settings(uri);
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "dbx-probe");
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        settings.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) timeoutMs);
        settings.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) timeoutMs);
        settings.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100L);
        return settings;
    }

    private static void requireListening(URI uri, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int)
                    Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        } catch (IOException e) {
            throw new DbxException("Kafka at " + Uris.redact(uri) + " does not accept connections: " + e.getMessage());
        }
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    public Duration stopTimeout() {
        return Duration.ofSeconds(20);
    }
}
