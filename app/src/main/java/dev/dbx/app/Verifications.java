package dev.dbx.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Datasets;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.Stores;
import dev.dbx.sync.verify.EntityCheck;
import dev.dbx.sync.verify.StoreCheck;
import dev.dbx.sync.verify.Verifier;
import dev.dbx.sync.verify.VerifyReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code dbx verify} over stores and prints it as a side-by-side table or JSON; shared with dbx demo. */
final class Verifications {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Verifications() {}

    /**
     * Verifies each dataset (the given one, or every dataset the reference holds) across the stores. The reference is
     * {@code against}, else PostgreSQL (the source of truth) when present, else the first store.
     */
    static List<VerifyReport> run(Lab lab, List<StoreTarget> targets, String dataset, String against) {
        List<StoreTarget> ordered = referenceFirst(targets, against);
        List<Store> stores = new ArrayList<>();
        try {
            for (StoreTarget t : ordered) {
                stores.add(lab.open(t));
            }
            Store reference = stores.get(0);
            List<Dataset> datasets = new ArrayList<>();
            DatasetModel model = reference.require(DatasetModel.class);
            for (Dataset d : dataset == null ? Datasets.all() : List.of(Datasets.named(dataset))) {
                if (model.isLoaded(d)) {
                    datasets.add(d);
                } else if (dataset != null) {
                    throw new DbxException(
                            "the reference store " + reference.id() + " does not hold the " + d.name() + " dataset",
                            "load it (dbx load --dataset " + d.name() + ") or choose another with --against");
                }
            }
            if (datasets.isEmpty()) {
                throw new DbxException(
                        "the reference store " + reference.id() + " holds no dataset", "load one first: dbx load");
            }
            List<VerifyReport> reports = new ArrayList<>();
            for (Dataset d : datasets) {
                reports.add(Verifier.verify(d, stores));
            }
            return reports;
        } finally {
            stores.forEach(Store::close);
        }
    }

    private static List<StoreTarget> referenceFirst(List<StoreTarget> targets, String against) {
        String refId = against != null
                ? Stores.provider(against).id()
                : targets.stream().anyMatch(t -> t.storeId().equals("postgres"))
                        ? "postgres"
                        : targets.get(0).storeId();
        List<StoreTarget> ordered = new ArrayList<>();
        targets.stream().filter(t -> t.storeId().equals(refId)).forEach(ordered::add);
        if (ordered.isEmpty()) {
            throw new DbxException(
                    "--against " + against + ": that store is not among those verified", "add it to --stores");
        }
        targets.stream().filter(t -> !t.storeId().equals(refId)).forEach(ordered::add);
        return ordered;
    }

    static boolean equal(List<VerifyReport> reports) {
        return reports.stream().allMatch(VerifyReport::equal);
    }

    static void table(List<VerifyReport> reports, PrintStream out) {
        for (VerifyReport report : reports) {
            out.println(report.dataset() + " (reference: " + report.reference() + ")");
            List<String> headers = new ArrayList<>();
            headers.add("ENTITY");
            report.stores().forEach(s -> headers.add(s.store().toUpperCase(java.util.Locale.ROOT)));
            TextTable table = new TextTable(headers.toArray(String[]::new));
            StoreCheck ref = report.stores().get(0);
            for (int i = 0; i < ref.entities().size(); i++) {
                List<Object> cells = new ArrayList<>();
                cells.add(ref.entities().get(i).entity());
                for (StoreCheck store : report.stores()) {
                    cells.add(
                            store.error() != null
                                    ? "unreadable"
                                    : cell(store.entities().get(i)));
                }
                table.row(cells.toArray());
            }
            if (ref.error() == null) {
                List<Object> cells = new ArrayList<>();
                cells.add("checksums");
                for (StoreCheck store : report.stores()) {
                    cells.add(store.error() != null ? "-" : store.matches() ? "equal" : "DIFFERENT");
                }
                table.row(cells.toArray());
            }
            table.print(out);
            for (StoreCheck store : report.stores()) {
                out.println("  " + store.store() + ": " + (store.server() == null ? "unreachable" : store.server()));
            }
            List<String> differences = report.differences();
            if (differences.isEmpty()) {
                out.println("  every store holds the same " + report.dataset() + " data");
            } else {
                out.println("  differences:");
                differences.forEach(d -> out.println("    " + d));
            }
            out.println();
        }
    }

    private static String cell(EntityCheck e) {
        if (e.error() != null) {
            return "error";
        }
        return Format.count(e.count()) + (e.matches() ? " ✓" : " ✗");
    }

    /** {"equal", "reference", "datasets", "stores": [{"store", "server", "entities": [...]}]} */
    static void json(List<VerifyReport> reports, PrintStream out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("equal", equal(reports));
        root.put("reference", reports.get(0).reference());
        ArrayNode datasets = root.putArray("datasets");
        reports.forEach(r -> datasets.add(r.dataset()));
        Map<String, ObjectNode> byStore = new LinkedHashMap<>();
        ArrayNode stores = root.putArray("stores");
        for (VerifyReport report : reports) {
            for (StoreCheck s : report.stores()) {
                ObjectNode node = byStore.computeIfAbsent(s.store(), id -> {
                    ObjectNode n = stores.addObject();
                    n.put("store", id);
                    n.put("server", s.server());
                    n.putArray("entities");
                    return n;
                });
                if (s.error() != null) {
                    node.put("error", s.error());
                }
                ArrayNode entities = (ArrayNode) node.get("entities");
                for (EntityCheck e : s.entities()) {
                    ObjectNode en = entities.addObject();
                    en.put("dataset", report.dataset());
                    en.put("entity", e.entity());
                    en.put("count", e.count());
                    en.put("checksum", e.checksum());
                    en.put("matches", e.matches());
                    if (e.error() != null) {
                        en.put("error", e.error());
                    }
                }
            }
        }
        try {
            out.println(JSON.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
