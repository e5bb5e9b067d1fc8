// Built after the bulk load (populating an index once is cheaper than maintaining it row by row).

// Range indexes for the TPC-H predicates that start a traversal: order dates (Q3, Q4, Q5, Q8, Q10), ship dates on the
// line items (Q1, Q6, Q7, Q14, Q15, Q20: a relationship property index), market segments (Q3), part brand/container
// (Q17, Q19) and type (Q2, Q8, Q14, Q16), nation and region names (Q2, Q5, Q7-Q11, Q20, Q21).
CREATE RANGE INDEX order_date IF NOT EXISTS FOR (o:Order) ON (o.o_orderdate);
CREATE RANGE INDEX contains_shipdate IF NOT EXISTS FOR ()-[l:CONTAINS]-() ON (l.l_shipdate);
CREATE RANGE INDEX customer_segment IF NOT EXISTS FOR (c:Customer) ON (c.c_mktsegment);
CREATE RANGE INDEX part_brand_container IF NOT EXISTS FOR (p:Part) ON (p.p_brand, p.p_container);
CREATE RANGE INDEX part_type IF NOT EXISTS FOR (p:Part) ON (p.p_type);
CREATE RANGE INDEX nation_name IF NOT EXISTS FOR (n:Nation) ON (n.n_name);
CREATE RANGE INDEX region_name IF NOT EXISTS FOR (r:Region) ON (r.r_name);

// Full text over every comment column (Lucene, english analyzer: stemming and stop words), queried with
// db.index.fulltext.queryNodes / queryRelationships. One index per column, so each can be searched on its own.
CREATE FULLTEXT INDEX region_comment IF NOT EXISTS FOR (r:Region) ON EACH [r.r_comment] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
CREATE FULLTEXT INDEX nation_comment IF NOT EXISTS FOR (n:Nation) ON EACH [n.n_comment] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
CREATE FULLTEXT INDEX supplier_comment IF NOT EXISTS FOR (s:Supplier) ON EACH [s.s_comment] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
CREATE FULLTEXT INDEX customer_comment IF NOT EXISTS FOR (c:Customer) ON EACH [c.c_comment] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
CREATE FULLTEXT INDEX part_comment IF NOT EXISTS FOR (p:Part) ON EACH [p.p_comment] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
CREATE FULLTEXT INDEX supplies_comment IF NOT EXISTS FOR ()-[ps:SUPPLIES]-() ON EACH [ps.ps_comment] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
CREATE FULLTEXT INDEX order_comment IF NOT EXISTS FOR (o:Order) ON EACH [o.o_comment] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
CREATE FULLTEXT INDEX contains_comment IF NOT EXISTS FOR ()-[l:CONTAINS]-() ON EACH [l.l_comment] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
