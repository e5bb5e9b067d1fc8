package dev.dbx.lab;

import dev.dbx.core.DbxException;
import dev.dbx.core.store.Placement;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.EngineState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which stores a command works on: those named, or every store that can be reached now.
 *
 * @param targets the stores to work on
 * @param skipped for each store left out because its local engine is not running, why (for a note to the user)
 */
public record StoreSelection(List<StoreTarget> targets, List<String> skipped) {
    public StoreSelection {
        targets = List.copyOf(targets);
        skipped = List.copyOf(skipped);
    }

    /**
     * Named stores must be reachable (a local engine that is not running is an error saying how to start it). With
     * none named: every embedded and external store, and every local one whose engine runs (the others are skipped).
     */
    public static StoreSelection resolve(Lab lab, List<String> requested) {
        if (requested != null && !requested.isEmpty()) {
            Set<String> ids = new LinkedHashSet<>();
            for (String name : requested) {
                if (!name.isBlank()) {
                    ids.add(Stores.provider(name.strip().toLowerCase(Locale.ROOT))
                            .id());
                }
            }
            List<StoreTarget> targets = new ArrayList<>();
            for (String id : ids) {
                StoreTarget target = lab.store(id);
                if (target.placement() == Placement.LOCAL_ENGINE && !running(lab, target)) {
                    throw new DbxException(
                            "store " + id + ": its local engine "
                                    + target.engine().name() + " is not running",
                            "start it with: dbx up --engines " + target.engine().name());
                }
                targets.add(target);
            }
            return new StoreSelection(targets, List.of());
        }
        List<StoreTarget> targets = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (StoreTarget target : lab.stores()) {
            if (target.placement() == Placement.LOCAL_ENGINE && !running(lab, target)) {
                skipped.add(target.storeId() + " skipped: its local engine is not running (dbx up starts it)");
                continue;
            }
            targets.add(target);
        }
        if (targets.isEmpty()) {
            throw new DbxException("no store is reachable", "start the local engines with: dbx up");
        }
        return new StoreSelection(targets, skipped);
    }

    private static boolean running(Lab lab, StoreTarget target) {
        return lab.supervisor().status(target.engine(), false).state() == EngineState.running;
    }
}
