package dev.dbx.core.dataset;

import dev.dbx.core.DbxException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Turns what a driver hands back into the canonical value of a column, so that rows read from any store compare equal
 * (a PostgreSQL NUMERIC, a MongoDB Decimal128 turned BigDecimal and a Redis string all become the same BigDecimal).
 *
 * <p>Exact, never lenient: verification rests on it, so it is at least as strict as loading. A value converts only
 * when nothing is lost or guessed: no rounding (12.345 is not a DECIMAL(15,2)), no stripped blanks (" 5" is not the
 * integer 5), no truncated times (a timestamp is a date only at midnight), no number taken for text. Anything else is
 * a {@link DbxException} naming the column and the value: a store holding it does not hold the dataset.
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
            case VARCHAR -> toText(column, raw);
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

    /**
     * A key as canonical values of its columns (an entity's primary key columns, in order), checked for width: the form
     * {@link dev.dbx.core.capability.DatasetModel#existingKeys} takes keys in and gives them back.
     */
    public static List<Object> key(List<Column> columns, List<Object> key) {
        if (key.size() != columns.size()) {
            throw new DbxException("a key of " + columns.size() + " value(s) was expected, not " + key);
        }
        List<Object> out = new ArrayList<>(key.size());
        for (int i = 0; i < key.size(); i++) {
            out.add(value(columns.get(i), key.get(i)));
        }
        return out;
    }

    /** {@code d} at the column's scale, when that loses no digit (12.3 becomes 12.30; 12.345 is refused). */
    public static BigDecimal atScale(Column column, BigDecimal d) {
        try {
            return d.setScale(column.scale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw inexact(column, d, "more fraction digits than its scale of " + column.scale());
        }
    }

    private static Long toLong(Column column, Object raw) {
        if (raw instanceof Long l) {
            return l;
        }
        if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        try {
            if (raw instanceof BigInteger b) {
                return b.longValueExact();
            }
            if (raw instanceof BigDecimal d) {
                return d.longValueExact();
            }
        } catch (ArithmeticException e) {
            throw inexact(column, raw, "not a 64-bit integer");
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 0x1p63) {
                return (long) d;
            }
            throw inexact(column, raw, "not an integer");
        }
        if (raw instanceof String s) {
            try {
                return Long.parseLong(s);
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
            double v = ((Number) raw).doubleValue();
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw bad(column, raw);
            }
            // the shortest decimal that reads back as this double: 1234.56 stays 1234.56, 0.1 + 0.2 does not fit
            d = new BigDecimal(raw.toString());
        } else if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            d = BigDecimal.valueOf(((Number) raw).longValue());
        } else if (raw instanceof BigInteger b) {
            d = new BigDecimal(b);
        } else if (raw instanceof String s) {
            try {
                d = new BigDecimal(s);
            } catch (NumberFormatException e) {
                throw bad(column, raw);
            }
        } else {
            throw bad(column, raw);
        }
        return atScale(column, d);
    }

    private static String toText(Column column, Object raw) {
        if (raw instanceof String s) {
            return s;
        }
        if (raw instanceof CharSequence s) {
            return s.toString();
        }
        throw bad(column, raw);
    }

    private static LocalDate toDate(Column column, Object raw) {
        if (raw instanceof LocalDate d) {
            return d;
        }
        if (raw instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (raw instanceof LocalDateTime t) {
            return midnight(column, raw, t);
        }
        if (raw instanceof OffsetDateTime t) {
            return midnight(column, raw, t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (raw instanceof ZonedDateTime t) {
            return midnight(column, raw, t.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (raw instanceof Date d) {
            // a BSON date (MongoDB) is an instant: dbx writes dates as UTC midnight
            return midnight(column, raw, LocalDateTime.ofInstant(d.toInstant(), ZoneOffset.UTC));
        }
        if (raw instanceof String s) {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw bad(column, raw);
            }
        }
        throw bad(column, raw);
    }

    private static LocalDate midnight(Column column, Object raw, LocalDateTime t) {
        if (!t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            throw inexact(column, raw, "a time of day, not a date");
        }
        return t.toLocalDate();
    }

    private static DbxException inexact(Column column, Object raw, String why) {
        return new DbxException("column " + column.name() + " (" + column.type() + ") cannot hold "
                + raw.getClass().getSimpleName() + " value '" + raw + "' exactly: " + why);
    }

    private static DbxException bad(Column column, Object raw) {
        return new DbxException("column " + column.name() + " (" + column.type() + ") cannot hold "
                + raw.getClass().getSimpleName() + " value '" + raw + "'");
    }
}
