package dev.dbx.sync.imports;

import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.ForeignKey;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks one record against its entity's schema: every column present and non-empty, integers that are integers (key
 * columns not negative), decimals within the column's precision and scale, ISO dates that exist, text within its length.
 * Gives canonical values, or the first reason the record is bad.
 */
public final class RowValidator {
    private final Entity entity;
    private final Set<String> keyColumns = new HashSet<>();

    public RowValidator(Entity entity) {
        this.entity = entity;
        keyColumns.addAll(entity.primaryKey());
        for (ForeignKey fk : entity.foreignKeys()) {
            keyColumns.addAll(fk.columns());
        }
    }

    /** The outcome: canonical values, or a reason. */
    public record Result(Object[] row, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    public Result validate(Map<String, String> values) {
        Object[] row = new Object[entity.columns().size()];
        for (int i = 0; i < row.length; i++) {
            Column column = entity.columns().get(i);
            String text = values.get(column.name());
            if (text == null || text.isEmpty()) {
                return new Result(null, column.name() + " is missing");
            }
            Object value;
            try {
                value = parse(column, text);
            } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
                return new Result(null, column.name() + ": " + e.getMessage());
            }
            row[i] = value;
        }
        return new Result(row, null);
    }

    private Object parse(Column column, String text) {
        return switch (column.type()) {
            case INTEGER -> integer(column, text);
            case DECIMAL -> decimal(column, text);
            case DATE -> date(text);
            case VARCHAR -> varchar(column, text);
        };
    }

    private Long integer(Column column, String text) {
        long v;
        try {
            v = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + shorten(text) + "' is not an integer");
        }
        if (keyColumns.contains(column.name()) && v < 0) {
            throw new IllegalArgumentException(v + " is not a valid key (keys are not negative)");
        }
        return v;
    }

    private static BigDecimal decimal(Column column, String text) {
        BigDecimal v;
        try {
            v = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + shorten(text) + "' is not a number");
        }
        if (v.scale() > column.scale() && v.stripTrailingZeros().scale() > column.scale()) {
            throw new IllegalArgumentException(
                    "'" + text + "' has more than " + column.scale() + " digits after the point");
        }
        BigDecimal scaled = v.setScale(column.scale(), java.math.RoundingMode.UNNECESSARY);
        if (scaled.precision() - scaled.scale() > column.length() - column.scale()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is out of range for DECIMAL(" + column.length() + "," + column.scale() + ")");
        }
        return scaled;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + shorten(text) + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static String varchar(Column column, String text) {
        int length = text.codePointCount(0, text.length());
        if (length > column.length()) {
            throw new IllegalArgumentException(length + " characters, at most " + column.length() + " fit");
        }
        return text;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
