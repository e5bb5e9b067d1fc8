package dev.dbx.core.capability;

import dev.dbx.core.query.QueryPlan;
import dev.dbx.core.store.Capability;
import java.time.Duration;

/**
 * The engine's own plan for a query, summarised as a {@link QueryPlan}: operators, rows in and out, time where the
 * engine gives it, and whether an index or a full scan answered each access; the engine's own text is kept as {@link
 * QueryPlan#raw}. The query is text in the engine's language (its SQL dialect, a pipeline as JSON, a search request,
 * Cypher), so any workload's queries can be explained (see {@link Analytics#text}).
 */
public interface Explain extends Capability {
    /** The language {@link #explain} takes, e.g. "SQL (PostgreSQL)", "Cypher". */
    String language();

    /**
     * Plans {@code text} and, with {@code analyze}, runs it too for actual rows and times (the engine cancels it after
     * {@code timeout}). Nothing the query would change is kept: an analyzed statement that writes is rolled back where
     * the engine allows, refused where it does not.
     */
    QueryPlan explain(String text, boolean analyze, Duration timeout);
}
