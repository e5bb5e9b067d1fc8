package dev.dbx.app;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Datasets;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.store.Store;
import dev.dbx.lab.Lab;
import dev.dbx.lab.LoadRecords;
import dev.dbx.lab.StoreSelection;
import dev.dbx.lab.StoreTarget;
import dev.dbx.sync.imports.FileImporter;
import dev.dbx.sync.imports.ImportFormat;
import dev.dbx.sync.imports.ImportReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import your own file into one entity of the stores, validating every row.",
            "Rows are checked against the entity's schema (types, required fields, lengths, ranges), for UTF-8, for",
            "duplicate keys, and for references and existing keys in every store imported into: a row loads into all",
            "of them or none. Good rows load; bad rows go to a quarantine file with their line number and reason.",
            "Nothing loads before every check has run, and no existing file is overwritten unless asked."
        })
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    Dbx dbx;

    @Option(names = "--entity", required = true, paramLabel = "NAME", description = "e.g. customer, lineitem.")
    String entity;

    @Option(names = "--file", required = true, paramLabel = "PATH", description = "The file to import.")
    Path file;

    @Option(
            names = "--format",
            paramLabel = "csv|jsonl|tbl",
            description = "The file's format (default: from its name).")
    String format;

    @Option(
            names = "--stores",
            split = ",",
            paramLabel = "STORE",
            description = "Stores to import into, each checked for references and existing keys (default: every"
                    + " store that can be reached, postgres first).")
    List<String> stores;

    @Option(
            names = "--quarantine",
            paramLabel = "PATH",
            description = "Where rejected rows go: a new file in an existing directory (default: <file>.rejected.jsonl,"
                    + " or .rejected-2.jsonl and so on when that exists).")
    Path quarantine;

    @Option(names = "--overwrite-quarantine", description = "Replace the --quarantine file when it exists.")
    boolean overwriteQuarantine;

    @Option(names = "--strict", description = "Load nothing if any row is bad.")
    boolean strict;

    @Override
    public Integer call() {
        Lab lab = dbx.lab();
        Entity target = null;
        Dataset dataset = null;
        for (Dataset d : Datasets.all()) {
            if (d.entityNames().contains(entity)) {
                dataset = d;
                target = d.entity(entity);
            }
        }
        if (target == null) {
            List<String> all = new ArrayList<>();
            Datasets.all().forEach(d -> all.addAll(d.entityNames()));
            throw new DbxException("unknown entity '" + entity + "'", "entities are " + String.join(", ", all));
        }
        ImportFormat fmt = format == null ? ImportFormat.of(file) : ImportFormat.parse(format);
        Path rejected = quarantine != null ? quarantine : freeName(file);
        StoreSelection selection = StoreSelection.resolve(lab, stores);
        selection.skipped().forEach(s -> System.err.println("  - " + s));
        List<StoreTarget> targets = postgresFirst(selection.targets(), stores);

        List<Store> opened = new ArrayList<>();
        try {
            for (StoreTarget t : targets) {
                opened.add(lab.open(t));
            }
            ImportReport report = new FileImporter(dataset, target, m -> System.err.println("  " + m))
                    .run(file, fmt, rejected, overwriteQuarantine, strict, opened);
            print(report, target);
            LoadRecords records = new LoadRecords(lab.dataDir());
            for (int i = 0; i < targets.size(); i++) {
                ImportReport.StoreResult r =
                        i < report.stores().size() ? report.stores().get(i) : null;
                if (r != null && r.loaded() > 0) {
                    records.changed(
                            targets.get(i),
                            dataset.name(),
                            "import of " + r.loaded() + " " + target.name() + " rows from " + file.getFileName());
                }
            }
            return report.failed() ? 1 : 0;
        } finally {
            opened.forEach(Store::close);
        }
    }

    /** {@code <file>.rejected.jsonl}, or the first {@code .rejected-N.jsonl} that does not exist yet. */
    private static Path freeName(Path file) {
        Path candidate = file.resolveSibling(file.getFileName() + ".rejected.jsonl");
        for (int n = 2; java.nio.file.Files.exists(candidate); n++) {
            candidate = file.resolveSibling(file.getFileName() + ".rejected-" + n + ".jsonl");
        }
        return candidate;
    }

    /** With no --stores, PostgreSQL (the source of truth) comes first. */
    private static List<StoreTarget> postgresFirst(List<StoreTarget> targets, List<String> requested) {
        if (requested != null && !requested.isEmpty()) {
            return targets;
        }
        List<StoreTarget> ordered = new ArrayList<>();
        targets.stream().filter(t -> t.storeId().equals("postgres")).forEach(ordered::add);
        targets.stream().filter(t -> !t.storeId().equals("postgres")).forEach(ordered::add);
        return ordered;
    }

    private static void print(ImportReport report, Entity entity) {
        System.out.println("read " + Format.count(report.records()) + " records of " + entity.name() + ": "
                + Format.count(report.good()) + " good, " + Format.count(report.quarantined()) + " quarantined");
        for (Map.Entry<String, Long> reason : report.reasons().entrySet()) {
            System.out.println("  " + Format.count(reason.getValue()) + " × " + reason.getKey());
        }
        if (report.quarantineFile() != null) {
            System.out.println("rejected rows, with line numbers and reasons: " + report.quarantineFile());
        }
        if (report.refused()) {
            System.out.println("nothing was loaded (--strict, and some rows are bad)");
        }
        TextTable table = new TextTable("STORE", "LOADED", "RESULT");
        for (ImportReport.StoreResult r : report.stores()) {
            table.row(r.store(), Format.count(r.loaded()), r.error() == null ? "ok" : "FAILED: " + r.error());
        }
        if (!table.isEmpty()) {
            table.print(System.out);
        }
    }
}
