package dev.dbx.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One chart: what the page says about it (title, a caption saying plainly what it shows, notes such as figures that
 * do not exist and why) and what the browser draws (the plot, embedded as JSON).
 */
record Chart(String title, String caption, List<String> notes, Plot plot) {
    /**
     * What uPlot draws. Every series shares the x values (uPlot's aligned data); a missing value is null.
     *
     * @param kind "line", "bars" or "points" (a dot per value, no line: categories with no order)
     * @param xScale "linear", "log2" or "log10"
     * @param yScale "linear" or "log10"
     * @param xFormat how the x values read: "number", "percentile" (x = 1/(1-p)) or "category" (x = index into
     *     categories)
     */
    record Plot(
            String kind,
            String xLabel,
            String yLabel,
            String xScale,
            String yScale,
            String xFormat,
            List<String> categories,
            List<Double> x,
            List<Series> series) {}

    record Series(String label, String color, boolean dashed, List<Double> values) {
        /** A value that is not a number (a sampler's hiccup) is drawn as a gap: JSON has no NaN. */
        Series {
            values = values.stream()
                    .map(v -> v == null || !Double.isFinite(v) ? null : v)
                    .collect(Collectors.toCollection(ArrayList::new));
        }
    }
}
