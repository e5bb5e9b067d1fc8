// [l_orderkey, l_linenumber]: the order found by its unique index, then the CONTAINS relationship of that line number
// among its few line items. The hint keeps the planner from scanning another index instead (it did, once, in CI-like
// load: a plan is a choice, not a promise); without the order index the lookup fails rather than scans.
UNWIND $keys AS k
MATCH (o:Order {o_orderkey: k[0]})-[x:CONTAINS]->(:Part)
USING INDEX o:Order(o_orderkey)
WHERE x.l_linenumber = k[1]
RETURN k
