-- One line of the order (the number given, modulo its count of lines): quantity and discount as given, the extended
-- price following the quantity.
UPDATE lineitem l
SET l_quantity = ?, l_discount = ?, l_extendedprice = ? * p.p_retailprice
FROM part p
WHERE p.p_partkey = l.l_partkey
  AND l.l_orderkey = ?
  AND l.l_linenumber = (SELECT 1 + (?::int % nullif(count(*), 0)) FROM lineitem WHERE l_orderkey = ?);
