package dev.dbx.core.query;

/**
 * An index dbx built on the advisor's proposal (found again by its name's prefix in the engine's catalog).
 *
 * @param name the index's name
 * @param table its table
 * @param definition the engine's own definition of it (from its catalog)
 * @param sizeBytes its size on disk, when the engine tells
 * @param buildMs how long building it took, when dbx built it this run
 */
public record BuiltIndex(String name, String table, String definition, Long sizeBytes, Double buildMs) {}
