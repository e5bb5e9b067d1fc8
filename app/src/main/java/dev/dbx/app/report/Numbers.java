package dev.dbx.app.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.DoubleSummaryStatistics;
import java.util.Locale;

/** How a report writes its figures and times, the same way in every table and format. */
final class Numbers {
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Numbers() {}

    /** A moment in UTC: a report is read on other machines, in other time zones. */
    static String utc(Instant instant) {
        return instant == null ? null : UTC.format(instant);
    }

    /** A latency recorded in microseconds, as milliseconds with microsecond precision, e.g. "1,234.567". */
    static String ms(long micros) {
        return String.format(Locale.ROOT, "%,.3f", micros / 1_000.0);
    }

    /** Milliseconds, three significant digits at least; null stays null (a figure that does not exist). */
    static String ms(Double ms) {
        if (ms == null) {
            return null;
        }
        return ms >= 100 ? String.format(Locale.ROOT, "%,.0f", ms) : String.format(Locale.ROOT, "%.3g", ms);
    }

    /** Operations per second, e.g. "12,345.6". */
    static String rate(double opsPerSecond) {
        return String.format(Locale.ROOT, "%,.1f", opsPerSecond);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** CPU in percent of one core (200% = two cores busy). */
    static String percent(double percent) {
        return String.format(Locale.ROOT, "%.0f%%", percent);
    }

    /** "mean / peak" of a CPU figure, or null when nothing was sampled. */
    static String meanAndPeak(DoubleSummaryStatistics cpu) {
        return cpu.getCount() == 0 ? null : percent(cpu.getAverage()) + " / " + percent(cpu.getMax());
    }

    static String micros(double micros) {
        return String.format(Locale.ROOT, "%,.1f µs", micros);
    }
}
