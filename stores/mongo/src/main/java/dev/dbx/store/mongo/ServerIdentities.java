package dev.dbx.store.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoDatabase;
import dev.dbx.core.store.ServerIdentity;
import org.bson.Document;

/**
 * Who answers on a MongoDB URI: a real MongoDB, or mongo-java-server, which speaks MongoDB's wire protocol but is not
 * MongoDB and must never be reported as such.
 *
 * <p>The rule is the one of {@code dev.dbx.engine.mongo.MongoServerIdentity} (engines/mongo), kept here as a small
 * copy because a store never has an engine module on its classpath (engines run as their own processes): a real
 * {@code mongod}/{@code mongos} always names the commit it was built from ({@code gitVersion}) in {@code buildInfo};
 * mongo-java-server does not. Its own version is in {@code serverStatus.mongoJavaServer.version}, which the server dbx
 * runs adds; another mongo-java-server lacks it.
 */
final class ServerIdentities {
    static final String MONGO_JAVA_SERVER = "mongo-java-server (MongoDB wire-compatible)";
    static final String MONGODB = "MongoDB";
    private static final String DBX_IDENTITY_FIELD = "mongoJavaServer";

    private ServerIdentities() {}

    /** Asks the server (two round trips for mongo-java-server, one for MongoDB). */
    static ServerIdentity ask(MongoDatabase admin) {
        Document buildInfo = admin.runCommand(new Document("buildInfo", 1));
        if (isRealMongoDb(buildInfo)) {
            return new ServerIdentity(MONGODB, String.valueOf(buildInfo.get("version")));
        }
        return mongoJavaServer(buildInfo, serverStatus(admin));
    }

    static boolean isRealMongoDb(Document buildInfo) {
        return buildInfo.containsKey("gitVersion");
    }

    /** E.g. "1.47.0 (emulates MongoDB 5.0.0)": its own version when it says, then the version it pretends to be. */
    static ServerIdentity mongoJavaServer(Document buildInfo, Document serverStatus) {
        String own = serverStatus != null
                        && serverStatus.get(DBX_IDENTITY_FIELD) instanceof Document d
                        && d.get("version") instanceof String v
                ? v
                : "unknown version";
        return new ServerIdentity(MONGO_JAVA_SERVER, own + " (emulates MongoDB " + buildInfo.get("version") + ")");
    }

    /** Null when the server cannot say (mongo-java-server fails it when its host name does not resolve). */
    private static Document serverStatus(MongoDatabase admin) {
        try {
            return admin.runCommand(new Document("serverStatus", 1));
        } catch (MongoCommandException e) {
            return null;
        }
    }
}
