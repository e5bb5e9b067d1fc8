package dev.dbx.workloads.graph;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Graph.Reach;
import dev.dbx.core.capability.Graph.Recommendation;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.workloads.dataset.TpchSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The graph suite's ground truth, computed by dbx itself from the canonical TPC-H rows (the generator's, or a store's
 * scan), without any engine: which customer bought which part, held as two compressed adjacency lists of ints
 * (customer to its distinct parts, part to its distinct buyers). At SF 1 that is about 6 M pairs each way (~50 MB);
 * the answers follow {@link dev.dbx.core.capability.Graph}'s definitions literally.
 */
public final class GraphTruth {
    /** customer c's parts are parts[custStart[c] .. custStart[c + 1]), sorted, distinct. */
    private final int[] custStart;

    private final int[] parts;
    /** part p's buyers are buyers[partStart[p] .. partStart[p + 1]), sorted, distinct. */
    private final int[] partStart;

    private final int[] buyers;

    private GraphTruth(int[] custStart, int[] parts, int[] partStart, int[] buyers) {
        this.custStart = custStart;
        this.parts = parts;
        this.partStart = partStart;
        this.buyers = buyers;
    }

    /** From the TPC-H generator at {@code scale} (orders and line items only). */
    public static GraphTruth of(double scale) {
        TpchSource source = new TpchSource(scale);
        Entity orders = TpchSchema.DATASET.entity("orders");
        Entity lineitem = TpchSchema.DATASET.entity("lineitem");
        try (RowStream o = source.rows(orders);
                RowStream l = source.rows(lineitem)) {
            return of(o, l);
        }
    }

    /**
     * From canonical rows of orders (o_orderkey, o_custkey first) and lineitem (l_orderkey, l_partkey first), in any
     * order.
     */
    public static GraphTruth of(java.util.Iterator<Object[]> orders, java.util.Iterator<Object[]> lineitems) {
        long[] orderKeys = new long[1024];
        int[] orderCustomers = new int[1024];
        int n = 0;
        boolean sorted = true;
        while (orders.hasNext()) {
            Object[] row = orders.next();
            if (n == orderKeys.length) {
                orderKeys = Arrays.copyOf(orderKeys, n * 2);
                orderCustomers = Arrays.copyOf(orderCustomers, n * 2);
            }
            orderKeys[n] = ((Number) row[0]).longValue();
            orderCustomers[n] = Math.toIntExact(((Number) row[1]).longValue());
            sorted &= n == 0 || orderKeys[n - 1] < orderKeys[n];
            n++;
        }
        if (!sorted) {
            long[] packed = new long[n];
            Integer[] index = new Integer[n];
            for (int i = 0; i < n; i++) {
                index[i] = i;
            }
            long[] keys = orderKeys;
            Arrays.sort(index, (a, b) -> Long.compare(keys[a], keys[b]));
            int[] customers = new int[n];
            for (int i = 0; i < n; i++) {
                packed[i] = keys[index[i]];
                customers[i] = orderCustomers[index[i]];
            }
            orderKeys = packed;
            orderCustomers = customers;
        }
        // (customer, part) pairs as longs: customer in the high half
        long[] pairs = new long[Math.max(16, n * 4)];
        int m = 0;
        int lastOrder = -1;
        long lastKey = Long.MIN_VALUE;
        int maxCustomer = 0;
        int maxPart = 0;
        while (lineitems.hasNext()) {
            Object[] row = lineitems.next();
            long orderKey = ((Number) row[0]).longValue();
            int part = Math.toIntExact(((Number) row[1]).longValue());
            int at;
            if (orderKey == lastKey) {
                at = lastOrder;
            } else {
                at = Arrays.binarySearch(orderKeys, 0, n, orderKey);
                if (at < 0) {
                    throw new DbxException("line item of order " + orderKey + " names no order");
                }
                lastOrder = at;
                lastKey = orderKey;
            }
            int customer = orderCustomers[at];
            if (m == pairs.length) {
                pairs = Arrays.copyOf(pairs, m * 2);
            }
            pairs[m++] = ((long) customer << 32) | part;
            maxCustomer = Math.max(maxCustomer, customer);
            maxPart = Math.max(maxPart, part);
        }
        Arrays.sort(pairs, 0, m);
        int distinct = 0;
        for (int i = 0; i < m; i++) {
            if (i == 0 || pairs[i] != pairs[i - 1]) {
                pairs[distinct++] = pairs[i];
            }
        }
        int[] custStart = new int[maxCustomer + 2];
        int[] parts = new int[distinct];
        int[] partCount = new int[maxPart + 2];
        for (int i = 0; i < distinct; i++) {
            int c = (int) (pairs[i] >>> 32);
            int p = (int) pairs[i];
            custStart[c + 1]++;
            parts[i] = p;
            partCount[p + 1]++;
        }
        for (int c = 1; c < custStart.length; c++) {
            custStart[c] += custStart[c - 1];
        }
        int[] partStart = partCount;
        for (int p = 1; p < partStart.length; p++) {
            partStart[p] += partStart[p - 1];
        }
        int[] buyers = new int[distinct];
        int[] fill = Arrays.copyOf(partStart, partStart.length);
        // pairs are in customer order, so each part's buyers arrive sorted
        for (int i = 0; i < distinct; i++) {
            int p = (int) pairs[i];
            buyers[fill[p]++] = (int) (pairs[i] >>> 32);
        }
        return new GraphTruth(custStart, parts, partStart, buyers);
    }

