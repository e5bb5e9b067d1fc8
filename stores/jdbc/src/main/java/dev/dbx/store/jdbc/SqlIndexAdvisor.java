package dev.dbx.store.jdbc;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.IndexAdvisor;
import dev.dbx.core.query.BuiltIndex;
import dev.dbx.core.query.IndexProposal;
import dev.dbx.core.query.PlanNode;
import dev.dbx.core.query.QueryPlan;
import dev.dbx.core.query.WriteCost;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The index advisor of a SQL engine whose DDL is transactional (PostgreSQL, SQLite). For each query it reads the
 * plan; every full scan of a table is a candidate for single-column indexes on the columns the scan's filter or the
 * join above it compares (or, where the engine prints no conditions, the columns of that table the query names);
 * columns already leading an index are left out. Each candidate is then tried: created inside a transaction, the
 * queries planned again (their cost read, or, where the planner gives none, their time measured), the transaction
 * rolled back. Only candidates the planner chose, with a gain, are proposed. Multi-column indexes are not proposed.
 */
public abstract class SqlIndexAdvisor implements IndexAdvisor {
    /** A candidate is proposed when the planner's figure improves by at least this factor for some query. */
    private static final double MIN_SPEEDUP = 1.1;

    protected final SqlConnections sql;

    protected SqlIndexAdvisor(SqlConnections sql) {
        this.sql = sql;
    }

    /** Plans {@code text} on {@code c} without running it. */
    protected abstract QueryPlan plan(Connection c, String text, Duration timeout) throws SQLException;

    /** The planner's figure for a plan: its total cost, or null when the engine gives none. */
    protected Double cost(QueryPlan plan) {
        return plan.totalCost();
    }

    /** The unit of {@link #cost}, e.g. "PostgreSQL cost units". */
    protected abstract String costUnit();

    /** Runs {@code text} on {@code c} and returns its time in ms (for engines whose planner gives no cost). */
    protected abstract double time(Connection c, String text, Duration timeout) throws SQLException;

    /** The columns of {@code table}, lower case; empty when it is not a table of this database. */
    protected abstract List<String> columns(Connection c, String table) throws SQLException;

    /** The key columns of every index on {@code table} (its primary key included), lower case. */
    protected abstract List<List<String>> indexes(Connection c, String table) throws SQLException;

    /** The primary key's columns. */
    protected abstract List<String> primaryKey(Connection c, String table) throws SQLException;

    /** The columns of {@code table} that are in one of its foreign keys. */
    protected abstract Set<String> foreignKeyColumns(Connection c, String table) throws SQLException;

    /** The indexes whose name starts with {@link #PREFIX}. */
    protected abstract List<BuiltIndex> addedIndexes(Connection c) throws SQLException;

    /** How a statement quotes an identifier. */
    protected String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Sets the statement timeout of the current transaction, where the engine has one. */
    protected void timeout(Connection c, Duration timeout) throws SQLException {}

    @Override
    public List<IndexProposal> advise(Map<String, String> queries, Duration timeout) {
        try (Connection c = sql.connection()) {
            Map<String, QueryPlan> plans = new LinkedHashMap<>();
            for (Map.Entry<String, String> q : queries.entrySet()) {
                plans.put(q.getKey(), plan(c, q.getValue(), timeout));
            }
            Map<String, Candidate> candidates = candidates(c, queries, plans);
            List<IndexProposal> proposals = new ArrayList<>();
            for (Candidate candidate : candidates.values()) {
                IndexProposal tried = tryOut(c, candidate, queries, plans, timeout);
                if (tried.bestSpeedup() >= MIN_SPEEDUP) {
                    proposals.add(tried);
                }
            }
            proposals.sort((a, b) -> Double.compare(b.bestSpeedup(), a.bestSpeedup()));
            return proposals;
        } catch (SQLException e) {
            throw SqlErrors.of(sql.storeId(), "advising indexes", e);
        }
    }

    private Map<String, Candidate> candidates(Connection c, Map<String, String> queries, Map<String, QueryPlan> plans)
            throws SQLException {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        Map<String, List<String>> columnsOf = new LinkedHashMap<>();
        Map<String, List<List<String>>> indexesOf = new LinkedHashMap<>();
        for (Map.Entry<String, QueryPlan> entry : plans.entrySet()) {
            String query = entry.getKey();
            Map<PlanNode, PlanNode> parents = parents(entry.getValue().root());
            for (PlanNode scan : entry.getValue().fullScans()) {
                if (scan.relation() == null) {
                    continue;
                }
                String table = scan.relation().toLowerCase(Locale.ROOT);
                List<String> columns = columnsOf.get(table);
                if (columns == null) {
                    columns = columns(c, table);
                    columnsOf.put(table, columns);
                    indexesOf.put(table, indexes(c, table));
                }
                if (columns.isEmpty()) {
                    continue;
                }
                StringBuilder conditions = new StringBuilder();
                for (PlanNode n = scan; n != null; n = parents.get(n)) {
                    if (n.condition() != null) {
                        conditions.append(' ').append(n.condition());
                    }
                }
                String where = conditions.isEmpty() ? queries.get(query) : conditions.toString();
                for (String column : columns) {
                    if (!mentions(where, column) || leadsAnIndex(indexesOf.get(table), column)) {
                        continue;
                    }
                    String name = indexName(table, column);
                    Candidate candidate = candidates.computeIfAbsent(name, k -> new Candidate(name, table, column));
                    candidate.queries.add(query);
                    candidate.reasons.add(query + ": " + scan.operator() + " " + table
                            + (scan.condition() == null ? "" : " (" + scan.condition() + ")"));
                }
            }
        }
        return candidates;
    }

