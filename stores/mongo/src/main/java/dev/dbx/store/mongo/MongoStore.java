package dev.dbx.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowSink;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.Store;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * MongoDB's document model of dbx's datasets (see {@code schema/*-mapping.json}): orders embedding their line items,
 * parts embedding their supplier offers, customers and suppliers carrying a copy of their nation and region, money
 * as Decimal128, dates as BSON dates, a {@code $jsonSchema} validator on every collection and indexes built after the
 * load. Every driver error leaves as a one-line {@link dev.dbx.core.DbxException}.
 */
public final class MongoStore implements Store, DatasetModel, KeyValue {
    /** Index builds and whole-collection counts may take minutes at large scale factors: their own time limit. */
    private static final Duration LONG_OPERATION = Duration.ofHours(2);

    private final URI uri;
    private final Duration timeout;
    private final MongoClient client;
    private final MongoDatabase database;
    private final DatasetSchema schema;
    private final DocumentLoader loader;
    private final DocumentScanner scanner;
    private final UserTable userTable;
    private volatile Boolean mongoJavaServer;

    MongoStore(URI uri, MongoClient client, String databaseName, Duration timeout) {
        this.uri = uri;
        this.timeout = timeout;
        this.client = client;
        this.database = client.getDatabase(databaseName);
        long longMillis = Math.max(timeout.toMillis(), LONG_OPERATION.toMillis());
        this.schema = new DatasetSchema(database, longMillis);
        this.loader = new DocumentLoader(database, (doing, e) -> MongoErrors.of(uri, timeout, doing, e));
        this.scanner = new DocumentScanner(database, longMillis, this::isMongoJavaServer);
        String usertable =
                DatasetMapping.of(YcsbSchema.DATASET).of(YcsbSchema.USERTABLE).collection();
        this.userTable = new UserTable(database.getCollection(usertable));
    }

    @Override
    public String id() {
        return "mongo";
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public ServerIdentity identity() {
        return call("asking the server who it is", () -> ServerIdentities.ask(client.getDatabase("admin")));
    }

    /** The database the model lives in (the URI's path). */
    public String databaseName() {
        return database.getName();
    }

    /**
     * Per collection of {@code dataset}, whether the server holds its {@code $jsonSchema} validator.
     * mongo-java-server accepts validators and ignores them: there every value is false.
     */
    public Map<String, Boolean> validators(Dataset dataset) {
        return call("listing collections", () -> schema.validators(dataset));
    }

    // ---- DatasetModel ----------------------------------------------------------------------------------------

    @Override
    public boolean isLoaded(Dataset dataset) {
        return call("checking for the " + dataset.name() + " dataset", () -> schema.isLoaded(dataset));
    }

    @Override
    public void create(Dataset dataset) {
        call("creating the " + dataset.name() + " collections", () -> schema.create(dataset));
    }

    @Override
    public void drop(Dataset dataset) {
        run("dropping the " + dataset.name() + " collections", () -> schema.drop(dataset));
    }

    @Override
    public void load(DatasetSource source) {
        run("loading " + source.description(), () -> loader.load(source));
    }

    @Override
    public void index(Dataset dataset) {
        boolean skipUnbuilt = isMongoJavaServer();
        run("indexing the " + dataset.name() + " collections", () -> schema.index(dataset, skipUnbuilt));
    }

    @Override
    public long count(Dataset dataset, Entity entity) {
        return call("counting " + entity.name(), () -> scanner.count(DatasetMapping.of(dataset), entity));
    }

    @Override
    public void scan(Dataset dataset, Entity entity, RowSink sink) {
        run("scanning " + entity.name(), () -> scanner.scan(DatasetMapping.of(dataset), entity, sink));
    }

    // ---- KeyValue (YCSB usertable) ---------------------------------------------------------------------------

    @Override
    public void insert(String key, Map<String, String> fields) {
        run("insert of " + key, () -> userTable.insert(key, fields));
    }

    @Override
    public Optional<Map<String, String>> read(String key, Set<String> fields) {
        return call("read of " + key, () -> userTable.read(key, fields));
    }

    @Override
    public boolean update(String key, Map<String, String> fields) {
        return call("update of " + key, () -> userTable.update(key, fields));
    }

    @Override
    public boolean delete(String key) {
        return call("delete of " + key, () -> userTable.delete(key));
    }

    @Override
    public List<Record> scan(String startKey, int count, Set<String> fields) {
        return call("scan from " + startKey, () -> userTable.scan(startKey, count, fields));
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
        client.close();
    }

    private <T> T call(String doing, Supplier<T> action) {
        try {
            return action.get();
        } catch (MongoException e) {
            throw MongoErrors.of(uri, timeout, doing, e);
        }
    }

    private void run(String doing, Runnable action) {
        call(doing, () -> {
            action.run();
            return null;
        });
    }
}
