package dev.dbx.workloads.tpch;

import dev.dbx.core.DbxException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published answers to TPC-H's 22 queries with the specification's default substitution parameters, at the scale
 * factors they exist for (0.01, 0.1 and 1), kept as resources: {@code answers/sf<scale>/qNN.csv}, '|'-separated with a
 * header row, an empty field for SQL NULL.
 *
 * <p>The files are kept as they were given. They appear to come from DuckDB's TPC-H extension, whose free text
 * (addresses, comments) differs from what io.trino.tpch generates for dbx: {@link #answer} adapts exactly the queries
 * that text reaches ({@link GeneratorText}); every number, name and date is as published.
 */
public final class TpchAnswers {
    /** The 22 query names, in order: q01 ... q22. */
    public static final List<String> QUERIES = queries();

    private TpchAnswers() {}

    private static final Map<String, Optional<ExpectedAnswer>> CACHE = new ConcurrentHashMap<>();

    /**
     * The answer to {@code query} at {@code scale} for dbx's generator: the published one, with the text that
     * generator's rows hold where it differs from the reference dbgen's ({@link GeneratorText}); empty when none is
     * published for that scale. Computed once per query and scale.
     */
    public static Optional<ExpectedAnswer> answer(double scale, String query) {
        return CACHE.computeIfAbsent(
                scaleName(scale) + "/" + query,
                k -> published(scale, query).map(answer -> GeneratorText.correct(answer, scale)));
    }

    /** Whether the answer to {@code query} is not exactly the published one (see {@link GeneratorText}). */
    public static boolean corrected(String query) {
        return GeneratorText.CORRECTED.contains(query);
    }

    /** The published answer, as the file holds it, or empty when none is published for that scale. */
    static Optional<ExpectedAnswer> published(double scale, String query) {
        String resource = "answers/sf" + scaleName(scale) + "/" + query + ".csv";
        InputStream in = TpchAnswers.class.getResourceAsStream(resource);
        if (in == null) {
            return Optional.empty();
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                throw new DbxException("the published answer " + resource + " is empty");
            }
            List<String> columns = List.of(header.split("\\|", -1));
            List<List<String>> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split("\\|", -1);
                if (fields.length != columns.size()) {
                    throw new DbxException("the published answer " + resource + " has a row of " + fields.length
                            + " fields under " + columns.size() + " columns: " + line);
                }
                List<String> row = new ArrayList<>(fields.length);
                for (String field : fields) {
                    row.add(field.isEmpty() ? null : field);
                }
                rows.add(row);
            }
            return Optional.of(new ExpectedAnswer(query, columns, rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether answers are published for {@code scale}. */
    public static boolean published(double scale) {
        return published(scale, "q01").isPresent();
    }

    /** 0.01 → "0.01", 1 → "1", 0.1 → "0.1". */
    static String scaleName(double scale) {
        return scale == Math.rint(scale)
                ? Long.toString((long) scale)
                : new java.math.BigDecimal(Double.toString(scale))
                        .stripTrailingZeros()
                        .toPlainString();
    }

    private static List<String> queries() {
        String[] names = new String[22];
        for (int i = 0; i < names.length; i++) {
            names[i] = String.format("q%02d", i + 1);
        }
        return Arrays.asList(names);
    }
}
