package dev.dbx.workloads.tpch;

import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.workloads.dataset.TpchSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The given answers with dbx's generator's text where it differs from theirs. The bundled answer files agree with
 * {@code io.trino.tpch} (dbx's generator) on every key, number, name, phone and date, but not on free text: every
 * address and comment differs (e.g. customer 679's address is "IJf1FlZL9I9m,rvofcoKy5pRUOjUQV" here and
 * "jhLZlG1fRiSE0 wDLOCguVB96dH6a5" in the bundled Q10 answer). The files appear to come from DuckDB's TPC-H extension,
 * whose text generation differs from dbgen's; at SF 1 the adapted Q13 and Q15 equal TPC-H's own published answers
 * (e.g. Q13 0|50005, 9|6641, 10|6532; Supplier#000008449's address "Wp34zim9qYFbVctdW"). So:
 *
 * <ul>
 *   <li>Q2, Q10, Q15 and Q20 show addresses and comments: those columns are taken from the generator's row of the
 *       answer's own key (supplier by name or key, customer by key); every other value is as published.
 *   <li>Q13 (orders whose comment does not match '%special%requests%') and Q16 (suppliers whose comment matches
 *       '%Customer%Complaints%' excluded) depend on comment text in their results: their answers are computed here,
 *       in plain Java over the generator's rows, from the specification's text of the query — by no engine under test.
 * </ul>
 *
 * Every other query's answer is the published one, unchanged.
 */
final class GeneratorText {
    /** The queries whose published answer is corrected here. */
    static final Set<String> CORRECTED = Set.of("q02", "q10", "q13", "q15", "q16", "q20");

    private GeneratorText() {}

    static ExpectedAnswer correct(ExpectedAnswer published, double scale) {
        return switch (published.query()) {
            case "q02" ->
                replaceText(published, scale, TpchSchema.SUPPLIER, "s_name", 1, Map.of("s_address", 2, "s_comment", 6));
            case "q10" ->
                replaceText(
                        published, scale, TpchSchema.CUSTOMER, "c_custkey", 0, Map.of("c_address", 2, "c_comment", 7));
            case "q15" -> replaceText(published, scale, TpchSchema.SUPPLIER, "s_suppkey", 0, Map.of("s_address", 2));
            case "q20" -> replaceText(published, scale, TpchSchema.SUPPLIER, "s_name", 1, Map.of("s_address", 2));
            case "q13" -> q13(published, scale);
            case "q16" -> q16(published, scale);
            default -> published;
        };
    }

    /**
     * The answer with {@code columns} (answer column → entity column index) taken from the generator's row whose
     * {@code keyIndex} value equals the answer's {@code keyColumn}.
     */
    private static ExpectedAnswer replaceText(
            ExpectedAnswer published,
            double scale,
            dev.dbx.core.dataset.Entity entity,
            String keyColumn,
            int keyIndex,
            Map<String, Integer> columns) {
        int key = published.columns().indexOf(keyColumn);
        Set<String> wanted = new HashSet<>();
        published.rows().forEach(row -> wanted.add(row.get(key)));
        Map<String, Object[]> rows = new HashMap<>();
        scan(scale, entity, row -> {
            String k = String.valueOf(row[keyIndex]);
            if (wanted.contains(k)) {
                rows.put(k, row);
            }
        });
        List<List<String>> corrected = new ArrayList<>();
        for (List<String> row : published.rows()) {
            List<String> out = new ArrayList<>(row);
            Object[] generated = rows.get(row.get(key));
            if (generated == null) {
                throw new IllegalStateException(published.query() + ": the generator has no " + entity.name() + " "
                        + row.get(key) + " at SF " + scale);
            }
            columns.forEach(
                    (column, index) -> out.set(published.columns().indexOf(column), String.valueOf(generated[index])));
            corrected.add(out);
        }
        return new ExpectedAnswer(published.query(), published.columns(), corrected);
    }

    /**
     * Q13: the number of customers by how many orders they placed whose comment does not match
     * '%special%requests%', customers without such orders counted at 0; ordered by custdist desc, c_count desc.
     */
    private static ExpectedAnswer q13(ExpectedAnswer published, double scale) {
        Map<Long, Integer> ordersByCustomer = new HashMap<>();
        scan(scale, TpchSchema.CUSTOMER, row -> ordersByCustomer.put((Long) row[0], 0));
        scan(scale, TpchSchema.ORDERS, row -> {
            String comment = (String) row[8];
            int special = comment.indexOf("special");
            boolean matches = special >= 0 && comment.indexOf("requests", special + "special".length()) >= 0;
            if (!matches) {
                ordersByCustomer.merge((Long) row[1], 1, Integer::sum);
            }
        });
        Map<Integer, Integer> customersByCount = new TreeMap<>();
        ordersByCustomer.values().forEach(count -> customersByCount.merge(count, 1, Integer::sum));
        List<int[]> rows = new ArrayList<>();
        customersByCount.forEach((count, customers) -> rows.add(new int[] {count, customers}));
        rows.sort(Comparator.<int[]>comparingInt(r -> -r[1]).thenComparingInt(r -> -r[0]));
        List<List<String>> out = new ArrayList<>();
        rows.forEach(r -> out.add(List.of(Integer.toString(r[0]), Integer.toString(r[1]))));
        return new ExpectedAnswer(published.query(), published.columns(), out);
    }

    /**
     * Q16: per (brand, type, size) of parts not of Brand#45, not of a type starting 'MEDIUM POLISHED', of size 49, 14,
     * 23, 45, 19, 3, 36 or 9, the number of distinct suppliers of them whose comment does not match
     * '%Customer%Complaints%'; ordered by supplier_cnt desc, brand, type, size.
     */
    private static ExpectedAnswer q16(ExpectedAnswer published, double scale) {
        Set<Long> complaints = new HashSet<>();
        scan(scale, TpchSchema.SUPPLIER, row -> {
            String comment = (String) row[6];
            int customer = comment.indexOf("Customer");
            if (customer >= 0 && comment.indexOf("Complaints", customer + "Customer".length()) >= 0) {
                complaints.add((Long) row[0]);
            }
        });
        Set<Long> sizes = Set.of(49L, 14L, 23L, 45L, 19L, 3L, 36L, 9L);
        Map<Long, List<Object>> parts = new HashMap<>();
        scan(scale, TpchSchema.PART, row -> {
            String brand = (String) row[3];
            String type = (String) row[4];
            Long size = (Long) row[5];
            if (!brand.equals("Brand#45") && !type.startsWith("MEDIUM POLISHED") && sizes.contains(size)) {
                parts.put((Long) row[0], List.of(brand, type, size));
            }
        });
        Map<List<Object>, Set<Long>> suppliers = new HashMap<>();
        scan(scale, TpchSchema.PARTSUPP, row -> {
            List<Object> group = parts.get((Long) row[0]);
            Long supplier = (Long) row[1];
            if (group != null && !complaints.contains(supplier)) {
                suppliers.computeIfAbsent(group, g -> new HashSet<>()).add(supplier);
            }
        });
        List<Map.Entry<List<Object>, Set<Long>>> groups = new ArrayList<>(suppliers.entrySet());
        groups.sort(Comparator.<Map.Entry<List<Object>, Set<Long>>>comparingInt(
                        e -> -e.getValue().size())
                .thenComparing(e -> (String) e.getKey().get(0))
                .thenComparing(e -> (String) e.getKey().get(1))
                .thenComparingLong(e -> (Long) e.getKey().get(2)));
        List<List<String>> out = new ArrayList<>();
        for (Map.Entry<List<Object>, Set<Long>> e : groups) {
            out.add(List.of(
                    (String) e.getKey().get(0),
                    (String) e.getKey().get(1),
                    e.getKey().get(2).toString(),
                    Integer.toString(e.getValue().size())));
        }
        return new ExpectedAnswer(published.query(), published.columns(), out);
    }

    private static void scan(double scale, dev.dbx.core.dataset.Entity entity, Consumer<Object[]> each) {
        try (RowStream rows = new TpchSource(scale).rows(entity)) {
            while (rows.hasNext()) {
                each.accept(rows.next());
            }
        }
    }
}
