MATCH (s:Supplier)-[ps:SUPPLIES]->(p:Part)
RETURN p.p_partkey AS ps_partkey, s.s_suppkey AS ps_suppkey, ps.ps_availqty AS ps_availqty,
       ps.ps_supplycost AS ps_supplycost, ps.ps_comment AS ps_comment
