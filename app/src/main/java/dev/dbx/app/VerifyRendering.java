package dev.dbx.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.lab.Verification;
import dev.dbx.sync.verify.EntityCheck;
import dev.dbx.sync.verify.StoreCheck;
import dev.dbx.sync.verify.VerifyReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code dbx verify}'s reports as a side-by-side table (for people) or JSON (for scripts). */
final class VerifyRendering {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VerifyRendering() {}

    static void table(List<Verification.Verified> verified, PrintStream out) {
        for (Verification.Verified v : verified) {
            VerifyReport report = v.report();
            out.println(report.dataset() + " (reference: " + report.reference() + ")");
            List<String> headers = new ArrayList<>();
            headers.add("ENTITY");
            report.stores().forEach(s -> headers.add(s.store().toUpperCase(Locale.ROOT)));
            TextTable table = new TextTable(headers.toArray(String[]::new));
            for (String entity : report.entities()) {
                List<Object> cells = new ArrayList<>();
                cells.add(entity);
                for (StoreCheck store : report.stores()) {
                    cells.add(store.error() != null ? "unreadable" : cell(report, store, entity));
                }
                table.row(cells.toArray());
            }
            List<Object> verdicts = new ArrayList<>();
            verdicts.add("checksums");
            for (StoreCheck store : report.stores()) {
                verdicts.add(
                        store.error() != null
                                ? "-"
                                : report.referenceError().isPresent()
                                        ? "not compared"
                                        : store.matches() ? "equal" : "DIFFERENT");
            }
            table.row(verdicts.toArray());
            table.print(out);
            for (StoreCheck store : report.stores()) {
                out.println("  " + store.store() + ": " + (store.server() == null ? "unreachable" : store.server()));
            }
            out.println("  check: " + v.check());
            List<String> differences = report.differences();
            if (differences.isEmpty()) {
                out.println("  every store holds the same " + report.dataset() + " data");
            } else {
                out.println("  differences:");
                differences.forEach(d -> out.println("    " + d));
            }
            if (!v.problems().isEmpty()) {
                out.println("  problems:");
                v.problems().forEach(p -> out.println("    " + p));
            }
            out.println();
        }
    }

    private static String cell(VerifyReport report, StoreCheck store, String entity) {
        Optional<EntityCheck> check =
                store.entities().stream().filter(e -> e.entity().equals(entity)).findFirst();
        if (check.isEmpty() || check.get().error() != null) {
            return "error";
        }
        EntityCheck e = check.get();
        String mark = report.referenceError().isPresent() ? " ?" : e.matches() ? " ✓" : " ✗";
        return Format.count(e.count()) + mark;
    }

    /** {"equal", "reference", "datasets", "stores": [{"store", "server", "error"?, "entities": [...]}]} */
    static void json(List<Verification.Verified> verified, PrintStream out) {
        List<VerifyReport> reports =
                verified.stream().map(Verification.Verified::report).toList();
        ObjectNode root = JSON.createObjectNode();
        root.put("equal", Verification.equal(verified));
        root.put("reference", reports.get(0).reference());
        ArrayNode datasets = root.putArray("datasets");
        reports.forEach(r -> datasets.add(r.dataset()));
        ArrayNode referenceErrors = root.putArray("referenceErrors");
        reports.forEach(r -> r.referenceError().ifPresent(e -> referenceErrors.add(r.dataset() + ": " + e)));
        ArrayNode differences = root.putArray("differences");
        reports.forEach(r -> r.differences().forEach(d -> differences.add(r.dataset() + " " + d)));
        ObjectNode checks = root.putObject("checks");
        verified.forEach(v -> checks.put(v.report().dataset(), v.check()));
        ArrayNode problems = root.putArray("problems");
        verified.forEach(v -> v.problems().forEach(p -> problems.add(v.report().dataset() + " " + p)));
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
