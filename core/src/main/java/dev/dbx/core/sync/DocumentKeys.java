package dev.dbx.core.sync;

import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The key of the target record a change lands in, whatever the store: a line item lands in its order (MongoDB and
 * OpenSearch embed line items in the order document), an offer ({@code partsupp}) in its part; every other row is a
 * record of its own. Changes are partitioned by it, so one target record's changes stay in order on one consumer.
 */
public final class DocumentKeys {
    private DocumentKeys() {}

    /** The columns naming the target record of a row of {@code entity}. */
    public static List<String> columns(Entity entity) {
        if (entity.name().equals(TpchSchema.LINEITEM.name())) {
            return List.of("l_orderkey");
        }
        if (entity.name().equals(TpchSchema.PARTSUPP.name())) {
            return List.of("ps_partkey");
        }
        return entity.primaryKey();
    }

    /** The document key of {@code change}: the entity it lands in, then the values, e.g. "orders:42". */
    public static String of(Change change) {
        Entity entity = change.entity();
        List<String> columns = columns(entity);
        String root = entity.name().equals(TpchSchema.LINEITEM.name())
                ? TpchSchema.ORDERS.name()
                : entity.name().equals(TpchSchema.PARTSUPP.name()) ? TpchSchema.PART.name() : entity.name();
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            values.add(String.valueOf(change.value(column)));
        }
        return root + ":" + String.join(",", values);
    }
}
