-- TPC-H as ClickHouse tables that a sync can change: each is a ReplacingMergeTree(_version) sorted by the entity's
-- primary key, so every upsert or delete is a new version of the row with that key (ClickHouse cannot change a row in
-- place: ALTER TABLE ... UPDATE/DELETE mutations rewrite whole parts in the background). A merge, or FINAL at read time,
-- keeps the version with the highest _version per sorting key: sorting by anything but the key (a date that changes)
-- would keep an old version beside the new one. _version is 0 for loaded rows and the sink's clock for changes;
-- _deleted = 1 marks a delete (a tombstone: the key, other columns at their defaults). 18.16 has no is_deleted
-- argument (23.2+): readers skip tombstones themselves. Both columns are sync metadata, never part of a canonical row.
-- The sparse primary index (a mark per 8192 rows) still prunes range predicates on a key's leading columns.
-- Types: Int32 keys (Int64 for order keys, which pass 2^31 above SF 350), Decimal(15,2) for money and quantities
-- (exact, as the spec asks), Date, LowCardinality(String) for the columns with few distinct values (dictionary-encoded:
-- smaller and faster to filter and group), String for the rest. No Nullable column: TPC-H has no nulls.
-- No PARTITION BY: at these sizes partitions would only multiply parts and files, and a ReplacingMergeTree replaces
-- only within a partition (a row whose partition column changed would be kept twice). No skip indexes.
-- After the load, index() merges each table into a single part.

CREATE TABLE IF NOT EXISTS region (
    r_regionkey  Int32,
    r_name       String,
    r_comment    String,
    _version     UInt64 DEFAULT 0,
    _deleted     UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(_version)
ORDER BY r_regionkey;

CREATE TABLE IF NOT EXISTS nation (
    n_nationkey  Int32,
    n_name       String,
    n_regionkey  Int32,
    n_comment    String,
    _version     UInt64 DEFAULT 0,
    _deleted     UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(_version)
ORDER BY n_nationkey;

CREATE TABLE IF NOT EXISTS supplier (
    s_suppkey    Int32,
    s_name       String,
    s_address    String,
    s_nationkey  Int32,
    s_phone      String,
    s_acctbal    Decimal(15, 2),
    s_comment    String,
    _version     UInt64 DEFAULT 0,
    _deleted     UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(_version)
ORDER BY s_suppkey;

CREATE TABLE IF NOT EXISTS customer (
    c_custkey     Int32,
    c_name        String,
    c_address     String,
    c_nationkey   Int32,
    c_phone       String,
    c_acctbal     Decimal(15, 2),
    c_mktsegment  LowCardinality(String),
    c_comment     String,
    _version      UInt64 DEFAULT 0,
    _deleted      UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(_version)
ORDER BY c_custkey;

CREATE TABLE IF NOT EXISTS part (
    p_partkey      Int32,
    p_name         String,
    p_mfgr         LowCardinality(String),
    p_brand        LowCardinality(String),
    p_type         LowCardinality(String),
    p_size         Int32,
    p_container    LowCardinality(String),
    p_retailprice  Decimal(15, 2),
    p_comment      String,
    _version       UInt64 DEFAULT 0,
    _deleted       UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(_version)
ORDER BY p_partkey;

CREATE TABLE IF NOT EXISTS partsupp (
    ps_partkey     Int32,
    ps_suppkey     Int32,
    ps_availqty    Int32,
    ps_supplycost  Decimal(15, 2),
    ps_comment     String,
    _version       UInt64 DEFAULT 0,
    _deleted       UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(_version)
ORDER BY (ps_partkey, ps_suppkey);

CREATE TABLE IF NOT EXISTS orders (
    o_orderkey       Int64,
    o_custkey        Int32,
    o_orderstatus    LowCardinality(String),
    o_totalprice     Decimal(15, 2),
    o_orderdate      Date,
    o_orderpriority  LowCardinality(String),
    o_clerk          String,
    o_shippriority   Int32,
    o_comment        String,
    _version         UInt64 DEFAULT 0,
    _deleted         UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(_version)
ORDER BY o_orderkey;

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
    l_comment        String,
    _version         UInt64 DEFAULT 0,
    _deleted         UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(_version)
ORDER BY (l_orderkey, l_linenumber);
