// Q6 forecasting revenue change: line items shipped in 1994 (range seek on the CONTAINS.l_shipdate index) with a
// discount of 0.05 to 0.07 and a quantity under 24. The bounds are written out, not as 0.06 - 0.01 and 0.06 + 0.01:
// in doubles those are 0.049999999999999996 and 0.06999999999999999, which would drop the lines discounted 0.07,
// while the literals are the very doubles the stored discounts are.
MATCH ()-[l:CONTAINS]->()
WHERE l.l_shipdate >= date('1994-01-01') AND l.l_shipdate < date('1995-01-01')
  AND l.l_discount >= 0.05 AND l.l_discount <= 0.07
  AND l.l_quantity < 24
RETURN sum(l.l_extendedprice * l.l_discount) AS revenue
