package dev.dbx.core.dataset;

import dev.dbx.core.DbxException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Date;

/**
 * Turns what a driver hands back into the canonical value of a column, so that rows read from any store compare equal
 * (a PostgreSQL NUMERIC, a MongoDB Decimal128 turned BigDecimal and a Redis string all become the same BigDecimal).
 */
public final class Canonical {
    private Canonical() {}

    public static Object value(Column column, Object raw) {
        if (raw == null) {
            return null;
        }
        return switch (column.type()) {
            case INTEGER -> toLong(column, raw);
            case DECIMAL -> toDecimal(column, raw);
            case VARCHAR -> raw instanceof String s ? s : raw.toString();
            case DATE -> toDate(column, raw);
        };
    }

    /** Canonicalizes every value of {@code row} in place and returns it. */
    public static Object[] row(Entity entity, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            row[i] = value(entity.columns().get(i), row[i]);
        }
        return row;
    }

    private static Long toLong(Column column, Object raw) {
        if (raw instanceof Long l) {
            return l;
        }
        if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof BigInteger b) {
            return b.longValueExact();
        }
        if (raw instanceof BigDecimal d) {
            return d.longValueExact();
        }
        if (raw instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d)) {
                return (long) d;
            }
        }
        if (raw instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw bad(column, raw);
            }
        }
        throw bad(column, raw);
    }

    private static BigDecimal toDecimal(Column column, Object raw) {
        BigDecimal d;
        if (raw instanceof BigDecimal b) {
            d = b;
        } else if (raw instanceof Double || raw instanceof Float) {
            d = BigDecimal.valueOf(((Number) raw).doubleValue());
        } else if (raw instanceof Number n) {
            d = new BigDecimal(n.toString());
        } else if (raw instanceof String s) {
            try {
                d = new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                throw bad(column, raw);
            }
        } else {
            throw bad(column, raw);
        }
        return d.setScale(column.scale(), RoundingMode.HALF_UP);
    }

    private static LocalDate toDate(Column column, Object raw) {
        if (raw instanceof LocalDate d) {
            return d;
        }
        if (raw instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (raw instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (raw instanceof OffsetDateTime t) {
            return t.toLocalDate();
        }
        if (raw instanceof ZonedDateTime t) {
            return t.toLocalDate();
        }
        if (raw instanceof Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        if (raw instanceof TemporalAccessor t) {
            return LocalDate.from(t);
        }
        if (raw instanceof Number n) {
            return LocalDate.ofEpochDay(n.longValue());
        }
        if (raw instanceof String s) {
            String text = s.strip();
            try {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            } catch (java.time.format.DateTimeParseException e) {
                throw bad(column, raw);
            }
        }
        throw bad(column, raw);
    }

    private static DbxException bad(Column column, Object raw) {
        return new DbxException("column " + column.name() + " (" + column.type() + ") cannot hold "
                + raw.getClass().getSimpleName() + " value '" + raw + "'");
    }
}
