package dev.dbx.store.mongo;

import dev.dbx.core.dataset.Canonical;
import dev.dbx.core.dataset.Column;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.bson.types.Decimal128;

/**
 * Canonical values as BSON and back: INTEGER as int64, DECIMAL as Decimal128 (exact, scale kept), DATE as a BSON date
 * at UTC midnight, VARCHAR as a string.
 */
final class BsonValues {
    private BsonValues() {}

    static Object toBson(Column column, Object value) {
        Object v = Canonical.value(column, value);
        if (v == null) {
            return null;
        }
        return switch (column.type()) {
            case INTEGER, VARCHAR -> v;
            case DECIMAL -> new Decimal128((BigDecimal) v);
            case DATE -> Date.from(((LocalDate) v).atStartOfDay(ZoneOffset.UTC).toInstant());
        };
    }

    static Object fromBson(Column column, Object raw) {
        if (raw instanceof Decimal128 d) {
            // NaN and infinities have no BigDecimal: they cannot come from dbx, and fail loudly if found
            return Canonical.value(column, d.bigDecimalValue());
        }
        return Canonical.value(column, raw);
    }
}
