UNWIND $rows AS row
CREATE (:Part {
  p_partkey: row.p_partkey, p_name: row.p_name, p_mfgr: row.p_mfgr, p_brand: row.p_brand, p_type: row.p_type,
  p_size: row.p_size, p_container: row.p_container, p_retailprice: row.p_retailprice, p_comment: row.p_comment
})
