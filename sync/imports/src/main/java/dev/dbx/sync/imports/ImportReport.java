package dev.dbx.sync.imports;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an import did.
 *
 * @param records records read from the file
 * @param good records that passed every check
 * @param quarantined records rejected, with {@code reasons} counted by kind, written to {@code quarantineFile}
 * @param stores per store: rows loaded, or why loading failed
 * @param refused true when nothing was loaded on purpose ({@code --strict} with bad records)
 */
public record ImportReport(
        long records,
        long good,
        long quarantined,
        Map<String, Long> reasons,
        Path quarantineFile,
        List<StoreResult> stores,
        boolean refused) {

    /** One store's part: rows loaded, or the error. */
    public record StoreResult(String store, long loaded, String error) {}

    public boolean failed() {
        return refused || stores.stream().anyMatch(s -> s.error() != null);
    }
}
