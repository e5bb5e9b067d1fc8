// o_custkey is read from the PLACED relationship.
MATCH (o:Order)
WHERE NOT o:Placeholder
OPTIONAL MATCH (c:Customer)-[:PLACED]->(o)
RETURN o.o_orderkey AS o_orderkey, c.c_custkey AS o_custkey, o.o_orderstatus AS o_orderstatus,
       o.o_totalprice AS o_totalprice, o.o_orderdate AS o_orderdate, o.o_orderpriority AS o_orderpriority,
       o.o_clerk AS o_clerk, o.o_shippriority AS o_shippriority, o.o_comment AS o_comment
