package dev.dbx.core.dataset;

/**
 * One column of an entity.
 *
 * @param name the column name, as in the reference schema (e.g. TPC-H's {@code l_orderkey})
 * @param type the logical type
 * @param length for VARCHAR the maximum length, for DECIMAL the precision; 0 otherwise
 * @param scale for DECIMAL the number of fraction digits; 0 otherwise
 * @param fullText whether the column is free text worth a full-text index (the comment columns)
 */
public record Column(String name, ColumnType type, int length, int scale, boolean fullText) {
    public static Column integer(String name) {
        return new Column(name, ColumnType.INTEGER, 0, 0, false);
    }

    public static Column decimal(String name, int precision, int scale) {
        return new Column(name, ColumnType.DECIMAL, precision, scale, false);
    }

    public static Column varchar(String name, int length) {
        return new Column(name, ColumnType.VARCHAR, length, 0, false);
    }

    public static Column text(String name, int length) {
        return new Column(name, ColumnType.VARCHAR, length, 0, true);
    }

    public static Column date(String name) {
        return new Column(name, ColumnType.DATE, 0, 0, false);
    }
}
