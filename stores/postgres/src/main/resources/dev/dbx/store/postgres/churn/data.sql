-- What order entry draws from: counts and the highest order key (customers, parts and nations are numbered densely).
SELECT (SELECT count(*) FROM orders),
       (SELECT coalesce(max(o_orderkey), 0) FROM orders),
       (SELECT count(*) FROM customer),
       (SELECT count(*) FROM part),
       (SELECT count(*) FROM nation);
