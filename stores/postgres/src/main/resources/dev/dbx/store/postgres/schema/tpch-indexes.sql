-- Built after the bulk load: checking foreign keys and maintaining indexes row by row during COPY costs more than
-- building them once. Each statement is harmless to repeat.

-- Foreign keys (PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS: skip the ones already there).
DO $$
DECLARE
    fk RECORD;
BEGIN
    FOR fk IN SELECT * FROM (VALUES
        ('nation',   'nation_region_fk',     'FOREIGN KEY (n_regionkey) REFERENCES region (r_regionkey)'),
        ('supplier', 'supplier_nation_fk',   'FOREIGN KEY (s_nationkey) REFERENCES nation (n_nationkey)'),
        ('customer', 'customer_nation_fk',   'FOREIGN KEY (c_nationkey) REFERENCES nation (n_nationkey)'),
        ('partsupp', 'partsupp_part_fk',     'FOREIGN KEY (ps_partkey) REFERENCES part (p_partkey)'),
        ('partsupp', 'partsupp_supplier_fk', 'FOREIGN KEY (ps_suppkey) REFERENCES supplier (s_suppkey)'),
        ('orders',   'orders_customer_fk',   'FOREIGN KEY (o_custkey) REFERENCES customer (c_custkey)'),
        ('lineitem', 'lineitem_orders_fk',   'FOREIGN KEY (l_orderkey) REFERENCES orders (o_orderkey)'),
        ('lineitem', 'lineitem_partsupp_fk', 'FOREIGN KEY (l_partkey, l_suppkey) REFERENCES partsupp (ps_partkey, ps_suppkey)')
    ) AS t (tbl, name, def)
    LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = fk.name) THEN
            EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I %s', fk.tbl, fk.name, fk.def);
        END IF;
    END LOOP;
END
$$;

-- Indexes for the joins and predicates of the workloads that the primary keys do not cover.
CREATE INDEX IF NOT EXISTS nation_regionkey ON nation (n_regionkey);
CREATE INDEX IF NOT EXISTS supplier_nationkey ON supplier (s_nationkey);
CREATE INDEX IF NOT EXISTS customer_nationkey ON customer (c_nationkey);
CREATE INDEX IF NOT EXISTS partsupp_suppkey ON partsupp (ps_suppkey);
CREATE INDEX IF NOT EXISTS orders_custkey ON orders (o_custkey);
CREATE INDEX IF NOT EXISTS orders_orderdate ON orders (o_orderdate);
CREATE INDEX IF NOT EXISTS lineitem_partsupp ON lineitem (l_partkey, l_suppkey);
-- BRIN: lineitem is loaded in order-key order, so ship dates correlate with position; tiny and cheap to build.
CREATE INDEX IF NOT EXISTS lineitem_shipdate_brin ON lineitem USING brin (l_shipdate);

-- English full-text search over the comment columns: GIN indexes on expressions, so the load does not pay for a
-- stored tsvector column. Queries use the same expression: to_tsvector('english', x_comment) @@ <tsquery>.
CREATE INDEX IF NOT EXISTS region_comment_fts ON region USING gin (to_tsvector('english', r_comment));
CREATE INDEX IF NOT EXISTS nation_comment_fts ON nation USING gin (to_tsvector('english', n_comment));
CREATE INDEX IF NOT EXISTS customer_comment_fts ON customer USING gin (to_tsvector('english', c_comment));
CREATE INDEX IF NOT EXISTS supplier_comment_fts ON supplier USING gin (to_tsvector('english', s_comment));
CREATE INDEX IF NOT EXISTS part_comment_fts ON part USING gin (to_tsvector('english', p_comment));
CREATE INDEX IF NOT EXISTS partsupp_comment_fts ON partsupp USING gin (to_tsvector('english', ps_comment));
CREATE INDEX IF NOT EXISTS orders_comment_fts ON orders USING gin (to_tsvector('english', o_comment));
CREATE INDEX IF NOT EXISTS lineitem_comment_fts ON lineitem USING gin (to_tsvector('english', l_comment));

-- Statistics for the planner.
ANALYZE region, nation, supplier, customer, part, partsupp, orders, lineitem;
