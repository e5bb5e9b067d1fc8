package dev.dbx.core.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A query's answer as the engine gave it, in the engine's order: column names and rows of plain values (Long, Double,
 * BigDecimal, String, LocalDate, or null), whatever the engine's own types were. Checking it against an expected answer
 * is the workload's job, with the workload's tolerances.
 */
public record ResultTable(List<String> columns, List<List<Object>> rows) {
    public ResultTable {
        columns = List.copyOf(columns);
        // rows may hold nulls (an empty SUM): copied without List.copyOf, which refuses them
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    public int size() {
        return rows.size();
    }
}
