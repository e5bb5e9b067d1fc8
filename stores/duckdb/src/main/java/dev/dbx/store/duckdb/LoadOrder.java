package dev.dbx.store.duckdb;

import dev.dbx.core.DbxException;
import dev.dbx.core.Identifiers;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The order some tables' rows are written in, from {@code schema/<dataset>-order.properties} next to the adapter
 * ({@code table = column, column}), so that DuckDB's zone maps can skip row groups on range filters. Every name is
 * checked as a plain identifier: the list ends up in an ORDER BY.
 */
final class LoadOrder {
    private final Map<String, String> orderByTable;

    private LoadOrder(Map<String, String> orderByTable) {
        this.orderByTable = orderByTable;
    }

    static LoadOrder of(String dataset) {
        String name = "schema/" + dataset + "-order.properties";
        Properties p = new Properties();
        try (InputStream in = LoadOrder.class.getResourceAsStream(name)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new DbxException("cannot read " + name + ": " + e.getMessage());
        }
        Map<String, String> orders = new TreeMap<>();
        for (String table : p.stringPropertyNames()) {
            String columns = Arrays.stream(p.getProperty(table).split(","))
                    .map(String::strip)
                    .map(c -> Identifiers.require("ORDER BY column in " + name, c))
                    .collect(Collectors.joining(", "));
            orders.put(Identifiers.require("table in " + name, table.strip()), columns);
        }
        return new LoadOrder(orders);
    }

    /** The ORDER BY column list for {@code table}, if its rows are written sorted. */
    Optional<String> orderBy(String table) {
        return Optional.ofNullable(orderByTable.get(table));
    }
}
