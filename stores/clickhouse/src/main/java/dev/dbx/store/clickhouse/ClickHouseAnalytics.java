package dev.dbx.store.clickhouse;

import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.query.ResultTable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * TPC-H's 22 queries in ClickHouse's SQL, one resource file each ({@code tpch/qNN.sql}, rewritten where ClickHouse
 * 18.16 lacks what the specification's text uses, each rewrite explained at the top of its file), or {@code
 * tpch/qNN.na} holding why a query has no equivalent. Answers come back as TabSeparatedWithNamesAndTypes and are
 * turned into plain values by the column types the server names: integers as Long, Decimal as BigDecimal, Float as
 * Double, Date as LocalDate, {@code \N} of a Nullable column as null, the rest as String.
 *
 * <p>The server stops a query at {@code max_execution_time} (whole seconds on 18.16; checked between blocks, so it
 * overshoots by at most a block's work), which dbx sets to the caller's timeout; the client's socket timeout is a few
 * seconds longer, so the server's own error arrives first. The answer is buffered on the server until the query ends
 * ({@code wait_end_of_query}), so a failure half-way is an HTTP error, never a truncated answer.
 */
final class ClickHouseAnalytics implements Analytics {
    static final String SUITE = "tpch";
    private static final Pattern QUERY = Pattern.compile("q\\d\\d");
    private static final String FORMAT = "\nFORMAT TabSeparatedWithNamesAndTypes";
    /** How much longer the client waits than the server computes, for the server's error to arrive. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final ClickHouseSql sql;
    private final ConcurrentMap<String, Optional<String>> resources = new ConcurrentHashMap<>();

    ClickHouseAnalytics(ClickHouseSql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<String> unsupported(String suite, String query) {
        if (!SUITE.equals(suite)) {
            return Optional.of("the clickhouse store has no queries of suite '" + suite + "' (only " + SUITE + ")");
        }
        if (query == null || !QUERY.matcher(query).matches()) {
            return Optional.of("TPC-H has no query '" + query + "' (q01 to q22)");
        }
        if (resource(query + ".sql").isPresent()) {
            return Optional.empty();
        }
        return Optional.of(resource(query + ".na").map(String::strip).orElse("TPC-H has no query " + query));
    }

    @Override
    public String text(String suite, String query) {
        Optional<String> why = unsupported(suite, query);
        if (why.isPresent()) {
            throw new DbxException("clickhouse: " + suite + " " + query + " is n/a: " + why.get());
        }
        return resource(query + ".sql").orElseThrow();
    }

    @Override
    public ResultTable run(String suite, String query, Duration timeout) {
        return query(suite + " " + query, text(suite, query), timeout);
    }

    /** Runs {@code select} (a SELECT without a FORMAT clause) with the server stopping it after {@code timeout}. */
    ResultTable query(String doing, String select, Duration timeout) {
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        QuerySettings settings = new QuerySettings()
                .setFormat(ClickHouseFormat.TabSeparatedWithNamesAndTypes)
                .setMaxExecutionTime((int) Math.min(Integer.MAX_VALUE, seconds))
                .waitEndOfQuery(true);
        settings.setNetworkTimeout(Duration.ofSeconds(seconds).plus(GRACE).toMillis(), ChronoUnit.MILLIS);
        try {
            return sql.answer("running " + doing, select + FORMAT, settings, ClickHouseAnalytics::read);
        } catch (DbxException e) {
            if (timedOut(e)) {
                throw new DbxException(
                        "ClickHouse stopped " + doing + " at its max_execution_time of " + seconds + " s",
                        "a longer timeout may help",
                        e);
            }
            throw e;
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServerException s && ClickHouseErrors.code(s) == ClickHouseErrors.TIMEOUT_EXCEEDED) {
                return true;
            }
        }
        return false;
    }

    /**
     * Empties the mark cache (the offsets of granules in the column files, which a cold query reads from disk) and the
     * uncompressed block cache (used only where {@code use_uncompressed_cache} is on: dbx's local engine leaves it
     * off), the only caches of query data that 18.16 can drop. The primary indexes and the parts' metadata stay in
     * memory while a table is attached (only DETACH/ATTACH or a restart reloads them); 18.16 caches no query results
     * and, built without its LLVM compiler, no compiled expressions (newer servers' caches of both are dropped too).
     */
    @Override
    public CacheDrop dropCaches() {
        List<String> dropped = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        Duration limit = sql.timeout();
        sql.execute("dropping the mark cache", "SYSTEM DROP MARK CACHE", limit);
        dropped.add("ClickHouse's mark cache");
        sql.execute("dropping the uncompressed cache", "SYSTEM DROP UNCOMPRESSED CACHE", limit);
        dropped.add("ClickHouse's uncompressed block cache");
        optional("SYSTEM DROP COMPILED EXPRESSION CACHE", "ClickHouse's compiled expression cache", dropped, kept);
        optional("SYSTEM DROP QUERY CACHE", "ClickHouse's query result cache", dropped, kept);
        kept.add("ClickHouse's primary indexes and part metadata (in memory while a table is attached; a restart"
                + " reloads them)");
        return new CacheDrop(dropped, kept);
    }

    /** A cache that only some versions have: 18.16 has neither of these statements. */
    private void optional(String statement, String cache, List<String> dropped, List<String> kept) {
        try {
            sql.execute("dropping " + cache, statement, sql.timeout());
            dropped.add(cache);
        } catch (DbxException e) {
            kept.add(cache + " (none on this server: " + statement + " is unknown to it)");
        }
    }

    private Optional<String> resource(String name) {
        return resources.computeIfAbsent(name, n -> {
            String path = SUITE + "/" + n;
            try (InputStream in = ClickHouseAnalytics.class.getResourceAsStream(path)) {
                return in == null
                        ? Optional.empty()
                        : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new DbxException("cannot read resource " + path + ": " + e.getMessage());
            }
        });
    }

    /** A TabSeparatedWithNamesAndTypes answer: the names, the types, then the rows. */
    static ResultTable read(InputStream in) throws IOException {
        byte[] body = in.readAllBytes();
        List<List<String>> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '\n') {
                lines.add(fields(body, start, i));
                start = i + 1;
            }
        }
        if (start < body.length) {
            lines.add(fields(body, start, body.length));
        }
        if (lines.size() < 2) {
            throw new DbxException("ClickHouse answered without the names and types of its columns");
        }
        List<String> names = lines.get(0);
        List<String> types = lines.get(1);
        if (names.size() != types.size()) {
            throw new DbxException("ClickHouse named " + names.size() + " columns and " + types.size() + " types");
        }
        List<List<Object>> rows = new ArrayList<>(lines.size() - 2);
        for (List<String> fields : lines.subList(2, lines.size())) {
            if (fields.size() != names.size()) {
                throw new DbxException("ClickHouse answered a row of " + fields.size() + " fields where " + names.size()
                        + " were expected");
            }
            List<Object> row = new ArrayList<>(fields.size());
            for (int c = 0; c < fields.size(); c++) {
                row.add(value(types.get(c), fields.get(c)));
            }
            rows.add(row);
        }
        return new ResultTable(names, rows);
    }

    /** A row's fields, unescaped; {@code \N} alone (NULL) as null. */
    private static List<String> fields(byte[] body, int from, int to) {
        List<String> fields = new ArrayList<>();
        byte[] field = new byte[to - from];
        int length = 0;
        boolean escaped = false;
        for (int i = from; i <= to; i++) {
            if (i == to || body[i] == '\t') {
                boolean isNull = length == 1 && field[0] == 'N' && escaped;
                fields.add(isNull ? null : new String(field, 0, length, StandardCharsets.UTF_8));
                length = 0;
                escaped = false;
            } else if (body[i] == '\\' && i + 1 < to) {
                escaped = true;
                field[length++] = unescape(body[++i]);
            } else {
                field[length++] = body[i];
            }
        }
        return fields;
    }

    /** ClickHouse's escapes (writeAnyEscapedString): \b \f \n \r \t \0, and a backslash before anything else. */
    private static byte unescape(byte b) {
        return switch (b) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case '0' -> 0;
            case 'a' -> 7;
            case 'v' -> 11;
            default -> b;
        };
    }

    /** A field as the plain value of its ClickHouse type. */
    static Object value(String type, String text) {
        if (text == null) {
            return null;
        }
        String base = unwrap(unwrap(type, "LowCardinality("), "Nullable(");
        try {
            if (base.startsWith("Int") || base.startsWith("UInt")) {
                return Long.parseLong(text);
            }
            if (base.startsWith("Decimal")) {
                return new BigDecimal(text);
            }
            if (base.startsWith("Float")) {
                return switch (text) {
                    case "inf", "+inf" -> Double.POSITIVE_INFINITY;
                    case "-inf" -> Double.NEGATIVE_INFINITY;
                    case "nan", "-nan" -> Double.NaN;
                    default -> Double.parseDouble(text);
                };
            }
            if (base.equals("Date")) {
                return LocalDate.parse(text);
            }
        } catch (RuntimeException e) {
            throw new DbxException("ClickHouse answered '" + text + "' for a column of type " + type);
        }
        return text;
    }

    private static String unwrap(String type, String wrapper) {
        return type.startsWith(wrapper) && type.endsWith(")")
                ? type.substring(wrapper.length(), type.length() - 1)
                : type;
    }
}
