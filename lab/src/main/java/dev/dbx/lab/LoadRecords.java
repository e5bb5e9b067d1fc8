package dev.dbx.lab;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import dev.dbx.engine.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What this lab loaded into each store, in {@code <data-dir>/loads/<store>.json}: per dataset, which source (TPC-H at a
 * scale, YCSB with a number of records), whether the load finished, and what changed it since (an import). A load is
 * marked complete only once every row is in and indexed, so a load cut short (Ctrl-C, a dead server) is known as
 * such: {@code dbx load} says so instead of "already loaded", and {@code dbx verify} reports the store. A record
 * belongs to the store at the URI it was made for; pointing the store elsewhere makes it unknown, not wrong.
 */
public final class LoadRecords {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public enum State {
        LOADING,
        COMPLETE,
        FAILED
    }

    /**
     * One dataset in one store, as this lab last loaded it.
     *
     * @param uri the store's URI it was loaded at (redacted)
     * @param source what was loaded, e.g. "TPC-H SF 0.01"
     * @param scale the TPC-H scale factor, or null
     * @param records the YCSB record count, or null
     * @param error why it failed, or null
     * @param changes what changed the data since the load (imports), in order
     */
    public record Entry(
            String uri,
            String dataset,
            String source,
            Double scale,
            Long records,
            State state,
            Instant started,
            Instant finished,
            String error,
            List<String> changes) {
        public Entry {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }

        /** Loaded whole, and nothing changed it since: the store should hold exactly the dataset as generated. */
        public boolean pristine() {
            return state == State.COMPLETE && changes.isEmpty();
        }

        Entry with(State next, Instant at, String why) {
            return new Entry(uri, dataset, source, scale, records, next, started, at, why, changes);
        }
    }

    private final Path dir;

    public LoadRecords(Path dataDir) {
        this.dir = dataDir.toAbsolutePath().normalize().resolve("loads");
    }

    /** The record of {@code dataset} in {@code target}, when this lab loaded it at the target's current URI. */
    public Optional<Entry> get(StoreTarget target, String dataset) {
        Entry e = read(target).get(dataset);
        return e != null && e.uri().equals(Uris.redact(target.uri())) ? Optional.of(e) : Optional.empty();
    }

    /** Records a load that is starting: until {@link #complete}, the store holds a partial dataset. */
    public void started(StoreTarget target, DatasetChoice choice) {
        Entry e = new Entry(
                Uris.redact(target.uri()),
                choice.dataset(),
                choice.source().description(),
                choice.dataset().equals("tpch") ? choice.scale() : null,
                choice.dataset().equals("ycsb") ? choice.records() : null,
                State.LOADING,
                Instant.now(),
                null,
                null,
                List.of());
        put(target, e);
    }

    /**
     * Records a copy from another store that is starting ({@code dbx sync full}): like a load, but never pristine, since
     * what it holds is the source store's data, not the dataset as generated.
     */
    public void startedCopy(StoreTarget target, String dataset, String source) {
        put(
                target,
                new Entry(
                        Uris.redact(target.uri()),
                        dataset,
                        source,
                        null,
                        null,
                        State.LOADING,
                        Instant.now(),
                        null,
                        null,
                        List.of(Instant.now() + " copied from " + source)));
    }

    public void complete(StoreTarget target, String dataset) {
        get(target, dataset).ifPresent(e -> put(target, e.with(State.COMPLETE, Instant.now(), null)));
    }

    public void failed(StoreTarget target, String dataset, String why) {
        get(target, dataset).ifPresent(e -> put(target, e.with(State.FAILED, Instant.now(), why)));
    }

    /** Notes a change made after the load (the store no longer holds the dataset exactly as generated). */
    public void changed(StoreTarget target, String dataset, String what) {
        get(target, dataset).ifPresent(e -> {
            List<String> changes = new ArrayList<>(e.changes());
            changes.add(Instant.now() + " " + what);
            put(
                    target,
                    new Entry(
                            e.uri(),
                            e.dataset(),
                            e.source(),
                            e.scale(),
                            e.records(),
                            e.state(),
                            e.started(),
                            e.finished(),
                            e.error(),
                            changes));
        });
    }

    public void dropped(StoreTarget target, String dataset) {
        Map<String, Entry> all = read(target);
        if (all.remove(dataset) != null) {
            write(target, all);
        }
    }

    /**
     * Holds the store for one loader of this lab at a time, until closed: a second {@code dbx load} (another process or
     * this one) into the same store is refused at once, with who holds it, instead of failing half-way in SQL.
     */
    public AutoCloseable lock(StoreTarget target) {
        Path file = file(target, ".lock");
        try {
            PrivateFiles.directory(dir);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            PrivateFiles.file(file);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DbxException(
                        "another dbx is loading into store " + target.storeId() + " right now",
                        "wait for it to finish (dbx load and dbx drop hold " + file + " while they work)");
            }
            FileLock held = lock;
            return () -> {
                held.release();
                channel.close();
            };
        } catch (IOException e) {
            throw new DbxException("cannot lock " + file + ": " + e.getMessage());
        }
    }

    private synchronized void put(StoreTarget target, Entry entry) {
        Map<String, Entry> all = read(target);
        all.put(entry.dataset(), entry);
        write(target, all);
    }

    private Map<String, Entry> read(StoreTarget target) {
        Path file = file(target, ".json");
        if (!Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Entry>>() {});
        } catch (IOException e) {
            // a torn or foreign file: what it said is unknown, which is what no record means
            return new LinkedHashMap<>();
        }
    }

    private void write(StoreTarget target, Map<String, Entry> all) {
        Path file = file(target, ".json");
        try {
            PrivateFiles.directory(dir);
            Path tmp = PrivateFiles.createFile(file.resolveSibling(file.getFileName() + ".tmp"));
            JSON.writeValue(tmp.toFile(), all);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DbxException("cannot write " + file + ": " + e.getMessage(), "is the data directory writable?");
        }
    }

    private Path file(StoreTarget target, String suffix) {
        return dir.resolve(target.storeId() + suffix);
    }
}
