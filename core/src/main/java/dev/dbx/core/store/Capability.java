package dev.dbx.core.store;

/**
 * Something a store can do. Each capability is a small interface; a store implements those it has, and workloads run
 * only where the capability exists (elsewhere the report says "n/a").
 */
public interface Capability {}
