package dev.dbx.store.redis;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secondary sorted sets of a dataset, read from the resource {@code keyspace/<dataset>.indexes} next to this
 * class: one line per sorted set, {@code <entity> <key suffix> <score column>}, {@code #} starts a comment. A dataset
 * without such a file has none.
 */
final class SecondaryIndexes {
    private final Map<String, List<SecondaryIndex>> byEntity;

    private SecondaryIndexes(Map<String, List<SecondaryIndex>> byEntity) {
        this.byEntity = byEntity;
    }

    static SecondaryIndexes of(Dataset dataset) {
        String resource = "keyspace/" + dataset.name() + ".indexes";
        Map<String, List<SecondaryIndex>> byEntity = new LinkedHashMap<>();
        try (InputStream in = SecondaryIndexes.class.getResourceAsStream(resource)) {
            if (in == null) {
                return new SecondaryIndexes(byEntity);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int lineNumber = 0;
            for (String line : text.split("\n")) {
                lineNumber++;
                int hash = line.indexOf('#');
                String content = (hash < 0 ? line : line.substring(0, hash)).strip();
                if (content.isEmpty()) {
                    continue;
                }
                String[] parts = content.split("\\s+");
                if (parts.length != 3) {
                    throw new DbxException("redis: " + resource + " line " + lineNumber
                            + " is not '<entity> <key suffix> <score column>'");
                }
                Entity entity = dataset.entity(parts[0]);
                if (!EntityLayout.of(entity).integerKey()) {
                    // a text id could then equal a secondary set's name
                    throw new DbxException("redis: " + resource + " line " + lineNumber + ": " + entity.name()
                            + " has a text key, so it cannot have secondary sorted sets under its rows' namespace");
                }
                byEntity.computeIfAbsent(entity.name(), k -> new ArrayList<>())
                        .add(new SecondaryIndex(entity, parts[1], parts[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return new SecondaryIndexes(byEntity);
    }

    List<SecondaryIndex> of(Entity entity) {
        return byEntity.getOrDefault(entity.name(), List.of());
    }

    List<SecondaryIndex> all() {
        return byEntity.values().stream().flatMap(List::stream).toList();
    }
}
