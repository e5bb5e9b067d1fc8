package dev.dbx.app;

import java.util.Locale;

/** Human formats for benchmark figures: latencies, rates, percentages, ratios (null stays null: a table shows "-"). */
final class BenchFormat {
    private BenchFormat() {}

    /** Milliseconds with three significant digits or so: 0.412, 4.12, 41.2, 412, 4,120. */
    static String ms(Double ms) {
        if (ms == null) {
            return null;
        }
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.3f", ms);
        }
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.2f", ms);
        }
        if (ms < 100) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        return String.format(Locale.ROOT, "%,.0f", ms);
    }

    static String opsPerSecond(Double ops) {
        if (ops == null) {
            return null;
        }
        return ops < 10 ? String.format(Locale.ROOT, "%.2f", ops) : String.format(Locale.ROOT, "%,.0f", ops);
    }

    /** Percent of one core (200% = two cores busy). */
    static String percent(Double percent) {
        return percent == null ? null : String.format(Locale.ROOT, "%.0f%%", percent);
    }

    static String micros(double micros) {
        return String.format(Locale.ROOT, "%.1f µs", micros);
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }
}
