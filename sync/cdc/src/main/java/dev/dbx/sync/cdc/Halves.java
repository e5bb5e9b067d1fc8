package dev.dbx.sync.cdc;

import java.util.List;

/**
 * Applies a batch, and when it fails, its halves, down to the items that fail on their own: the rest are applied in
 * their order (each half after the one before it), so changes of one key still land in order.
 */
final class Halves {
    private Halves() {}

    interface Steps<T> {
        /** Applies {@code items} together; throws when the target fails them. */
        void apply(List<T> items);

        /** Called on every failure before halving: throws to stop (e.g. the target is down, not rejecting). */
        void failed(List<T> items, RuntimeException error);

        /** An item that failed on its own: try it again, set it aside, or throw. */
        void alone(T item, RuntimeException error);
    }

    static <T> void apply(List<T> items, Steps<T> steps) {
        if (items.isEmpty()) {
            return;
        }
        try {
            steps.apply(items);
        } catch (RuntimeException e) {
            steps.failed(items, e);
            if (items.size() == 1) {
                steps.alone(items.getFirst(), e);
                return;
            }
            int middle = items.size() / 2;
            apply(items.subList(0, middle), steps);
            apply(items.subList(middle, items.size()), steps);
        }
    }
}
