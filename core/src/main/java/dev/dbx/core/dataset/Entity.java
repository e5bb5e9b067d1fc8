package dev.dbx.core.dataset;

import dev.dbx.core.DbxException;
import java.util.List;

/** One entity (a table in a relational model) of a dataset: its columns, primary key and references. */
public record Entity(String name, List<Column> columns, List<String> primaryKey, List<ForeignKey> foreignKeys) {
    public Entity {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
        for (String key : primaryKey) {
            if (columns.stream().noneMatch(c -> c.name().equals(key))) {
                throw new IllegalArgumentException(name + ": primary key column " + key + " is not a column");
            }
        }
    }

    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new DbxException("entity " + name + " has no column '" + column + "'");
    }

    public Column column(String name) {
        return columns.get(indexOf(name));
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** Positions of the primary key columns in a row. */
    public int[] primaryKeyIndexes() {
        return primaryKey.stream().mapToInt(this::indexOf).toArray();
    }
}
