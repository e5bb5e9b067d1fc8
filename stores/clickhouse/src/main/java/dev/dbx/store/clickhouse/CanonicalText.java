package dev.dbx.store.clickhouse;

import dev.dbx.core.dataset.Canonical;
import dev.dbx.core.dataset.Column;
import java.time.LocalDate;

/**
 * Canonical values from ClickHouse's text output, with fast paths for what a scan meets millions of times (integers
 * and ISO dates); the rest, and anything unexpected, goes through {@link Canonical}, which also checks it.
 */
final class CanonicalText {
    private CanonicalText() {}

    static Object value(Column column, String text) {
        return switch (column.type()) {
            case VARCHAR -> text;
            case INTEGER -> integer(column, text);
            case DATE -> date(column, text);
            case DECIMAL -> Canonical.value(column, text);
        };
    }

    private static Object integer(Column column, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Canonical.value(column, text);
        }
    }

    /** "yyyy-MM-dd", as ClickHouse prints a Date. */
    private static Object date(Column column, String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 1 && day >= 1) {
                return LocalDate.of(year, month, day);
            }
        }
        return Canonical.value(column, text);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
