package dev.dbx.core.query.search;

import java.util.List;

/**
 * A full-text query's answer: how many documents matched, and the keys of the first ones in the engine's rank order.
 *
 * @param matches every matching document, not only those returned
 * @param topKeys the first keys in rank order (ties by key), or in key order for an engine that does not rank
 */
public record SearchResult(long matches, List<Long> topKeys) {
    public SearchResult {
        topKeys = List.copyOf(topKeys);
    }
}
