// Q14 promotion effect: line items shipped in 1995-09 (range seek on CONTAINS.l_shipdate) and the part at their
// other end; the share of the discounted revenue from parts whose type starts with PROMO (LIKE 'PROMO%').
MATCH ()-[l:CONTAINS]->(p:Part)
WHERE l.l_shipdate >= date('1995-09-01') AND l.l_shipdate < date('1995-10-01')
WITH p.p_type STARTS WITH 'PROMO' AS promo, l.l_extendedprice * (1 - l.l_discount) AS revenue
RETURN 100.0 * sum(CASE WHEN promo THEN revenue ELSE 0.0 END) / sum(revenue) AS promo_revenue
