package dev.dbx.store.mongo;

import dev.dbx.core.DbxException;

/** Ordering of canonical key values (Long or String), for the merge that embeds rows in their parents. */
final class Keys {
    private Keys() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof Comparable ca && b != null && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        throw new DbxException("mongo model: cannot order keys " + a + " and " + b + " (a missing or mixed-type key)");
    }
}
