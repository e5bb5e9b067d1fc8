package dev.dbx.store.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Graph;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.ServerResources;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.store.Capabilities;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;

/**
 * A MongoDB server (or mongo-java-server, which speaks MongoDB's wire protocol and is reported as itself, never as
 * MongoDB) reached with the official sync driver. It hands out the {@link DocumentModel} of dbx's datasets and the
 * YCSB {@link UserTable}; both share the one pooled {@link MongoClient}. The server's own CPU and memory
 * ({@link MongoResources}) are read through a client of their own.
 */
public final class MongoStore implements Store {
    private final StoreConfig config;
    private final MongoClient client;
    private final MongoCalls calls;
    private final DocumentModel model;
    private final UserTable userTable;
    private final MongoResources resources;
    private final Capabilities capabilities;
    private volatile Boolean mongoJavaServer;

    MongoStore(StoreConfig config, MongoClient client, String databaseName, MongoResources resources) {
        this.config = config;
        this.client = client;
        this.resources = resources;
        this.calls = new MongoCalls(config.uri(), config.timeout());
        MongoDatabase database = client.getDatabase(databaseName);
        this.model = new DocumentModel(database, calls, config.timeout(), this::isMongoJavaServer);
        this.userTable = new UserTable(database, client.getDatabase("admin"), calls, this::isMongoJavaServer);
        this.capabilities = Capabilities.builder()
                .add(DatasetModel.class, model)
                .add(KeyValue.class, userTable)
                .add(ServerResources.class, resources)
                .add(Analytics.class, new AggregationQueries(database, calls, this::isMongoJavaServer))
                .add(TextSearch.class, new TextQueries(database, calls, this::isMongoJavaServer))
                .add(Graph.class, new MongoGraph(database, calls))
                .add(Sink.class, new MongoSink(database, calls))
                .build();
    }

    @Override
    public StoreConfig config() {
        return config;
    }

    @Override
    public ServerIdentity identity() {
        return calls.call("asking the server who it is", () -> ServerIdentities.ask(client.getDatabase("admin")));
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /** Whether the server is mongo-java-server, whose gaps the model works around (asked once). */
    private boolean isMongoJavaServer() {
        Boolean known = mongoJavaServer;
        if (known == null) {
            known = identity().product().equals(ServerIdentities.MONGO_JAVA_SERVER);
            mongoJavaServer = known;
        }
        return known;
    }

    @Override
    public void close() {
        try {
            resources.close();
        } finally {
            client.close();
        }
    }
}
