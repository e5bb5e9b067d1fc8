package dev.dbx.core.dataset;

/** Receives rows from a store's scan, in the entity's column order, as canonical values. */
@FunctionalInterface
public interface RowSink {
    void accept(Object[] row);
}
