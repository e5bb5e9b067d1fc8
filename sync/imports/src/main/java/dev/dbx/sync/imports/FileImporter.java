package dev.dbx.sync.imports;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.ForeignKey;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code dbx import}: a user's file into one entity of one or more stores. Three passes, so a bad file never half-loads:
 *
 * <ol>
 *   <li>read and validate every record against the schema, quarantining bad ones and duplicate keys, spooling the
 *       good ones to disk;
 *   <li>check references and existing keys against the reference store (the first target store), reading only what
 *       the file needs;
 *   <li>load the records that passed everything into each store through its bulk path.
 * </ol>
 */
public final class FileImporter {
    private final Dataset dataset;
    private final Entity entity;
    private final Consumer<String> progress;

    public FileImporter(Dataset dataset, Entity entity, Consumer<String> progress) {
        this.dataset = dataset;
        this.entity = entity;
        this.progress = progress;
    }

    /**
     * Imports {@code file} into {@code stores}: a record loads only where it can load into every one of them (its key
     * new and its references present in each), so the stores stay alike. With {@code strict}, one bad record means
     * nothing loads. The quarantine file must not be the input, nor (unless {@code overwriteQuarantine}) an existing
     * file, and its directory must exist: nothing of the user's is overwritten or created unasked.
     */
    public ImportReport run(
            Path file,
            ImportFormat format,
            Path quarantineFile,
            boolean overwriteQuarantine,
            boolean strict,
            List<Store> stores) {
        checkFiles(file, quarantineFile, overwriteQuarantine);
        if (stores.isEmpty()) {
            throw new DbxException("no store to import into", "name them with --stores");
        }
        Path tmpDir = quarantineFile.toAbsolutePath().getParent();
        try (Quarantine quarantine = new Quarantine(quarantineFile);
                Spool checked = new Spool(tempFile(tmpDir, "checked"), entity);
                Spool good = new Spool(tempFile(tmpDir, "good"), entity)) {
            long records = validate(file, format, quarantine, checked);
            checked.seal();
            progress.accept("read " + records + " records: " + quarantine.count() + " malformed or repeated; checking"
                    + " the other " + checked.size() + " against " + stores.size() + " store(s)");

            List<KeyChecks> keys = new ArrayList<>();
            for (Store store : stores) {
                store.require(DatasetModel.class).create(dataset);
                keys.add(KeyChecks.of(store, dataset, entity, checked));
            }
            try (Spool.Cursor cursor = checked.read()) {
                while (cursor.hasNext()) {
                    Spool.Entry e = cursor.next();
                    String problem = null;
                    for (int i = 0; i < keys.size() && problem == null; i++) {
                        problem = keys.get(i).problem(e.row());
                    }
                    if (problem != null) {
                        quarantine.reject(e.line(), e.text(), problem);
                    } else {
                        good.add(e.line(), e.text(), e.row());
                    }
                }
            }
            good.seal();

            List<ImportReport.StoreResult> results = new ArrayList<>();
            boolean refused = strict && quarantine.count() > 0;
            if (!refused && good.size() > 0) {
                for (Store store : stores) {
                    results.add(load(store, good));
                }
            }
            return new ImportReport(
                    records,
                    good.size(),
                    quarantine.count(),
                    Map.copyOf(quarantine.reasons()),
                    quarantine.count() > 0 ? quarantineFile : null,
                    results,
                    refused);
        }
    }

