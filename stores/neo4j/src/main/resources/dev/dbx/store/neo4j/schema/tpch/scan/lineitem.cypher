// l_orderkey and l_partkey are read from the endpoints of each CONTAINS relationship.
MATCH (o:Order)-[l:CONTAINS]->(p:Part)
RETURN o.o_orderkey AS l_orderkey, p.p_partkey AS l_partkey, l.l_suppkey AS l_suppkey,
       l.l_linenumber AS l_linenumber, l.l_quantity AS l_quantity, l.l_extendedprice AS l_extendedprice,
       l.l_discount AS l_discount, l.l_tax AS l_tax, l.l_returnflag AS l_returnflag,
       l.l_linestatus AS l_linestatus, l.l_shipdate AS l_shipdate, l.l_commitdate AS l_commitdate,
       l.l_receiptdate AS l_receiptdate, l.l_shipinstruct AS l_shipinstruct, l.l_shipmode AS l_shipmode,
       l.l_comment AS l_comment
