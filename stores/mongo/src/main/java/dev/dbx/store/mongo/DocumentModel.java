package dev.dbx.store.mongo;

import com.mongodb.client.MongoDatabase;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowSink;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * MongoDB's document model of dbx's datasets (see {@code schema/*-mapping.json}): orders embedding their line items,
 * parts embedding their supplier offers, customers and suppliers carrying a copy of their nation and region, money
 * as Decimal128, dates as BSON dates, a {@code $jsonSchema} validator on every collection and indexes built after the
 * load. Every driver error leaves as a one-line {@link dev.dbx.core.DbxException}.
 */
public final class DocumentModel implements DatasetModel {
    /** Index builds and whole-collection counts may take minutes at large scale factors: their own time limit. */
    private static final Duration LONG_OPERATION = Duration.ofHours(2);

    private final MongoDatabase database;
    private final MongoCalls calls;
    private final BooleanSupplier mongoJavaServer;
    private final DatasetSchema schema;
    private final DocumentLoader loader;
    private final DocumentScanner scanner;
    private final KeyLookup keys;

    /** @param mongoJavaServer whether the server is mongo-java-server (asked once, when first needed) */
    DocumentModel(MongoDatabase database, MongoCalls calls, Duration timeout, BooleanSupplier mongoJavaServer) {
        this.database = database;
        this.calls = calls;
        this.mongoJavaServer = mongoJavaServer;
        long longMillis = Math.max(timeout.toMillis(), LONG_OPERATION.toMillis());
        this.schema = new DatasetSchema(database, longMillis);
        this.loader = new DocumentLoader(database, calls::error);
        this.scanner = new DocumentScanner(database, longMillis, mongoJavaServer);
        this.keys = new KeyLookup(database);
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
        return calls.call("listing collections", () -> schema.validators(dataset));
    }

    @Override
    public boolean isLoaded(Dataset dataset) {
        return calls.call("checking for the " + dataset.name() + " dataset", () -> schema.isLoaded(dataset));
    }

    @Override
    public void create(Dataset dataset) {
        calls.call("creating the " + dataset.name() + " collections", () -> schema.create(dataset));
    }

    @Override
    public void drop(Dataset dataset) {
        calls.run("dropping the " + dataset.name() + " collections", () -> schema.drop(dataset));
    }

    @Override
    public void load(DatasetSource source) {
        calls.run("loading " + source.description(), () -> loader.load(source));
    }

    @Override
    public String loadMethod() {
        return DocumentLoader.METHOD;
    }

    @Override
    public void index(Dataset dataset) {
        boolean skipUnbuilt = mongoJavaServer.getAsBoolean();
        calls.run("indexing the " + dataset.name() + " collections", () -> schema.index(dataset, skipUnbuilt));
    }

    @Override
    public long count(Dataset dataset, Entity entity) {
        return calls.call("counting " + entity.name(), () -> scanner.count(DatasetMapping.of(dataset), entity));
    }

    @Override
    public void scan(Dataset dataset, Entity entity, RowSink sink) {
        calls.run("scanning " + entity.name(), () -> scanner.scan(DatasetMapping.of(dataset), entity, sink));
    }

    @Override
    public Set<List<Object>> existingKeys(Dataset dataset, Entity entity, Collection<List<Object>> keys) {
        return calls.call(
                "looking up " + entity.name() + " keys",
                () -> this.keys.existing(DatasetMapping.of(dataset), entity, keys));
    }
}
