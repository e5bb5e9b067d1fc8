package dev.dbx.engine.kafka;

import java.util.List;
import java.util.Optional;

/**
 * Kafka's {@code metadata.version} feature levels and the names Kafka gives them ({@code MetadataVersion} in
 * kafka-server-common, a server jar that is not on dbx's classpath). A broker reports levels, not names; this turns
 * the level it reports into the release that introduced it. {@code MetadataVersionsTest} checks this copy against
 * Kafka's own table.
 */
final class MetadataVersions {
    /** Level 7 is the first KRaft production level (3.3-IV3); each entry is the next level up. */
    private static final int FIRST_LEVEL = 7;

    private static final List<String> NAMES = List.of(
            "3.3-IV3", // 7
            "3.4-IV0", "3.5-IV0", "3.5-IV1", "3.5-IV2", "3.6-IV0", "3.6-IV1", "3.6-IV2", "3.7-IV0", "3.7-IV1",
            "3.7-IV2", "3.7-IV3", "3.7-IV4", "3.8-IV0", // 20
            "3.9-IV0", "4.0-IV0", "4.0-IV1", "4.0-IV2", "4.0-IV3", "4.1-IV0", "4.1-IV1", "4.2-IV0", "4.2-IV1",
            "4.3-IV0", // 30
            "4.4-IV0");

    private MetadataVersions() {}

    /** The name of {@code level}, e.g. "4.3-IV0" for 30, if this table knows it. */
    static Optional<String> name(int level) {
        int index = level - FIRST_LEVEL;
        return index >= 0 && index < NAMES.size() ? Optional.of(NAMES.get(index)) : Optional.empty();
    }

    /** The release of a name: "4.3" for "4.3-IV0". */
    static String release(String name) {
        int dash = name.indexOf('-');
        return dash < 0 ? name : name.substring(0, dash);
    }

    static int firstLevel() {
        return FIRST_LEVEL;
    }

    static int lastLevel() {
        return FIRST_LEVEL + NAMES.size() - 1;
    }
}