    private IndexProposal tryOut(
            Connection c,
            Candidate candidate,
            Map<String, String> queries,
            Map<String, QueryPlan> plans,
            Duration timeout)
            throws SQLException {
        String ddl = ddl(candidate.name, candidate.table, candidate.column);
        List<IndexProposal.Estimate> estimates = new ArrayList<>();
        boolean byCost = plans.values().stream().allMatch(p -> cost(p) != null);
        Map<String, Double> before = new LinkedHashMap<>();
        if (!byCost) {
            for (String query : candidate.queries) {
                before.put(query, fastest(c, queries.get(query), timeout));
            }
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            timeout(c, timeout);
            try (Statement s = c.createStatement()) {
                s.execute(ddl);
            }
            for (String query : candidate.queries) {
                QueryPlan with = plan(c, queries.get(query), timeout);
                boolean uses = with.indexAccesses().stream().anyMatch(n -> candidate.name.equalsIgnoreCase(n.index()));
                if (byCost) {
                    estimates.add(
                            new IndexProposal.Estimate(query, cost(plans.get(query)), cost(with), costUnit(), uses));
                } else {
                    double after = uses ? fastest(c, queries.get(query), timeout) : before.get(query);
                    estimates.add(new IndexProposal.Estimate(query, before.get(query), after, "ms", uses));
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
        String method = byCost
                ? "created inside a transaction, the queries planned again (EXPLAIN, their total cost), rolled back"
                : "created inside a transaction, the queries whose plan used it timed (fastest of 3, ms), rolled"
                        + " back";
        return new IndexProposal(
                candidate.name,
                candidate.table,
                List.of(candidate.column),
                ddl,
                String.join("; ", candidate.reasons),
                estimates,
                method);
    }

    /** The fastest of three runs, or one run when it takes over 5 s (its noise is small next to it). */
    private double fastest(Connection c, String text, Duration timeout) throws SQLException {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3 && (i == 0 || best < 5_000); i++) {
            best = Math.min(best, time(c, text, timeout));
        }
        return best;
    }

    @Override
    public BuiltIndex apply(IndexProposal proposal) {
        if (!proposal.name().startsWith(PREFIX)) {
            throw new DbxException("refusing to build " + proposal.name() + ": dbx builds only indexes named " + PREFIX
                    + "... (so that revert finds them)");
        }
        long t0 = System.nanoTime();
        try (Connection c = sql.connection();
                Statement s = c.createStatement()) {
            s.execute(proposal.ddl());
            if (!c.getAutoCommit()) {
                c.commit();
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            for (BuiltIndex built : addedIndexes(c)) {
                if (built.name().equalsIgnoreCase(proposal.name())) {
                    return new BuiltIndex(built.name(), built.table(), built.definition(), built.sizeBytes(), ms);
                }
            }
            throw new DbxException(sql.storeId() + ": " + proposal.name() + " was built but is not in the catalog");
        } catch (SQLException e) {
            throw SqlErrors.of(sql.storeId(), "building index " + proposal.name(), e);
        }
    }

    @Override
    public List<BuiltIndex> added() {
        try (Connection c = sql.connection()) {
            return addedIndexes(c);
        } catch (SQLException e) {
            throw SqlErrors.of(sql.storeId(), "listing the indexes dbx added", e);
        }
    }

    @Override
    public List<String> revert() {
        try (Connection c = sql.connection();
                Statement s = c.createStatement()) {
            List<String> dropped = new ArrayList<>();
            for (BuiltIndex index : addedIndexes(c)) {
                if (!index.name().startsWith(PREFIX)) {
                    continue; // the catalog query's LIKE is the filter; this is the guard
                }
                s.execute("DROP INDEX IF EXISTS " + quote(index.name()));
                dropped.add(index.name());
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return dropped;
        } catch (SQLException e) {
            throw SqlErrors.of(sql.storeId(), "dropping the indexes dbx added", e);
        }
    }

    @Override
    public Optional<String> writeCostUnavailable(String table) {
        try (Connection c = sql.connection()) {
            return keyToShift(c, table).isPresent()
                    ? Optional.empty()
                    : Optional.of("every primary-key column of " + table + " is in a foreign key: copies of its rows"
                            + " under new keys would break them");
        } catch (SQLException e) {
            throw SqlErrors.of(sql.storeId(), "reading the keys of " + table, e);
        }
    }

    /** The primary-key column that no foreign key of the table holds: copies of rows get new values there. */
    private Optional<String> keyToShift(Connection c, String table) throws SQLException {
        List<String> pk = primaryKey(c, table);
        Set<String> fks = foreignKeyColumns(c, table);
        for (int i = pk.size() - 1; i >= 0; i--) {
            if (!fks.contains(pk.get(i))) {
                return Optional.of(pk.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public WriteCost writeCost(String table, int rows, Duration timeout) {
        try (Connection c = sql.connection()) {
            String key = keyToShift(c, table)
                    .orElseThrow(
                            () -> new DbxException(writeCostUnavailable(table).orElseThrow()));
            List<String> columns = columns(c, table);
            if (columns.isEmpty()) {
                throw new DbxException(sql.storeId() + " has no table " + table);
            }
            long offset = 1_000_000_000L;
            StringBuilder select = new StringBuilder();
            for (String column : columns) {
                select.append(select.isEmpty() ? "" : ", ")
                        .append(column.equals(key) ? quote(column) + " + " + offset : quote(column));
            }
            List<String> pk = primaryKey(c, table);
            String list = String.join(", ", columns.stream().map(this::quote).toList());
            String insert = "INSERT INTO " + quote(table) + " (" + list + ") SELECT " + select + " FROM " + quote(table)
                    + " LIMIT " + rows + " RETURNING "
                    + String.join(", ", pk.stream().map(this::quote).toList());
            String delete = "DELETE FROM " + quote(table) + " WHERE "
                    + String.join(
                            " AND ", pk.stream().map(k -> quote(k) + " = ?").toList());
            double bestInsert = Double.MAX_VALUE;
            double bestDelete = Double.MAX_VALUE;
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                    PreparedStatement d = c.prepareStatement(delete)) {
                for (int i = 0; i < 3; i++) {
                    timeout(c, timeout);
                    long t0 = System.nanoTime();
                    List<Object[]> keys = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery(insert)) {
                        while (rs.next()) {
                            Object[] values = new Object[pk.size()];
                            for (int k = 0; k < values.length; k++) {
                                values[k] = rs.getObject(k + 1);
                            }
                            keys.add(values);
                        }
                    }
                    long t1 = System.nanoTime();
                    for (Object[] values : keys) {
                        for (int k = 0; k < values.length; k++) {
                            d.setObject(k + 1, values[k]);
                        }
                        d.addBatch();
                    }
                    d.executeBatch();
                    long t2 = System.nanoTime();
                    c.rollback();
                    if (keys.size() != rows) {
                        throw new DbxException(sql.storeId() + ": the write workload inserted " + keys.size()
                                + " rows into " + table + ", not " + rows + " (the table is smaller)");
                    }
                    bestInsert = Math.min(bestInsert, (t1 - t0) / 1e6);
                    bestDelete = Math.min(bestDelete, (t2 - t1) / 1e6);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
            return new WriteCost(
                    table,
                    rows,
                    bestInsert,
                    bestDelete,
                    "INSERT ... SELECT ... RETURNING of " + rows + " existing rows under new " + key + " values,"
                            + " then a batch of DELETEs by primary key, in a transaction rolled back; fastest of 3");
        } catch (SQLException e) {
            throw SqlErrors.of(sql.storeId(), "timing writes on " + table, e);
        }
    }

    /** dbx_advised_&lt;table&gt;_&lt;column&gt;, cut to what every engine accepts. */
    static String indexName(String table, String column) {
        String name = PREFIX + table + "_" + column;
        return name.length() <= 63 ? name : name.substring(0, 63);
    }

    private String ddl(String name, String table, String column) {
        return "CREATE INDEX " + quote(name) + " ON " + quote(table) + " (" + quote(column) + ")";
    }

    private static boolean leadsAnIndex(List<List<String>> indexes, String column) {
        return indexes.stream().anyMatch(i -> !i.isEmpty() && i.get(0).equalsIgnoreCase(column));
    }

    /** Whether {@code text} names {@code column} as a word. */
    static boolean mentions(String text, String column) {
        return Pattern.compile("(?i)(?<![\\w$])\"?" + Pattern.quote(column) + "\"?(?![\\w$])")
                .matcher(text)
                .find();
    }

    private static Map<PlanNode, PlanNode> parents(PlanNode root) {
        Map<PlanNode, PlanNode> parents = new IdentityHashMap<>();
        root.visit(n -> n.children().forEach(child -> parents.put(child, n)));
        return parents;
    }

    private static final class Candidate {
        final String name;
        final String table;
        final String column;
        final Set<String> queries = new LinkedHashSet<>();
        final List<String> reasons = new ArrayList<>();

        Candidate(String name, String table, String column) {
            this.name = name;
            this.table = table;
            this.column = column;
        }
    }
}
