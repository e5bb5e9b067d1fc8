package dev.dbx.store.clickhouse;

import java.nio.charset.StandardCharsets;

/**
 * Values that must appear in a ClickHouse statement's text. Bound parameters ({@code {name:String}} with
 * {@code param_name}) exist only since ClickHouse 19.x and client-v2 has no external-data API, so a value is sent as
 * {@code unhex('...')} of its UTF-8 bytes: the text can only hold hex digits, whatever the value holds, so no value
 * can end the literal or change the statement, and every ClickHouse version folds it into a constant (the primary key
 * index is still used).
 */
final class SqlLiteral {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SqlLiteral() {}

    static String string(String value) {
        return append(new StringBuilder(value.length() * 2 + 9), value).toString();
    }

    /** Appends the literal of {@code value} to {@code sql}, and returns it. */
    static StringBuilder append(StringBuilder sql, String value) {
        sql.append("unhex('");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            sql.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        return sql.append("')");
    }

    static String integer(long value) {
        return Long.toString(value);
    }
}
