package dev.dbx.workloads.dataset;

import dev.dbx.core.dataset.YcsbSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * YCSB's keys and deterministic field values. Keys are built as YCSB's CoreWorkload builds them with its default
 * hashed insert order ({@code "user" + fnvhash64(n)}); values are 100 printable characters per field derived from the
 * key, field and a version, so a reader can check what it got without remembering what was written.
 */
public final class YcsbData {
    private static final long FNV_OFFSET_BASIS_64 = 0xCBF29CE484222325L;
    private static final long FNV_PRIME_64 = 1099511628211L;
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -_.,;:!?()[]{}<>+*/=#%&@".toCharArray();

    private YcsbData() {}

    /** YCSB's key for record number {@code n}. */
    public static String key(long n) {
        return "user" + fnvhash64(n);
    }

    /** YCSB's Utils.fnvhash64: FNV-1a over the 8 bytes of the number, made positive. */
    static long fnvhash64(long value) {
        long hash = FNV_OFFSET_BASIS_64;
        long v = value;
        for (int i = 0; i < 8; i++) {
            long octet = v & 0x00ff;
            v = v >> 8;
            hash = hash ^ octet;
            hash = hash * FNV_PRIME_64;
        }
        return Math.abs(hash);
    }

    /** The value of {@code field} of record {@code key} at {@code version} (0 when loaded, then 1, 2... per update). */
    public static String value(String key, String field, long version) {
        SplittableRandom random = new SplittableRandom(key.hashCode() * 31L + field.hashCode() * 1_000_003L + version);
        char[] chars = new char[YcsbSchema.FIELD_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    /** All fields of record {@code key} at {@code version}, indexed by field number (a key-value session's form). */
    public static String[] values(String key, long version) {
        String[] values = new String[YcsbSchema.FIELD_COUNT];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(key, YcsbSchema.FIELDS.get(i), version);
        }
        return values;
    }

    /** All fields of record {@code key} at {@code version}. */
    public static Map<String, String> record(String key, long version) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : YcsbSchema.FIELDS) {
            fields.put(field, value(key, field, version));
        }
        return fields;
    }
}
