package dev.dbx.store.clickhouse;

import java.util.List;

/**
 * What differs between the ClickHouse versions the store meets. The schema files are written for current servers;
 * on servers where LowCardinality is still experimental (18.x: creating such a column needs
 * {@code allow_experimental_low_cardinality_type = 1}) those columns become plain String, which holds the same values
 * and gives the same answers, only larger and slower to filter. The check asks the server, once.
 */
final class ServerDialect {
    private final ClickHouseSql sql;
    private volatile Boolean lowCardinality;

    ServerDialect(ClickHouseSql sql) {
        this.sql = sql;
    }

    /** {@code ddl} as this server takes it. */
    String adapt(String ddl) {
        return hasLowCardinality() ? ddl : ddl.replace("LowCardinality(String)", "String");
    }

    boolean hasLowCardinality() {
        Boolean known = lowCardinality;
        if (known == null) {
            List<String[]> rows = sql.rows(
                    "checking for LowCardinality",
                    "SELECT value FROM system.settings WHERE name = 'allow_experimental_low_cardinality_type'",
                    1);
            // current servers either dropped the setting or keep it as an obsolete "1"
            known = rows.isEmpty() || !"0".equals(rows.get(0)[0]);
            lowCardinality = known;
        }
        return known;
    }
}
