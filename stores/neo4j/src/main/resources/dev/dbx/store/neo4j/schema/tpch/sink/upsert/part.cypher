UNWIND $rows AS row
MERGE (x:Part {p_partkey: row.p_partkey})
SET x.p_name = row.p_name, x.p_mfgr = row.p_mfgr, x.p_brand = row.p_brand, x.p_type = row.p_type,
    x.p_size = row.p_size, x.p_container = row.p_container, x.p_retailprice = row.p_retailprice,
    x.p_comment = row.p_comment
REMOVE x:Placeholder
