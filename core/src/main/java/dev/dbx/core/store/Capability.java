package dev.dbx.core.store;

/**
 * Something a store can do. Each capability is a small interface served by an object of its own that the store hands
 * out through {@link Store#capabilities()}; workloads run only where the capability exists (elsewhere the report says
 * "n/a").
 */
public interface Capability {}
