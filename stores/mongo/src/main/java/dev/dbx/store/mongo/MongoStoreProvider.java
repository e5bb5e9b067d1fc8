package dev.dbx.store.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import dev.dbx.core.capability.ServerResources;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.StoreProvider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.bson.Document;

/**
 * MongoDB (or a server speaking its wire protocol, such as mongo-java-server) through the official sync driver. The
 * database is the URI's path ({@value #DEFAULT_DATABASE} when it names none).
 */
public final class MongoStoreProvider implements StoreProvider {
    static final String EXAMPLE = "mongodb://user:password@localhost:27017/dbx";
    static final String DEFAULT_DATABASE = "dbx";

    @Override
    public String id() {
        return "mongo";
    }

    @Override
    public List<String> aliases() {
        return List.of("mongodb");
    }

    @Override
    public List<String> schemes() {
        return List.of("mongodb", "mongodb+srv");
    }

    @Override
    public String uriExample() {
        return EXAMPLE;
    }

    @Override
    public Store open(StoreConfig config) {
        URI uri = config.uri();
        ConnectionString connection = parse(uri);
        String database = database(connection);
        MongoClient client;
        try {
            client = MongoClients.create(
                    ClientSettings.of(connection, config.timeout(), config.poolSize(ClientSettings.DEFAULT_POOL_SIZE)));
        } catch (MongoException e) {
            throw MongoErrors.of(uri, config.timeout(), "connecting", e);
        }
        try {
            // a real round trip now, so a dead server or bad credentials fail here, within the timeout
            client.getDatabase(database).runCommand(new Document("ping", 1));
        } catch (MongoException e) {
            client.close();
            throw MongoErrors.of(uri, config.timeout(), "connecting", e);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        Duration statsTimeout = ServerResources.timeout(config.timeout());
        return new MongoStore(
                config,
                client,
                database,
                new MongoResources(() -> MongoClients.create(ClientSettings.of(connection, statsTimeout, 1))));
    }

    /**
     * The driver's own parser (it checks hosts, options and the database name), its complaint turned into a one-line
     * error that never shows the password.
     */
    static ConnectionString parse(URI uri) {
        try {
            return new ConnectionString(uri.toString());
        } catch (IllegalArgumentException e) {
            throw new DbxException(
                    "malformed MongoDB URI '" + Uris.redact(uri) + "': "
                            + withoutPassword(uri, String.valueOf(e.getMessage())),
                    "expected something like " + EXAMPLE + " or mongodb+srv://cluster.example.net/dbx");
        }
    }

    /** The URI's database (the driver has checked the name), or {@value #DEFAULT_DATABASE}. */
    private static String database(ConnectionString connection) {
        String database = connection.getDatabase();
        return database == null || database.isEmpty() ? DEFAULT_DATABASE : database;
    }

    /** Drivers sometimes quote the part of the URI they could not read: never let a password through that way. */
    static String withoutPassword(URI uri, String message) {
        String password = Uris.password(uri, null);
        String out = Uris.redactText(message);
        return password == null || password.isEmpty() ? out : out.replace(password, "***");
    }
}