    private static void checkFiles(Path file, Path quarantineFile, boolean overwriteQuarantine) {
        if (Files.isDirectory(file)) {
            throw new DbxException(file + " is a directory", "--file names one file to import");
        }
        if (!Files.isReadable(file)) {
            throw new DbxException("cannot read " + file + ": no such file, or not readable");
        }
        Path input = file.toAbsolutePath().normalize();
        Path rejected = quarantineFile.toAbsolutePath().normalize();
        if (input.equals(rejected) || sameFile(input, rejected)) {
            throw new DbxException(
                    "the quarantine file is the input file " + file + ": rejected rows would overwrite it",
                    "choose another with --quarantine");
        }
        Path dir = rejected.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new DbxException(
                    "the quarantine file's directory " + dir + " does not exist",
                    "create it, or choose another place with --quarantine");
        }
        if (Files.isDirectory(rejected)) {
            throw new DbxException("the quarantine file " + quarantineFile + " is a directory", "name a file");
        }
        if (Files.exists(rejected) && !overwriteQuarantine) {
            throw new DbxException(
                    "the quarantine file " + quarantineFile + " exists",
                    "choose another with --quarantine, or pass --overwrite-quarantine to replace it");
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private long validate(Path file, ImportFormat format, Quarantine quarantine, Spool checked) {
        RowValidator validator = new RowValidator(entity);
        int[] pk = entity.primaryKeyIndexes();
        Map<List<Object>, Long> seen = new HashMap<>();
        long records = 0;
        try (RecordReader reader = new RecordReader(file, format, entity)) {
            while (reader.hasNext()) {
                RawRecord raw = reader.next();
                records++;
                if (raw.problem() != null) {
                    quarantine.reject(raw.line(), raw.text(), raw.problem());
                    continue;
                }
                RowValidator.Result result = validator.validate(raw.values());
                if (!result.ok()) {
                    quarantine.reject(raw.line(), raw.text(), result.problem());
                    continue;
                }
                List<Object> key = KeyChecks.key(result.row(), pk);
                Long first = seen.putIfAbsent(key, raw.line());
                if (first != null) {
                    quarantine.reject(
                            raw.line(),
                            raw.text(),
                            "duplicate key (" + KeyChecks.text(key) + "), first on line " + first);
                    continue;
                }
                checked.add(raw.line(), raw.text(), result.row());
            }
        }
        return records;
    }

    private ImportReport.StoreResult load(Store store, Spool good) {
        DatasetModel model = store.require(DatasetModel.class);
        boolean fresh = !model.isLoaded(dataset);
        try {
            model.load(new SpoolSource(good));
            if (fresh) {
                model.index(dataset);
            }
            progress.accept("loaded " + good.size() + " rows into " + store.id());
            return new ImportReport.StoreResult(store.id(), good.size(), null);
        } catch (RuntimeException e) {
            String why = e instanceof DbxException d ? d.userMessage() : String.valueOf(e.getMessage());
            progress.accept("loading into " + store.id() + " failed: " + why);
            return new ImportReport.StoreResult(store.id(), 0, why);
        }
    }

    /** The good rows as a source of one entity. */
    private final class SpoolSource implements DatasetSource {
        private final Spool spool;

        SpoolSource(Spool spool) {
            this.spool = spool;
        }

        @Override
        public Dataset dataset() {
            return dataset;
        }

        @Override
        public List<Entity> entities() {
            return List.of(entity);
        }

        @Override
        public long rowCount(Entity e) {
            return spool.size();
        }

        @Override
        public String description() {
            return "import into " + entity.name();
        }

        @Override
        public RowStream rows(Entity e) {
            Spool.Cursor cursor = spool.read();
            return new RowStream() {
                @Override
                public boolean hasNext() {
                    return cursor.hasNext();
                }

                @Override
                public Object[] next() {
                    return cursor.next().row();
                }

                @Override
                public void close() {
                    cursor.close();
                }
            };
        }
    }

    private static Path tempFile(Path dir, String what) {
        try {
            Files.createDirectories(dir);
            Path f = Files.createTempFile(dir, ".dbx-import-" + what + "-", ".jsonl");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new DbxException("cannot create a temporary file in " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Which keys the reference store already has, and which referenced rows it lacks, for the rows of the file only:
     * keyed lookups ({@link DatasetModel#existingKeys}) of the file's own keys, in batches, so the cost follows the
     * file's size and not the table's.
     */
    static final class KeyChecks {
        /** Keys per lookup: one round trip each, and a bounded request. */
        private static final int BATCH = 1_000;

        private final Store reference;
        private final Entity entity;
        private final Set<List<Object>> existing;
        private final List<ForeignKey> foreignKeys;
        private final List<int[]> fkIndexes;
        private final List<Set<List<Object>>> found;

        private KeyChecks(
                Store reference,
                Entity entity,
                Set<List<Object>> existing,
                List<ForeignKey> foreignKeys,
                List<int[]> fkIndexes,
                List<Set<List<Object>>> found) {
            this.reference = reference;
            this.entity = entity;
            this.existing = existing;
            this.foreignKeys = foreignKeys;
            this.fkIndexes = fkIndexes;
            this.found = found;
        }

        static KeyChecks of(Store reference, Dataset dataset, Entity entity, Spool checked) {
            int[] pk = entity.primaryKeyIndexes();
            Set<List<Object>> fileKeys = new LinkedHashSet<>();
            List<ForeignKey> fks = entity.foreignKeys();
            List<int[]> fkIndexes = new ArrayList<>();
            List<Set<List<Object>>> wanted = new ArrayList<>();
            for (ForeignKey fk : fks) {
                fkIndexes.add(fk.columns().stream().mapToInt(entity::indexOf).toArray());
                wanted.add(new LinkedHashSet<>());
            }
            try (Spool.Cursor cursor = checked.read()) {
                while (cursor.hasNext()) {
                    Object[] row = cursor.next().row();
                    fileKeys.add(key(row, pk));
                    for (int i = 0; i < fks.size(); i++) {
                        wanted.get(i).add(key(row, fkIndexes.get(i)));
                    }
                }
            }
            DatasetModel model = reference.require(DatasetModel.class);
            Set<List<Object>> existing = lookUp(model, dataset, entity, fileKeys);
            List<Set<List<Object>>> found = new ArrayList<>();
            for (int i = 0; i < fks.size(); i++) {
                ForeignKey fk = fks.get(i);
                Entity parent = dataset.entity(fk.entity());
                if (!fk.referencedColumns().equals(parent.primaryKey())) {
                    throw new IllegalStateException(
                            entity.name() + "'s reference to " + parent.name() + " is not to its primary key");
                }
                found.add(lookUp(model, dataset, parent, wanted.get(i)));
            }
            return new KeyChecks(reference, entity, existing, fks, fkIndexes, found);
        }

        /** The keys {@code model} holds among {@code keys}, asked a batch at a time. */
        private static Set<List<Object>> lookUp(
                DatasetModel model, Dataset dataset, Entity entity, Collection<List<Object>> keys) {
            Set<List<Object>> have = new HashSet<>();
            List<List<Object>> batch = new ArrayList<>(Math.min(BATCH, keys.size()));
            for (List<Object> key : keys) {
                batch.add(key);
                if (batch.size() == BATCH) {
                    have.addAll(model.existingKeys(dataset, entity, batch));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                have.addAll(model.existingKeys(dataset, entity, batch));
            }
            return have;
        }

        /** Why this row cannot be loaded, or null. */
        String problem(Object[] row) {
            List<Object> k = key(row, entity.primaryKeyIndexes());
            if (existing.contains(k)) {
                return "a row with key (" + text(k) + ") already exists in " + reference.id();
            }
            for (int i = 0; i < foreignKeys.size(); i++) {
                List<Object> ref = key(row, fkIndexes.get(i));
                if (!found.get(i).contains(ref)) {
                    ForeignKey fk = foreignKeys.get(i);
                    return String.join(",", fk.columns()) + " (" + text(ref) + ") refers to a " + fk.entity() + " that "
                            + reference.id() + " does not have";
                }
            }
            return null;
        }

        /** The canonical values of {@code row}'s columns at {@code indexes}: a key as the SPI takes it. */
        static List<Object> key(Object[] row, int[] indexes) {
            Object[] k = new Object[indexes.length];
            for (int i = 0; i < indexes.length; i++) {
                k[i] = row[indexes[i]];
            }
            return Arrays.asList(k);
        }

        static String text(List<Object> key) {
            return String.join(",", key.stream().map(String::valueOf).toList());
        }
    }
}
