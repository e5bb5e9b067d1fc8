MATCH (p:Part)
WHERE NOT p:Placeholder
RETURN p.p_partkey AS p_partkey, p.p_name AS p_name, p.p_mfgr AS p_mfgr, p.p_brand AS p_brand, p.p_type AS p_type,
       p.p_size AS p_size, p.p_container AS p_container, p.p_retailprice AS p_retailprice, p.p_comment AS p_comment
