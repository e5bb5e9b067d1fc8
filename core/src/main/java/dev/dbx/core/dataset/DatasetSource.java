package dev.dbx.core.dataset;

import java.util.List;

/**
 * Rows to load into a store: generated (TPC-H, YCSB) or read from a user's file. Every call to {@link #rows(Entity)}
 * starts a fresh stream, so a store may read an entity twice (e.g. to embed line items in their orders) without the
 * source holding anything in memory.
 */
public interface DatasetSource {
    Dataset dataset();

    /** The entities this source provides, in load order; a subset of the dataset's for imports. */
    default List<Entity> entities() {
        return dataset().entities();
    }

    /** How many rows {@link #rows(Entity)} will give, or -1 when unknown. */
    long rowCount(Entity entity);

    /** A human description, e.g. "TPC-H SF 0.01". */
    String description();

    RowStream rows(Entity entity);
}
