-- TPC-H as ClickHouse MergeTree tables: columnar, sorted on disk by the ORDER BY key, whose sparse primary index lets
-- a range predicate on the key's first columns skip whole granules (8192 rows). Each table's key follows the
-- predicates of the 22 queries, not uniqueness: MergeTree keys do not enforce it.
-- Types: Int32 keys (Int64 for order keys, which pass 2^31 above SF 350), Decimal(15,2) for money and quantities
-- (exact, as the spec asks), Date, LowCardinality(String) for the columns with few distinct values (dictionary-encoded:
-- smaller and faster to filter and group), String for the rest. No Nullable column: TPC-H has no nulls.
-- No PARTITION BY: at these sizes partitions would only multiply parts and files. No skip indexes: the sort keys do
-- the pruning. After the load, index() merges each table into a single part.

CREATE TABLE IF NOT EXISTS region (
    r_regionkey  Int32,
    r_name       String,
    r_comment    String
) ENGINE = MergeTree
ORDER BY r_regionkey;

CREATE TABLE IF NOT EXISTS nation (
    n_nationkey  Int32,
    n_name       String,
    n_regionkey  Int32,
    n_comment    String
) ENGINE = MergeTree
ORDER BY n_nationkey;

CREATE TABLE IF NOT EXISTS supplier (
    s_suppkey    Int32,
    s_name       String,
    s_address    String,
    s_nationkey  Int32,
    s_phone      String,
    s_acctbal    Decimal(15, 2),
    s_comment    String
) ENGINE = MergeTree
ORDER BY s_suppkey;

-- Q3 filters one market segment: leading with it reads a fifth of the table.
CREATE TABLE IF NOT EXISTS customer (
    c_custkey     Int32,
    c_name        String,
    c_address     String,
    c_nationkey   Int32,
    c_phone       String,
    c_acctbal     Decimal(15, 2),
    c_mktsegment  LowCardinality(String),
    c_comment     String
) ENGINE = MergeTree
ORDER BY (c_mktsegment, c_custkey);

CREATE TABLE IF NOT EXISTS part (
    p_partkey      Int32,
    p_name         String,
    p_mfgr         LowCardinality(String),
    p_brand        LowCardinality(String),
    p_type         LowCardinality(String),
    p_size         Int32,
    p_container    LowCardinality(String),
    p_retailprice  Decimal(15, 2),
    p_comment      String
) ENGINE = MergeTree
ORDER BY p_partkey;

CREATE TABLE IF NOT EXISTS partsupp (
    ps_partkey     Int32,
    ps_suppkey     Int32,
    ps_availqty    Int32,
    ps_supplycost  Decimal(15, 2),
    ps_comment     String
) ENGINE = MergeTree
ORDER BY (ps_partkey, ps_suppkey);

-- Q3, Q4, Q5, Q8 and Q10 select orders by a range of o_orderdate.
CREATE TABLE IF NOT EXISTS orders (
    o_orderkey       Int64,
    o_custkey        Int32,
    o_orderstatus    LowCardinality(String),
    o_totalprice     Decimal(15, 2),
    o_orderdate      Date,
    o_orderpriority  LowCardinality(String),
    o_clerk          String,
    o_shippriority   Int32,
    o_comment        String
) ENGINE = MergeTree
ORDER BY (o_orderdate, o_orderkey);

-- Q1, Q3, Q6, Q7, Q14, Q15 and Q20 select line items by a range of l_shipdate, and the flags that Q1 groups by follow
-- the ship date, so they compress well in this order. Joins to orders are hash joins: no need to sort by l_orderkey.
CREATE TABLE IF NOT EXISTS lineitem (
    l_orderkey       Int64,
    l_partkey        Int32,
    l_suppkey        Int32,
    l_linenumber     Int32,
    l_quantity       Decimal(15, 2),
    l_extendedprice  Decimal(15, 2),
    l_discount       Decimal(15, 2),
    l_tax            Decimal(15, 2),
    l_returnflag     LowCardinality(String),
    l_linestatus     LowCardinality(String),
    l_shipdate       Date,
    l_commitdate     Date,
    l_receiptdate    Date,
    l_shipinstruct   LowCardinality(String),
    l_shipmode       LowCardinality(String),
    l_comment        String
) ENGINE = MergeTree
ORDER BY (l_shipdate, l_orderkey, l_linenumber);
