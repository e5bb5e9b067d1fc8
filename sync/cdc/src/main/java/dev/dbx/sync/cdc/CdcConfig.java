package dev.dbx.sync.cdc;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Dataset;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What {@link CdcApply} runs: the dataset's change topic on a Kafka cluster, applied to each target.
 *
 * @param kafka the cluster, e.g. {@code kafka://dbx:secret@127.0.0.1:19092} (see {@code KafkaClients})
 * @param dataset the dataset whose changes are applied (topic {@code dbx.<dataset>.changes})
 * @param targets the stores changes are applied to, each with its own consumer group
 * @param settings batch size, waits and retries
 * @param statusDir where the status file is written, or null for none
 * @param slotRetainedBytes what the source's replication slot holds back, asked each time the status is written (null
 *     for not measured)
 */
public record CdcConfig(
        URI kafka,
        Dataset dataset,
        List<Target> targets,
        ApplySettings settings,
        Path statusDir,
        Supplier<Long> slotRetainedBytes) {
    public CdcConfig {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(dataset, "dataset");
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new DbxException("CDC needs at least one target store", "name the stores to keep in sync");
        }
        Set<String> names = new HashSet<>();
        for (Target t : targets) {
            if (!names.add(t.name())) {
                throw new DbxException("two CDC targets are named " + t.name(), "give each target a name of its own");
            }
        }
        settings = settings == null ? ApplySettings.DEFAULTS : settings;
        slotRetainedBytes = slotRetainedBytes == null ? () -> null : slotRetainedBytes;
    }

    public CdcConfig(URI kafka, Dataset dataset, List<Target> targets) {
        this(kafka, dataset, targets, ApplySettings.DEFAULTS, null, null);
    }

    public CdcConfig withSettings(ApplySettings s) {
        return new CdcConfig(kafka, dataset, targets, s, statusDir, slotRetainedBytes);
    }

    public CdcConfig withStatusDir(Path dir) {
        return new CdcConfig(kafka, dataset, targets, settings, dir, slotRetainedBytes);
    }

    public CdcConfig withSlotRetainedBytes(Supplier<Long> bytes) {
        return new CdcConfig(kafka, dataset, targets, settings, statusDir, bytes);
    }
}
