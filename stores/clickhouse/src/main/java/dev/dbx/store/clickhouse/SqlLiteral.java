package dev.dbx.store.clickhouse;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Values that must appear in a ClickHouse statement's text. Bound parameters ({@code {name:String}} with
 * {@code param_name}) exist only since ClickHouse 19.x and client-v2 has no external-data API, so a value is sent as
 * {@code unhex('...')} of its UTF-8 bytes: the text can only hold hex digits, whatever the value holds, so no value
 * can end the literal or change the statement, and every ClickHouse version folds it into a constant (the primary key
 * index is still used).
 */
final class SqlLiteral {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private SqlLiteral() {}

    static String string(String value) {
        return "unhex('" + HEX.formatHex(value.getBytes(StandardCharsets.UTF_8)) + "')";
    }

    static String integer(long value) {
        return Long.toString(value);
    }
}
