package dev.dbx.store.redis;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Canonical;
import dev.dbx.core.dataset.Column;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Values as Redis holds them: hash fields are canonical text (integers in decimal, decimals as plain strings at the
 * column's scale, dates as ISO {@code yyyy-mm-dd}), readable by any client and exact; sorted-set scores are doubles
 * (dates as days since 1970-01-01), which order correctly and are exact for integers up to 2^53.
 */
final class Values {
    private static final long EXACT_DOUBLE = 1L << 53;

    private Values() {}

    /** The canonical text of {@code value} (made canonical first, so imported rows work too); null stays null. */
    static String text(Column column, Object value) {
        Object v = Canonical.value(column, value);
        if (v == null) {
            return null;
        }
        return switch (column.type()) {
            case DECIMAL ->
                ((BigDecimal) v).setScale(column.scale(), RoundingMode.HALF_UP).toPlainString();
            default -> v.toString();
        };
    }

    /** The canonical value of a field read back; null (an absent field) stays null. */
    static Object value(Column column, String text) {
        return text == null ? null : Canonical.value(column, text);
    }

    /** The sorted-set score of {@code value}, a value of a numeric or date column. */
    static double score(Column column, Object value) {
        Object v = Canonical.value(column, value);
        if (v == null) {
            throw new DbxException("column " + column.name() + " is null, so it has no score");
        }
        return switch (column.type()) {
            case INTEGER -> {
                long n = (Long) v;
                if (Math.abs(n) > EXACT_DOUBLE) {
                    throw new DbxException("value " + n + " of " + column.name() + " is too large for a score");
                }
                yield n;
            }
            case DATE -> ((LocalDate) v).toEpochDay();
            case DECIMAL -> ((BigDecimal) v).doubleValue();
            case VARCHAR -> throw new DbxException("text column " + column.name() + " cannot be a score");
        };
    }
}
