package dev.dbx.core.dataset;

import java.util.List;

/** {@code columns} of one entity reference the primary key {@code referencedColumns} of {@code entity}. */
public record ForeignKey(List<String> columns, String entity, List<String> referencedColumns) {
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    public static ForeignKey of(String column, String entity, String referencedColumn) {
        return new ForeignKey(List.of(column), entity, List.of(referencedColumn));
    }
}
