// Q10 returned item reporting: orders of 1993-Q4 (range seek on o_orderdate), their returned lines, and the customer
// who placed them with the customer's nation; revenue per customer, top 20. Grouping on the customer and nation nodes
// is grouping on c_custkey (every other column depends on it); the columns are read after the LIMIT.
MATCH (n:Nation)<-[:IN]-(c:Customer)-[:PLACED]->(o:Order)-[l:CONTAINS]->(:Part)
WHERE o.o_orderdate >= date('1993-10-01') AND o.o_orderdate < date('1994-01-01')
  AND l.l_returnflag = 'R'
WITH c, n, sum(l.l_extendedprice * (1 - l.l_discount)) AS revenue
ORDER BY revenue DESC
LIMIT 20
RETURN c.c_custkey AS c_custkey, c.c_name AS c_name, revenue, c.c_acctbal AS c_acctbal, n.n_name AS n_name,
       c.c_address AS c_address, c.c_phone AS c_phone, c.c_comment AS c_comment
