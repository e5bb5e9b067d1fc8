package dev.dbx.sync.verify;

import java.util.List;

/**
 * One store, as {@code dbx verify} saw it.
 *
 * @param store the store id
 * @param server the identity its server reported, or null when it could not be reached
 * @param entities every entity of the dataset
 * @param error why the store could not be read at all, or null
 */
public record StoreCheck(String store, String server, List<EntityCheck> entities, String error) {
    public boolean matches() {
        return error == null && entities.stream().allMatch(EntityCheck::matches);
    }
}
