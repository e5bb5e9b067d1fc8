// The customers reachable within $hops hops of $customer (a hop: customer -> order -> part <- order <- customer),
// breadth first one level at a time: a level takes the customers reached so far to their DISTINCT parts, and those
// to their DISTINCT buyers (the new reached set: everyone who bought a part is among its buyers, so the set only
// grows). Each level expands at most every PLACED and CONTAINS relationship once, whatever the number of paths.
// Cypher has no loop: dbx writes the level block below once per hop.
// A quantified path pattern, (c) ((...)-[:PLACED]->...<-[:PLACED]-()){1,k} (x), enumerates paths instead, and
// with the ANY SHORTEST selector (planned as StatefulShortestPath) took more than 120 s for 3 hops at SF 0.01.
MATCH (c:Customer {c_custkey: $customer})
WITH c, [c] AS reached
// level: begin
CALL (reached) {
  UNWIND reached AS r
  MATCH (r)-[:PLACED]->(:Order)-[:CONTAINS]->(p:Part)
  WITH DISTINCT p
  MATCH (p)<-[:CONTAINS]-(:Order)<-[:PLACED]-(b:Customer)
  RETURN collect(DISTINCT b) AS next
}
WITH c, next AS reached
// level: end
UNWIND reached AS x
WITH c, x
WHERE x <> c
RETURN count(x) AS customers, coalesce(sum(x.c_custkey), 0) AS key_sum
