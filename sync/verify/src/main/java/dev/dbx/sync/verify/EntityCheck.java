package dev.dbx.sync.verify;

/**
 * One entity of one store, as {@code dbx verify} saw it.
 *
 * @param entity the entity
 * @param count rows the store gave back
 * @param checksum their order-independent checksum, or null when the store could not be read
 * @param matches whether count and checksum equal the reference store's
 * @param error why the store could not be read, or null
 */
public record EntityCheck(String entity, long count, String checksum, boolean matches, String error) {}
