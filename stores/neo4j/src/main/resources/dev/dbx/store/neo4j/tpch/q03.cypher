// Q3 shipping priority: the customers of the BUILDING segment (index on c_mktsegment), their orders before 1995-03-15
// and those orders' lines shipped after it, two hops along PLACED and CONTAINS; revenue per order.
MATCH (c:Customer {c_mktsegment: 'BUILDING'})-[:PLACED]->(o:Order)-[l:CONTAINS]->(:Part)
WHERE o.o_orderdate < date('1995-03-15') AND l.l_shipdate > date('1995-03-15')
WITH o, sum(l.l_extendedprice * (1 - l.l_discount)) AS revenue
RETURN o.o_orderkey AS l_orderkey, revenue, o.o_orderdate AS o_orderdate, o.o_shippriority AS o_shippriority
ORDER BY revenue DESC, o_orderdate
LIMIT 10
