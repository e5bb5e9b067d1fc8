package dev.dbx.core.dataset;

/**
 * The logical types of dbx's datasets, each with one canonical Java type that every store must give back on a scan:
 * INTEGER as {@link Long}, DECIMAL as {@link java.math.BigDecimal} at the column's scale, VARCHAR as {@link String},
 * DATE as {@link java.time.LocalDate}.
 */
public enum ColumnType {
    INTEGER,
    DECIMAL,
    VARCHAR,
    DATE
}
