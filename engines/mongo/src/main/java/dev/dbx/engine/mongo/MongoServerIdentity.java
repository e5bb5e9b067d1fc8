package dev.dbx.engine.mongo;

import dev.dbx.core.store.ServerIdentity;
import org.bson.Document;

/**
 * Who answers on a MongoDB URI: a real MongoDB, or mongo-java-server (which speaks MongoDB's wire protocol but is not
 * MongoDB and must never be reported as such).
 *
 * <p>How to tell them apart (the same rule serves servers reached by URI):
 *
 * <ul>
 *   <li>{@code buildInfo} (needs no privileges): a real {@code mongod}/{@code mongos} always sends {@code gitVersion}
 *       (with {@code modules}, {@code allocator}, {@code storageEngines}, {@code buildEnvironment}, ...).
 *       mongo-java-server sends only {@code version} (the MongoDB version it emulates, e.g. "5.0.0"),
 *       {@code versionArray}, {@code maxBsonObjectSize} and {@code ok}: no {@code gitVersion}.
 *   <li>{@code serverStatus}: mongo-java-server says {@code process: "java"} (real: "mongod" or "mongos"). The server
 *       dbx runs adds {@code mongoJavaServer: {version, backend}} there, which names the library's own version;
 *       another mongo-java-server lacks it.
 *   <li>{@code hello} fails with CommandNotFound (59) on mongo-java-server; every MongoDB since 4.4.2 answers it.
 * </ul>
 */
public final class MongoServerIdentity {
    public static final String MONGO_JAVA_SERVER = "mongo-java-server (MongoDB wire-compatible)";
    public static final String MONGODB = "MongoDB";

    /** The field the server dbx runs adds to its serverStatus reply. */
    static final String DBX_IDENTITY_FIELD = "mongoJavaServer";

    private MongoServerIdentity() {}

    /** Whether a {@code buildInfo} reply comes from a real MongoDB server (it names the commit it was built from). */
    public static boolean isRealMongoDb(Document buildInfo) {
        return buildInfo.containsKey("gitVersion");
    }

    /** A real MongoDB's identity: the version its {@code buildInfo} reports. */
    public static ServerIdentity mongoDb(Document buildInfo) {
        return new ServerIdentity(MONGODB, String.valueOf(buildInfo.get("version")));
    }

    /**
     * mongo-java-server's identity, e.g. version "1.47.0 (emulates MongoDB 5.0.0)": its own version (from
     * {@code serverStatus}, when it reports one; null when it could not be asked), then what it pretends to be.
     */
    public static ServerIdentity mongoJavaServer(Document buildInfo, Document serverStatus) {
        String own = serverStatus != null
                        && serverStatus.get(DBX_IDENTITY_FIELD) instanceof Document d
                        && d.get("version") instanceof String v
                ? v
                : "unknown version";
        return new ServerIdentity(MONGO_JAVA_SERVER, own + " (emulates MongoDB " + buildInfo.get("version") + ")");
    }
}
