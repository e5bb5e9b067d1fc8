// Customers who bought what $customer bought also bought...: the top $limit parts by the number of those customers
// who bought them, ties by part key. Each step is a DISTINCT set of nodes, so no customer or part counts twice
// however many orders or line items say so. One unique-index seek on :Customer(c_custkey), then relationship
// expansions only.
MATCH (c:Customer {c_custkey: $customer})-[:PLACED]->(:Order)-[:CONTAINS]->(p:Part)
WITH c, collect(DISTINCT p) AS mine
UNWIND mine AS p
MATCH (p)<-[:CONTAINS]-(:Order)<-[:PLACED]-(other:Customer)
WHERE other <> c
WITH mine, collect(DISTINCT other) AS others
UNWIND others AS other
MATCH (other)-[:PLACED]->(:Order)-[:CONTAINS]->(rec:Part)
WHERE NOT rec IN mine
WITH DISTINCT other, rec
RETURN rec.p_partkey AS part, count(*) AS customers
ORDER BY customers DESC, part ASC
LIMIT $limit
