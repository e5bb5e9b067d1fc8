package dev.dbx.store.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.ValidationAction;
import com.mongodb.client.model.ValidationLevel;
import com.mongodb.client.model.ValidationOptions;
import dev.dbx.core.dataset.Dataset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The model's collections, validators and indexes: create, drop, index, and whether any data is there. */
final class DatasetSchema {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetSchema.class);
    private static final int NAMESPACE_EXISTS = 48;

    private final MongoDatabase database;
    private final long longOperationMillis;

    DatasetSchema(MongoDatabase database, long longOperationMillis) {
        this.database = database;
        this.longOperationMillis = longOperationMillis;
    }

    boolean isLoaded(Dataset dataset) {
        for (CollectionSpec c : CollectionSpec.of(dataset)) {
            if (database.getCollection(c.name())
                            .find()
                            .projection(new Document("_id", 1))
                            .limit(1)
                            .first()
                    != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Creates the missing collections with their validators (strict level, error action); existing ones are left
     * as they are. Returns, per collection, whether the server kept the validator (see {@link #validators}).
     */
    Map<String, Boolean> create(Dataset dataset) {
        Set<String> existing = database.listCollectionNames().into(new HashSet<>());
        for (CollectionSpec c : CollectionSpec.of(dataset)) {
            if (existing.contains(c.name())) {
                continue;
            }
            ValidationOptions validation = new ValidationOptions()
                    .validator(c.validator())
                    .validationLevel(ValidationLevel.STRICT)
                    .validationAction(ValidationAction.ERROR);
            try {
                database.createCollection(c.name(), new CreateCollectionOptions().validationOptions(validation));
            } catch (MongoCommandException e) {
                if (e.getErrorCode() != NAMESPACE_EXISTS) { // another client created it meanwhile: fine
                    throw e;
                }
            }
        }
        Map<String, Boolean> validators = validators(dataset);
        List<String> missing = validators.entrySet().stream()
                .filter(e -> !e.getValue())
                .map(Map.Entry::getKey)
                .toList();
        if (!missing.isEmpty()) {
            LOG.warn(
                    "the server does not enforce the $jsonSchema validators of {} (it reports none for them; "
                            + "mongo-java-server accepts the option and ignores it, real MongoDB keeps and enforces it)",
                    missing);
        }
        return validators;
    }

    /**
     * Per collection of the dataset, whether the server holds a validator for it, as {@code listCollections} reports
     * it: a server that accepted the option but ignores it (mongo-java-server) shows none.
     */
    Map<String, Boolean> validators(Dataset dataset) {
        Map<String, Document> options = new LinkedHashMap<>();
        for (Document info : database.listCollections()) {
            options.put(info.getString("name"), info.get("options", new Document()));
        }
        return CollectionSpec.of(dataset).stream()
                .collect(Collectors.toMap(
                        CollectionSpec::name,
                        c -> options.containsKey(c.name())
                                && options.get(c.name()).get("validator") instanceof Document v
                                && !v.isEmpty(),
                        (a, b) -> a,
                        LinkedHashMap::new));
    }

    void drop(Dataset dataset) {
        for (CollectionSpec c : CollectionSpec.of(dataset)) {
            database.getCollection(c.name()).drop();
        }
    }

    /**
     * Builds the model's indexes, one {@code createIndexes} command per collection (the server builds them in one
     * pass). Repeating it is harmless: an index that exists with the same definition is left alone.
     *
     * <p>mongo-java-server builds only {@code _id} and unique indexes: it records any other index, yet reads every
     * document twice to "build" it. There those are skipped, with a warning, rather than paid for and pretended.
     */
    void index(Dataset dataset, boolean mongoJavaServer) {
        List<IndexSpec> all = IndexSpec.of(dataset);
        List<IndexSpec> skipped =
                mongoJavaServer ? all.stream().filter(i -> !i.unique()).toList() : List.of();
        Map<String, List<IndexSpec>> byCollection = all.stream()
                .filter(i -> !skipped.contains(i))
                .collect(Collectors.groupingBy(IndexSpec::collection, LinkedHashMap::new, Collectors.toList()));
        MongoDatabase slow = database.withTimeout(longOperationMillis, TimeUnit.MILLISECONDS);
        for (Map.Entry<String, List<IndexSpec>> e : byCollection.entrySet()) {
            slow.runCommand(new Document("createIndexes", e.getKey())
                    .append(
                            "indexes",
                            e.getValue().stream().map(IndexSpec::command).toList()));
        }
        if (!skipped.isEmpty()) {
            LOG.warn(
                    "mongo-java-server builds no secondary or text index (only _id and unique ones): skipped {}; "
                            + "queries on these fields scan. Real MongoDB builds them all",
                    skipped.stream().map(IndexSpec::qualifiedName).toList());
        }
    }
}
