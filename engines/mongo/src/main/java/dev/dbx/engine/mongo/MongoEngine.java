package dev.dbx.engine.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.dbx.core.DbxException;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.engine.EngineContext;
import dev.dbx.engine.Launch;
import dev.dbx.engine.LocalEngine;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * mongo-java-server (MongoDB wire-compatible; NOT MongoDB: no real {@code mongod} can be had here) in a child JVM,
 * keeping its data in one H2 MVStore file under the data directory. Its heap is capped: it grows without a cap.
 *
 * <p><b>Not protected by a password.</b> mongo-java-server (1.47.0) implements no authentication: it has no
 * {@code saslStart}/{@code authenticate} command and no users, so it cannot ask for the lab's secret, and its URI
 * carries none (a client that sends credentials is refused, {@code no such command: 'saslStart'}). It listens on
 * loopback only, but any user of this machine can connect to it and read, change or drop its data. Its files are
 * owner-only (directory 0700, data file 0600). A real MongoDB reached by URI brings its own authentication.
 */
public final class MongoEngine extends LocalEngine {
    private static final String MAIN_CLASS = "dev.dbx.engine.mongo.server.MongoServerMain";
    private static final String DATA_FILE = "mongo-java-server.mv";
    private static final String DATABASE = "dbx";

    /**
     * Heap and direct buffers (Netty) capped; on running out, exit (shows as crashed) rather than limp on. The heap is
     * 1 GB because mongo-java-server holds a whole query or aggregation result in memory before answering: at TPC-H
     * SF 0.1 an aggregation over all orders ran out of a 256 MB heap. The heap grows only as needed (idle: ~50 MB).
     */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms32m", "-Xmx1g", "-XX:MaxDirectMemorySize=128m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    @Override
    public String name() {
        return "mongo";
    }

    @Override
    public String description() {
        return MongoServerIdentity.MONGO_JAVA_SERVER + " with the H2 MVStore backend";
    }

    @Override
    public int defaultPort() {
        return 17017;
    }

    @Override
    public Launch launch(EngineContext ctx) {
        return Launch.jvm(
                this,
                ctx,
                MAIN_CLASS,
                JVM_OPTIONS,
                List.of(
                        ctx.host(),
                        Integer.toString(ctx.port()),
                        ctx.dataDir().resolve(DATA_FILE).toString()));
    }

    /** mongo-java-server has no authentication at all (no users, no SASL): said, not faked. */
    @Override
    public Optional<String> unprotectedReason() {
        return Optional.of("mongo-java-server has no authentication (no users, no SASL), so it cannot ask for a"
                + " password: any user of this machine can reach it on 127.0.0.1 (its files are still yours alone);"
                + " point the store at a real MongoDB by URI where that matters");
    }

    @Override
    public URI uri(EngineContext ctx) {
        return URI.create("mongodb://" + ctx.host() + ":" + ctx.port() + "/" + DATABASE);
    }

    @Override
    public ServerIdentity probe(URI uri, Duration timeout) {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri.toString()))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(
                        b -> b.connectTimeout(millis, TimeUnit.MILLISECONDS).readTimeout(millis, TimeUnit.MILLISECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            MongoDatabase admin = client.getDatabase("admin");
            Document buildInfo = admin.runCommand(new Document("buildInfo", 1));
            if (MongoServerIdentity.isRealMongoDb(buildInfo)) {
                return MongoServerIdentity.mongoDb(buildInfo);
            }
            return MongoServerIdentity.mongoJavaServer(buildInfo, serverStatus(admin));
        } catch (MongoTimeoutException e) {
            throw new DbxException("no answer from " + uri + " within " + millis + " ms", "is the server running?");
        } catch (MongoException e) {
            throw new DbxException("buildInfo failed at " + uri + ": " + e.getMessage());
        }
    }

    /**
     * Where mongo-java-server names its own version; null if it cannot say (serverStatus fails there when the host
     * name does not resolve).
     */
    private static Document serverStatus(MongoDatabase admin) {
        try {
            return admin.runCommand(new Document("serverStatus", 1));
        } catch (MongoCommandException e) {
            return null;
        }
    }
}
