package dev.dbx.core.capability;

import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.query.search.MatchingRule;
import dev.dbx.core.query.search.SearchQuery;
import dev.dbx.core.query.search.SearchResult;
import dev.dbx.core.store.Capability;
import java.time.Duration;
import java.util.Optional;

/**
 * Full-text search over TPC-H's order comments ({@code orders.o_comment}) through the engine's own text index (or, for
 * an engine without one, a scan that says so in its {@link #rule}). The store declares how it matches words — its
 * tokenizer, case folding, stemmer, stop words, how a prefix is matched and how it ranks — so a workload can compute
 * what the right number of matches is for this engine, and show where engines differ and why.
 */
public interface TextSearch extends Capability {
    /** What is searched: the entity and column, e.g. "orders.o_comment". */
    String ENTITY = "orders";

    String COLUMN = "o_comment";

    /** How this engine matches words: the rule a ground truth is computed under. */
    MatchingRule rule();

    /** Why this store cannot run {@code query} (n/a), or empty when it can. */
    Optional<String> unsupported(SearchQuery query);

    /** The query as sent to the engine (SQL, a search body, a Lucene query string, Cypher), for reports. */
    String text(SearchQuery query);

    /**
     * Runs {@code query}: how many orders match it, and the keys ({@code o_orderkey}) of the first {@code topK} in the
     * engine's rank order (ties broken by key, ascending, so two runs give the same keys), or in key order for an
     * engine that does not rank. The engine cancels it after {@code timeout} where it can.
     */
    SearchResult search(SearchQuery query, int topK, Duration timeout);

    /** Empties what the engine caches between runs as far as it can without a restart, and says what it could not. */
    CacheDrop dropCaches();
}
