-- FTS5 tables are separate virtual tables: drop them before the base tables (whose triggers go with them).
DROP TABLE IF EXISTS region_fts;
DROP TABLE IF EXISTS nation_fts;
DROP TABLE IF EXISTS customer_fts;
DROP TABLE IF EXISTS supplier_fts;
DROP TABLE IF EXISTS part_fts;
DROP TABLE IF EXISTS partsupp_fts;
DROP TABLE IF EXISTS orders_fts;
DROP TABLE IF EXISTS lineitem_fts;
