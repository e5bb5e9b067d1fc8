package dev.dbx.core.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The capability objects a store hands out, one per concern (its dataset model, its key-value usertable, its native
 * bulk loader...), the way a Trino connector hands out its metadata, split manager and page sink. A store lists only
 * what it has: a workload asks, and reports "n/a" where the answer is empty.
 */
public final class Capabilities {
    private final Map<Class<? extends Capability>, Capability> byType;

    private Capabilities(Map<Class<? extends Capability>, Capability> byType) {
        this.byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The object serving {@code type}, when the store has that capability. */
    public <C extends Capability> Optional<C> get(Class<C> type) {
        return Optional.ofNullable(byType.get(type)).map(type::cast);
    }

    public boolean has(Class<? extends Capability> type) {
        return byType.containsKey(type);
    }

    /** The capabilities the store has, in the order it declared them. */
    public Set<Class<? extends Capability>> types() {
        return byType.keySet();
    }

    public static final class Builder {
        private final Map<Class<? extends Capability>, Capability> byType = new LinkedHashMap<>();

        private Builder() {}

        /** Declares that {@code object} serves capability {@code type}; each type once. */
        public <C extends Capability> Builder add(Class<C> type, C object) {
            if (!type.isInstance(object)) {
                throw new IllegalArgumentException(object + " is not a " + type.getSimpleName());
            }
            if (byType.putIfAbsent(type, object) != null) {
                throw new IllegalArgumentException(type.getSimpleName() + " declared twice");
            }
            return this;
        }

        public Capabilities build() {
            return new Capabilities(byType);
        }
    }
}
