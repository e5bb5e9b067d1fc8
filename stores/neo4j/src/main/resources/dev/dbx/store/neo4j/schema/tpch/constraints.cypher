// Created before the load: every relationship of the load finds its endpoints with MATCH on these keys, and each
// uniqueness constraint is backed by a range index (a unique index seek, not a label scan). Community edition has
// uniqueness constraints only (existence, type and key constraints are Enterprise), so keys are unique, not required.
CREATE CONSTRAINT region_key IF NOT EXISTS FOR (r:Region) REQUIRE r.r_regionkey IS UNIQUE;
CREATE CONSTRAINT nation_key IF NOT EXISTS FOR (n:Nation) REQUIRE n.n_nationkey IS UNIQUE;
CREATE CONSTRAINT supplier_key IF NOT EXISTS FOR (s:Supplier) REQUIRE s.s_suppkey IS UNIQUE;
CREATE CONSTRAINT customer_key IF NOT EXISTS FOR (c:Customer) REQUIRE c.c_custkey IS UNIQUE;
CREATE CONSTRAINT part_key IF NOT EXISTS FOR (p:Part) REQUIRE p.p_partkey IS UNIQUE;
CREATE CONSTRAINT order_key IF NOT EXISTS FOR (o:Order) REQUIRE o.o_orderkey IS UNIQUE;
