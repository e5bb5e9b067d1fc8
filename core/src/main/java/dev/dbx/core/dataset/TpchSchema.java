package dev.dbx.core.dataset;

import static dev.dbx.core.dataset.Column.date;
import static dev.dbx.core.dataset.Column.decimal;
import static dev.dbx.core.dataset.Column.integer;
import static dev.dbx.core.dataset.Column.text;
import static dev.dbx.core.dataset.Column.varchar;

import java.util.List;

/** The TPC-H schema (specification 3.0.1, clause 1.4), with the standard column names so the 22 queries run as is. */
public final class TpchSchema {
    public static final Entity REGION = new Entity(
            "region",
            List.of(integer("r_regionkey"), varchar("r_name", 25), text("r_comment", 152)),
            List.of("r_regionkey"),
            List.of());

    public static final Entity NATION = new Entity(
            "nation",
            List.of(integer("n_nationkey"), varchar("n_name", 25), integer("n_regionkey"), text("n_comment", 152)),
            List.of("n_nationkey"),
            List.of(ForeignKey.of("n_regionkey", "region", "r_regionkey")));

    public static final Entity SUPPLIER = new Entity(
            "supplier",
            List.of(
                    integer("s_suppkey"),
                    varchar("s_name", 25),
                    varchar("s_address", 40),
                    integer("s_nationkey"),
                    varchar("s_phone", 15),
                    decimal("s_acctbal", 15, 2),
                    text("s_comment", 101)),
            List.of("s_suppkey"),
            List.of(ForeignKey.of("s_nationkey", "nation", "n_nationkey")));

    public static final Entity CUSTOMER = new Entity(
            "customer",
            List.of(
                    integer("c_custkey"),
                    varchar("c_name", 25),
                    varchar("c_address", 40),
                    integer("c_nationkey"),
                    varchar("c_phone", 15),
                    decimal("c_acctbal", 15, 2),
                    varchar("c_mktsegment", 10),
                    text("c_comment", 117)),
            List.of("c_custkey"),
            List.of(ForeignKey.of("c_nationkey", "nation", "n_nationkey")));

    public static final Entity PART = new Entity(
            "part",
            List.of(
                    integer("p_partkey"),
                    varchar("p_name", 55),
                    varchar("p_mfgr", 25),
                    varchar("p_brand", 10),
                    varchar("p_type", 25),
                    integer("p_size"),
                    varchar("p_container", 10),
                    decimal("p_retailprice", 15, 2),
                    text("p_comment", 23)),
            List.of("p_partkey"),
            List.of());

    public static final Entity PARTSUPP = new Entity(
            "partsupp",
            List.of(
                    integer("ps_partkey"),
                    integer("ps_suppkey"),
                    integer("ps_availqty"),
                    decimal("ps_supplycost", 15, 2),
                    text("ps_comment", 199)),
            List.of("ps_partkey", "ps_suppkey"),
            List.of(
                    ForeignKey.of("ps_partkey", "part", "p_partkey"),
                    ForeignKey.of("ps_suppkey", "supplier", "s_suppkey")));

    public static final Entity ORDERS = new Entity(
            "orders",
            List.of(
                    integer("o_orderkey"),
                    integer("o_custkey"),
                    varchar("o_orderstatus", 1),
                    decimal("o_totalprice", 15, 2),
                    date("o_orderdate"),
                    varchar("o_orderpriority", 15),
                    varchar("o_clerk", 15),
                    integer("o_shippriority"),
                    text("o_comment", 79)),
            List.of("o_orderkey"),
            List.of(ForeignKey.of("o_custkey", "customer", "c_custkey")));

    public static final Entity LINEITEM = new Entity(
            "lineitem",
            List.of(
                    integer("l_orderkey"),
                    integer("l_partkey"),
                    integer("l_suppkey"),
                    integer("l_linenumber"),
                    decimal("l_quantity", 15, 2),
                    decimal("l_extendedprice", 15, 2),
                    decimal("l_discount", 15, 2),
                    decimal("l_tax", 15, 2),
                    varchar("l_returnflag", 1),
                    varchar("l_linestatus", 1),
                    date("l_shipdate"),
                    date("l_commitdate"),
                    date("l_receiptdate"),
                    varchar("l_shipinstruct", 25),
                    varchar("l_shipmode", 10),
                    text("l_comment", 44)),
            List.of("l_orderkey", "l_linenumber"),
            List.of(
                    ForeignKey.of("l_orderkey", "orders", "o_orderkey"),
                    new ForeignKey(
                            List.of("l_partkey", "l_suppkey"), "partsupp", List.of("ps_partkey", "ps_suppkey"))));

    public static final Dataset DATASET =
            new Dataset("tpch", List.of(REGION, NATION, SUPPLIER, CUSTOMER, PART, PARTSUPP, ORDERS, LINEITEM));

    private TpchSchema() {}
}
