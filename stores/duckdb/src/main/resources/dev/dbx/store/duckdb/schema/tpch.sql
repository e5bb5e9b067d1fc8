-- TPC-H for DuckDB: columnar tables typed for analytics, no primary, unique or foreign keys.
--
-- Types: the most restrictive exact type for each column, which DuckDB stores compressed and processes fastest.
-- Money and quantities are DECIMAL(15,2) (an int64 internally: exact, and summed without rounding), dates are
-- DATE, text is VARCHAR (DuckDB ignores declared lengths, and CHAR would only add padding rules). Keys are INTEGER
-- (enough up to SF 10,000), except the order key, which passes 2^31 above SF 350: BIGINT.
--
-- Constraints: DuckDB enforces PRIMARY KEY and UNIQUE with ART indexes, which slow the bulk load and every update,
-- and its joins and aggregates never use them (they hash). Foreign keys cost a lookup per inserted row and make
-- tables impossible to drop or reload one by one. The generator's keys are unique by construction and dbx verify
-- checks counts and checksums, so nothing is gained: the key columns are plain NOT NULL columns.
--
-- Indexes: none. Every column gets min/max zone maps per row group for free; tpch-order.properties keeps
-- lineitem and orders in date order, which makes them effective for the queries' date ranges.

CREATE TABLE IF NOT EXISTS region (
    r_regionkey INTEGER NOT NULL,
    r_name      VARCHAR NOT NULL,
    r_comment   VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS nation (
    n_nationkey INTEGER NOT NULL,
    n_name      VARCHAR NOT NULL,
    n_regionkey INTEGER NOT NULL,
    n_comment   VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS supplier (
    s_suppkey   INTEGER       NOT NULL,
    s_name      VARCHAR       NOT NULL,
    s_address   VARCHAR       NOT NULL,
    s_nationkey INTEGER       NOT NULL,
    s_phone     VARCHAR       NOT NULL,
    s_acctbal   DECIMAL(15,2) NOT NULL,
    s_comment   VARCHAR       NOT NULL
);

CREATE TABLE IF NOT EXISTS customer (
    c_custkey    INTEGER       NOT NULL,
    c_name       VARCHAR       NOT NULL,
    c_address    VARCHAR       NOT NULL,
    c_nationkey  INTEGER       NOT NULL,
    c_phone      VARCHAR       NOT NULL,
    c_acctbal    DECIMAL(15,2) NOT NULL,
    c_mktsegment VARCHAR       NOT NULL,
    c_comment    VARCHAR       NOT NULL
);

CREATE TABLE IF NOT EXISTS part (
    p_partkey     INTEGER       NOT NULL,
    p_name        VARCHAR       NOT NULL,
    p_mfgr        VARCHAR       NOT NULL,
    p_brand       VARCHAR       NOT NULL,
    p_type        VARCHAR       NOT NULL,
    p_size        INTEGER       NOT NULL,
    p_container   VARCHAR       NOT NULL,
    p_retailprice DECIMAL(15,2) NOT NULL,
    p_comment     VARCHAR       NOT NULL
);

CREATE TABLE IF NOT EXISTS partsupp (
    ps_partkey    INTEGER       NOT NULL,
    ps_suppkey    INTEGER       NOT NULL,
    ps_availqty   INTEGER       NOT NULL,
    ps_supplycost DECIMAL(15,2) NOT NULL,
    ps_comment    VARCHAR       NOT NULL
);

CREATE TABLE IF NOT EXISTS orders (
    o_orderkey      BIGINT        NOT NULL,
    o_custkey       INTEGER       NOT NULL,
    o_orderstatus   VARCHAR       NOT NULL,
    o_totalprice    DECIMAL(15,2) NOT NULL,
    o_orderdate     DATE          NOT NULL,
    o_orderpriority VARCHAR       NOT NULL,
    o_clerk         VARCHAR       NOT NULL,
    o_shippriority  INTEGER       NOT NULL,
    o_comment       VARCHAR       NOT NULL
);

CREATE TABLE IF NOT EXISTS lineitem (
    l_orderkey      BIGINT        NOT NULL,
    l_partkey       INTEGER       NOT NULL,
    l_suppkey       INTEGER       NOT NULL,
    l_linenumber    INTEGER       NOT NULL,
    l_quantity      DECIMAL(15,2) NOT NULL,
    l_extendedprice DECIMAL(15,2) NOT NULL,
    l_discount      DECIMAL(15,2) NOT NULL,
    l_tax           DECIMAL(15,2) NOT NULL,
    l_returnflag    VARCHAR       NOT NULL,
    l_linestatus    VARCHAR       NOT NULL,
    l_shipdate      DATE          NOT NULL,
    l_commitdate    DATE          NOT NULL,
    l_receiptdate   DATE          NOT NULL,
    l_shipinstruct  VARCHAR       NOT NULL,
    l_shipmode      VARCHAR       NOT NULL,
    l_comment       VARCHAR       NOT NULL
);
