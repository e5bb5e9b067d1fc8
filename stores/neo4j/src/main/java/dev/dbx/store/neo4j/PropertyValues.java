package dev.dbx.store.neo4j;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;

/**
 * Canonical values as Neo4j properties and back. INTEGER is a Neo4j INTEGER (64-bit), VARCHAR a STRING, DATE a
 * {@code date}, and DECIMAL a FLOAT. Neo4j has no decimal type; the nearest double to a decimal of at most 15 significant
 * digits reads back as that same decimal, so every DECIMAL(15,2) of TPC-H comes back exactly, while arithmetic and
 * comparisons in Cypher stay native (a string would need a cast in every query, whole cents a division in most). A
 * null is an absent property.
 */
final class PropertyValues {
    /** Significant decimal digits that survive a trip through a double (DBL_DIG). */
    static final int EXACT_DECIMAL_DIGITS = 15;

    private PropertyValues() {}

    /** One row as the map a load statement reads as {@code row}: column name to property value. */
    static Map<String, Object> row(List<String> names, Object[] row) {
        Map<String, Object> map = HashMap.newHashMap(row.length);
        for (int i = 0; i < row.length; i++) {
            map.put(names.get(i), toProperty(row[i]));
        }
        return map;
    }

    static Object toProperty(Object value) {
        if (value instanceof BigDecimal d) {
            return d.doubleValue();
        }
        return value;
    }

    /** What the driver gives back (Long, Double, String, LocalDate, or null), for {@code Canonical} to finish. */
    static Object fromProperty(Value value) {
        return value.isNull() ? null : value.asObject();
    }
}
