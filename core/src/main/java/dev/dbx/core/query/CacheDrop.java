package dev.dbx.core.query;

import java.util.List;

/**
 * What a store emptied before a cold run, and what it could not empty from where dbx stands (a remote server's page
 * cache, a buffer pool that only a restart clears), so a "cold" time says how cold it was.
 */
public record CacheDrop(List<String> dropped, List<String> kept) {
    public CacheDrop {
        dropped = List.copyOf(dropped);
        kept = List.copyOf(kept);
    }

    public static CacheDrop nothing(String why) {
        return new CacheDrop(List.of(), List.of(why));
    }
}
