-- Address, balance, segment as given; the nation when one is given (else kept); the phone's country code follows the
-- nation (TPC-H: nation key + 10).
UPDATE customer
SET c_address = ?,
    c_acctbal = ?,
    c_mktsegment = ?,
    c_nationkey = coalesce(?::int, c_nationkey),
    c_phone = (coalesce(?::int, c_nationkey) + 10)::text || '-' || ?
WHERE c_custkey = ?;
