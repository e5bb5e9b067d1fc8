package dev.dbx.store.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.query.search.MatchingRule;
import dev.dbx.core.query.search.SearchQuery;
import dev.dbx.core.query.search.SearchResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Full-text search with {@code $text} on the orders collection's text index (English; it covers {@code o_comment} and
 * the embedded line items' {@code l_comment}, MongoDB allowing one text index per collection — so an order also
 * matches through its line items' comments), ranked by {@code textScore}. Words are ANDed as quoted phrases (MongoDB
 * ORs bare words); {@code $text} has no prefix search. dbx does not model MongoDB's matching rule, so counts are
 * reported unchecked.
 *
 * <p>mongo-java-server (the local engine) builds no text index and refuses {@code $text}: every query is n/a there,
 * with the server's own answer as the reason, asked once.
 */
final class TextQueries implements TextSearch {
    private static final MatchingRule RULE = new MatchingRule(
            MatchingRule.Tokenizer.MONGO,
            MatchingRule.Stemmer.SNOWBALL_ENGLISH,
            MatchingRule.StopWords.MONGO_ENGLISH,
            MatchingRule.Prefix.NONE,
            "textScore",
            true);

    private final MongoDatabase database;
    private final MongoCalls calls;
    private final BooleanSupplier mongoJavaServer;
    private volatile Optional<String> refused;

    TextQueries(MongoDatabase database, MongoCalls calls, BooleanSupplier mongoJavaServer) {
        this.database = database;
        this.calls = calls;
        this.mongoJavaServer = mongoJavaServer;
    }

    @Override
    public MatchingRule rule() {
        return RULE;
    }

    @Override
    public Optional<String> unsupported(SearchQuery query) {
        Optional<String> server = refusal();
        if (server.isPresent()) {
            return server;
        }
        if (query.kind() == SearchQuery.Kind.PREFIX) {
            return Optional.of("MongoDB's $text has no prefix (wildcard) search");
        }
        return Optional.empty();
    }

    /** Why the server cannot run {@code $text} at all (mongo-java-server), asked once; empty for MongoDB. */
    private Optional<String> refusal() {
        Optional<String> known = refused;
        if (known == null) {
            known = Optional.empty();
            if (mongoJavaServer.getAsBoolean()) {
                try {
                    orders().find(Filters.text("probe")).limit(1).first();
                    known = Optional.of("mongo-java-server (MongoDB wire-compatible) builds no text index");
                } catch (MongoCommandException e) {
                    known = Optional.of("mongo-java-server (MongoDB wire-compatible), not MongoDB, has no text search:"
                            + " it answers $text with \"" + e.getErrorMessage() + "\" (" + e.getErrorCodeName() + ")");
                } catch (MongoException e) {
                    known = Optional.of("mongo-java-server (MongoDB wire-compatible), not MongoDB, has no text search:"
                            + " it answers $text with \"" + e.getMessage() + "\"");
                }
            }
            refused = known;
        }
        return known;
    }

    private MongoCollection<Document> orders() {
        return database.getCollection(TextSearch.ENTITY);
    }

    static String search(SearchQuery query) {
        return switch (query.kind()) {
            case TERM -> query.words().get(0);
            case ALL -> query.words().stream().map(w -> '"' + w + '"').collect(Collectors.joining(" "));
            case PHRASE -> '"' + query.text() + '"';
            case PREFIX -> throw new IllegalArgumentException("no prefix search in $text");
        };
    }

    @Override
    public String text(SearchQuery query) {
        return unsupported(query).isPresent() && query.kind() == SearchQuery.Kind.PREFIX
                ? "(no prefix search in $text)"
                : "db.orders.find({$text: {$search: "
                        + new Document("s", search(query)).toJson().substring(6).replaceAll("}$", "")
                        + "}}, {score: {$meta: 'textScore'}}).sort({score: {$meta: 'textScore'},"
                        + " _id: 1}).limit(10); countDocuments of the same filter";
    }

    @Override
    public SearchResult search(SearchQuery query, int topK, Duration timeout) {
        Bson filter = Filters.text(search(query));
        return calls.call("full-text query " + query, () -> {
            long matches = orders().countDocuments(
                            filter,
                            new com.mongodb.client.model.CountOptions()
                                    .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS));
            List<Long> keys = new ArrayList<>();
            for (Document d : orders().find(filter)
                    .projection(Projections.fields(Projections.include("_id"), Projections.metaTextScore("score")))
                    .sort(Sorts.orderBy(Sorts.metaTextScore("score"), Sorts.ascending("_id")))
                    .limit(topK)
                    .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                keys.add(((Number) d.get("_id")).longValue());
            }
            return new SearchResult(matches, keys);
        });
    }

    @Override
    public CacheDrop dropCaches() {
        return CacheDrop.nothing(
                "the server's cache (WiredTiger's, or mongo-java-server's heap): only a restart empties it");
    }
}
