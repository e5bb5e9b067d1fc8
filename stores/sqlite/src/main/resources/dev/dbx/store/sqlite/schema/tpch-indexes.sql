-- Built after the bulk load (cheaper than maintaining them row by row).
-- Indexes for the TPC-H predicates and joins that the primary keys do not cover.
CREATE INDEX IF NOT EXISTS nation_regionkey ON nation (n_regionkey);
CREATE INDEX IF NOT EXISTS supplier_nationkey ON supplier (s_nationkey);
CREATE INDEX IF NOT EXISTS customer_nationkey ON customer (c_nationkey);
CREATE INDEX IF NOT EXISTS partsupp_suppkey ON partsupp (ps_suppkey);
CREATE INDEX IF NOT EXISTS orders_custkey ON orders (o_custkey);
CREATE INDEX IF NOT EXISTS orders_orderdate ON orders (o_orderdate);
CREATE INDEX IF NOT EXISTS lineitem_partsupp ON lineitem (l_partkey, l_suppkey);
CREATE INDEX IF NOT EXISTS lineitem_shipdate ON lineitem (l_shipdate);

-- Full text over the comment columns: FTS5 external-content tables (the text is stored once, in the base table),
-- English stemming with the porter tokenizer. Built in one pass after the load, then kept current by triggers.
CREATE VIRTUAL TABLE IF NOT EXISTS region_fts USING fts5(r_comment, content='region', content_rowid='r_regionkey', tokenize='porter unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS nation_fts USING fts5(n_comment, content='nation', content_rowid='n_nationkey', tokenize='porter unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS customer_fts USING fts5(c_comment, content='customer', content_rowid='c_custkey', tokenize='porter unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS supplier_fts USING fts5(s_comment, content='supplier', content_rowid='s_suppkey', tokenize='porter unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS part_fts USING fts5(p_comment, content='part', content_rowid='p_partkey', tokenize='porter unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS partsupp_fts USING fts5(ps_comment, content='partsupp', content_rowid='rowid', tokenize='porter unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS orders_fts USING fts5(o_comment, content='orders', content_rowid='o_orderkey', tokenize='porter unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS lineitem_fts USING fts5(l_comment, content='lineitem', content_rowid='rowid', tokenize='porter unicode61');
INSERT INTO region_fts (region_fts) VALUES ('rebuild');
INSERT INTO nation_fts (nation_fts) VALUES ('rebuild');
INSERT INTO customer_fts (customer_fts) VALUES ('rebuild');
INSERT INTO supplier_fts (supplier_fts) VALUES ('rebuild');
INSERT INTO part_fts (part_fts) VALUES ('rebuild');
INSERT INTO partsupp_fts (partsupp_fts) VALUES ('rebuild');
INSERT INTO orders_fts (orders_fts) VALUES ('rebuild');
INSERT INTO lineitem_fts (lineitem_fts) VALUES ('rebuild');

CREATE TRIGGER IF NOT EXISTS orders_fts_insert AFTER INSERT ON orders BEGIN
    INSERT INTO orders_fts (rowid, o_comment) VALUES (new.o_orderkey, new.o_comment);
END;
CREATE TRIGGER IF NOT EXISTS orders_fts_delete AFTER DELETE ON orders BEGIN
    INSERT INTO orders_fts (orders_fts, rowid, o_comment) VALUES ('delete', old.o_orderkey, old.o_comment);
END;
CREATE TRIGGER IF NOT EXISTS orders_fts_update AFTER UPDATE OF o_comment ON orders BEGIN
    INSERT INTO orders_fts (orders_fts, rowid, o_comment) VALUES ('delete', old.o_orderkey, old.o_comment);
    INSERT INTO orders_fts (rowid, o_comment) VALUES (new.o_orderkey, new.o_comment);
END;
CREATE TRIGGER IF NOT EXISTS lineitem_fts_insert AFTER INSERT ON lineitem BEGIN
    INSERT INTO lineitem_fts (rowid, l_comment) VALUES (new.rowid, new.l_comment);
END;
CREATE TRIGGER IF NOT EXISTS lineitem_fts_delete AFTER DELETE ON lineitem BEGIN
    INSERT INTO lineitem_fts (lineitem_fts, rowid, l_comment) VALUES ('delete', old.rowid, old.l_comment);
END;
CREATE TRIGGER IF NOT EXISTS lineitem_fts_update AFTER UPDATE OF l_comment ON lineitem BEGIN
    INSERT INTO lineitem_fts (lineitem_fts, rowid, l_comment) VALUES ('delete', old.rowid, old.l_comment);
    INSERT INTO lineitem_fts (rowid, l_comment) VALUES (new.rowid, new.l_comment);
END;
CREATE TRIGGER IF NOT EXISTS part_fts_insert AFTER INSERT ON part BEGIN
    INSERT INTO part_fts (rowid, p_comment) VALUES (new.p_partkey, new.p_comment);
END;
CREATE TRIGGER IF NOT EXISTS part_fts_delete AFTER DELETE ON part BEGIN
    INSERT INTO part_fts (part_fts, rowid, p_comment) VALUES ('delete', old.p_partkey, old.p_comment);
END;
CREATE TRIGGER IF NOT EXISTS customer_fts_insert AFTER INSERT ON customer BEGIN
    INSERT INTO customer_fts (rowid, c_comment) VALUES (new.c_custkey, new.c_comment);
END;
CREATE TRIGGER IF NOT EXISTS customer_fts_delete AFTER DELETE ON customer BEGIN
    INSERT INTO customer_fts (customer_fts, rowid, c_comment) VALUES ('delete', old.c_custkey, old.c_comment);
END;
CREATE TRIGGER IF NOT EXISTS customer_fts_update AFTER UPDATE OF c_comment ON customer BEGIN
    INSERT INTO customer_fts (customer_fts, rowid, c_comment) VALUES ('delete', old.c_custkey, old.c_comment);
    INSERT INTO customer_fts (rowid, c_comment) VALUES (new.c_custkey, new.c_comment);
END;
CREATE TRIGGER IF NOT EXISTS supplier_fts_insert AFTER INSERT ON supplier BEGIN
    INSERT INTO supplier_fts (rowid, s_comment) VALUES (new.s_suppkey, new.s_comment);
END;
CREATE TRIGGER IF NOT EXISTS supplier_fts_delete AFTER DELETE ON supplier BEGIN
    INSERT INTO supplier_fts (supplier_fts, rowid, s_comment) VALUES ('delete', old.s_suppkey, old.s_comment);
END;
CREATE TRIGGER IF NOT EXISTS supplier_fts_update AFTER UPDATE OF s_comment ON supplier BEGIN
    INSERT INTO supplier_fts (supplier_fts, rowid, s_comment) VALUES ('delete', old.s_suppkey, old.s_comment);
    INSERT INTO supplier_fts (rowid, s_comment) VALUES (new.s_suppkey, new.s_comment);
END;
CREATE TRIGGER IF NOT EXISTS partsupp_fts_insert AFTER INSERT ON partsupp BEGIN
    INSERT INTO partsupp_fts (rowid, ps_comment) VALUES (new.rowid, new.ps_comment);
END;
CREATE TRIGGER IF NOT EXISTS partsupp_fts_delete AFTER DELETE ON partsupp BEGIN
    INSERT INTO partsupp_fts (partsupp_fts, rowid, ps_comment) VALUES ('delete', old.rowid, old.ps_comment);
END;
CREATE TRIGGER IF NOT EXISTS partsupp_fts_update AFTER UPDATE OF ps_comment ON partsupp BEGIN
    INSERT INTO partsupp_fts (partsupp_fts, rowid, ps_comment) VALUES ('delete', old.rowid, old.ps_comment);
    INSERT INTO partsupp_fts (rowid, ps_comment) VALUES (new.rowid, new.ps_comment);
END;

CREATE TRIGGER IF NOT EXISTS region_fts_insert AFTER INSERT ON region BEGIN
    INSERT INTO region_fts (rowid, r_comment) VALUES (new.r_regionkey, new.r_comment);
END;
CREATE TRIGGER IF NOT EXISTS region_fts_delete AFTER DELETE ON region BEGIN
    INSERT INTO region_fts (region_fts, rowid, r_comment) VALUES ('delete', old.r_regionkey, old.r_comment);
END;
CREATE TRIGGER IF NOT EXISTS region_fts_update AFTER UPDATE OF r_comment ON region BEGIN
    INSERT INTO region_fts (region_fts, rowid, r_comment) VALUES ('delete', old.r_regionkey, old.r_comment);
    INSERT INTO region_fts (rowid, r_comment) VALUES (new.r_regionkey, new.r_comment);
END;
CREATE TRIGGER IF NOT EXISTS nation_fts_insert AFTER INSERT ON nation BEGIN
    INSERT INTO nation_fts (rowid, n_comment) VALUES (new.n_nationkey, new.n_comment);
END;
CREATE TRIGGER IF NOT EXISTS nation_fts_delete AFTER DELETE ON nation BEGIN
    INSERT INTO nation_fts (nation_fts, rowid, n_comment) VALUES ('delete', old.n_nationkey, old.n_comment);
END;
CREATE TRIGGER IF NOT EXISTS nation_fts_update AFTER UPDATE OF n_comment ON nation BEGIN
    INSERT INTO nation_fts (nation_fts, rowid, n_comment) VALUES ('delete', old.n_nationkey, old.n_comment);
    INSERT INTO nation_fts (rowid, n_comment) VALUES (new.n_nationkey, new.n_comment);
END;

-- Statistics for the query planner.
ANALYZE;