    /** Distinct (customer, part) pairs: how many "bought" facts there are. */
    public int boughtPairs() {
        return parts.length;
    }

    /** The distinct parts {@code customer} bought, ascending. */
    public int[] partsOf(long customer) {
        if (customer < 0 || customer >= custStart.length - 1) {
            return new int[0];
        }
        int c = (int) customer;
        return Arrays.copyOfRange(parts, custStart[c], custStart[c + 1]);
    }

    /** The distinct customers who bought {@code part}, ascending. */
    public int[] buyersOf(long part) {
        if (part < 0 || part >= partStart.length - 1) {
            return new int[0];
        }
        int p = (int) part;
        return Arrays.copyOfRange(buyers, partStart[p], partStart[p + 1]);
    }

    /** Co-purchase recommendations, as {@link dev.dbx.core.capability.Graph#coPurchase} defines them. */
    public List<Recommendation> coPurchase(long customer, int limit) {
        int[] mine = partsOf(customer);
        BitSet minePart = new BitSet();
        for (int p : mine) {
            minePart.set(p);
        }
        BitSet others = new BitSet();
        for (int p : mine) {
            for (int i = partStart[p]; i < partStart[p + 1]; i++) {
                if (buyers[i] != customer) {
                    others.set(buyers[i]);
                }
            }
        }
        int[] score = new int[partStart.length];
        for (int o = others.nextSetBit(0); o >= 0; o = others.nextSetBit(o + 1)) {
            for (int i = custStart[o]; i < custStart[o + 1]; i++) {
                if (!minePart.get(parts[i])) {
                    score[parts[i]]++;
                }
            }
        }
        List<Recommendation> all = new ArrayList<>();
        for (int p = 0; p < score.length; p++) {
            if (score[p] > 0) {
                all.add(new Recommendation(p, score[p]));
            }
        }
        all.sort((a, b) -> a.customers() != b.customers()
                ? Long.compare(b.customers(), a.customers())
                : Long.compare(a.part(), b.part()));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    /** The customers reachable within {@code hops} hops, as {@link dev.dbx.core.capability.Graph#reachable} defines. */
    public Reach reachable(long customer, int hops) {
        int[] keys = reachableKeys(customer, hops);
        long sum = 0;
        for (int k : keys) {
            sum += k;
        }
        return new Reach(hops, keys.length, sum);
    }

    /** The customers reachable within {@code hops} hops of {@code customer} (not itself), ascending. */
    public int[] reachableKeys(long customer, int hops) {
        if (hops < 1) {
            throw new IllegalArgumentException("hops must be at least 1, not " + hops);
        }
        int customers = custStart.length - 1;
        if (customer < 0 || customer >= customers) {
            return new int[0];
        }
        // breadth first: a part seen once has had all its buyers reached, so each level expands only what is new
        BitSet reached = new BitSet(customers);
        BitSet seenParts = new BitSet(partStart.length);
        reached.set((int) customer);
        int[] frontier = {(int) customer};
        for (int level = 0; level < hops && frontier.length > 0; level++) {
            int[] next = new int[16];
            int size = 0;
            for (int c : frontier) {
                for (int i = custStart[c]; i < custStart[c + 1]; i++) {
                    int p = parts[i];
                    if (seenParts.get(p)) {
                        continue;
                    }
                    seenParts.set(p);
                    for (int j = partStart[p]; j < partStart[p + 1]; j++) {
                        int b = buyers[j];
                        if (!reached.get(b)) {
                            reached.set(b);
                            if (size == next.length) {
                                next = Arrays.copyOf(next, size * 2);
                            }
                            next[size++] = b;
                        }
                    }
                }
            }
            frontier = Arrays.copyOf(next, size);
        }
        reached.clear((int) customer);
        return reached.stream().toArray();
    }
}
