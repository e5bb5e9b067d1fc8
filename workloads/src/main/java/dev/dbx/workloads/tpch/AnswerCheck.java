package dev.dbx.workloads.tpch;

import dev.dbx.core.query.ResultTable;
import dev.dbx.workloads.query.Verdict;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compares an engine's answer with the published one, row by row in order and column by column by position (engines
 * name columns their own way), with TPC-H's tolerances (clause 2.1.3.5 of the specification, as the audits apply it):
 * averages and ratios within 1 % relative, other fractional numbers (money) within one cent, whole numbers and strings
 * exact. A wrong answer names the first differing row and column.
 */
public final class AnswerCheck {
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal ONE_PERCENT = new BigDecimal("0.01");
    /** Columns holding a ratio (a share or a percentage), held to 1 % like averages. */
    private static final Set<String> RATIOS = Set.of("mkt_share", "promo_revenue");

    private AnswerCheck() {}

    public static Verdict check(ExpectedAnswer expected, ResultTable actual) {
        if (actual.columns().size() != expected.columns().size()) {
            return Verdict.wrong(expected.query() + ": " + actual.columns().size() + " columns " + actual.columns()
                    + ", expected " + expected.columns().size() + " " + expected.columns());
        }
        int rows = Math.min(expected.rows().size(), actual.rows().size());
        for (int r = 0; r < rows; r++) {
            List<String> want = expected.rows().get(r);
            List<Object> got = actual.rows().get(r);
            for (int c = 0; c < want.size(); c++) {
                String column = expected.columns().get(c);
                if (!same(column, want.get(c), got.get(c))) {
                    return Verdict.wrong(String.format(
                            "%s: row %d differs in %s: %s, expected %s (row %s, expected %s)",
                            expected.query(), r + 1, column, text(got.get(c)), want.get(c), texts(got), want));
                }
            }
        }
        if (actual.rows().size() != expected.rows().size()) {
            String extra = actual.rows().size() > rows
                    ? "first extra row " + texts(actual.rows().get(rows))
                    : "first missing row " + expected.rows().get(rows);
            return Verdict.wrong(expected.query() + ": " + actual.rows().size() + " rows, expected "
                    + expected.rows().size() + "; " + extra);
        }
        return Verdict.right();
    }

    static boolean same(String column, String expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == null && (actual == null || "".equals(actual));
        }
        BigDecimal want = number(expected);
        BigDecimal got = actual instanceof String s ? number(s) : number(actual);
        if (want == null || got == null) {
            return expected.equals(text(actual));
        }
        BigDecimal difference = want.subtract(got).abs();
        if (column.startsWith("avg") || RATIOS.contains(column)) {
            return difference.compareTo(want.abs().multiply(ONE_PERCENT)) <= 0;
        }
        if (whole(want) && whole(got)) {
            return difference.signum() == 0;
        }
        return difference.compareTo(CENT) <= 0;
    }

    private static boolean whole(BigDecimal d) {
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    /** A number, for numeric values and for text that is exactly a decimal number; null for anything else. */
    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(d, MathContext.DECIMAL64) : null;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String s && !s.isEmpty() && s.strip().equals(s)) {
            char first = s.charAt(0);
            if (!(Character.isDigit(first) || first == '-' || first == '.')) {
                return null;
            }
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String text(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof LocalDateTime t && t.toLocalTime().toSecondOfDay() == 0) {
            return t.toLocalDate().toString();
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        return value.toString();
    }

    private static List<String> texts(List<Object> row) {
        List<String> out = new ArrayList<>(row.size());
        for (Object value : row) {
            out.add(text(value));
        }
        return out;
    }
}
