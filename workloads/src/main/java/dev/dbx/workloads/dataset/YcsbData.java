package dev.dbx.workloads.dataset;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.YcsbSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * YCSB's keys and self-checking field values.
 *
 * <p>Keys are built as YCSB's CoreWorkload builds them with its default hashed insert order ({@code "user" +
 * fnvhash64(n)}).
 *
 * <p>A value says whose it is, so a reader can check any value without knowing which write it should see (under
 * concurrent updates it cannot know). It is {@code <version in base 36>#<field digit><key tag><adjuster>} then filler:
 * the key tag is four characters of a hash of the key, the filler a pseudo-random stream seeded by the key, the field
 * and the version, and the seven adjuster characters are chosen so that the whole value's {@link String#hashCode()}
 * equals a digest of the key, field and version. A reader checks the header and compares one hash code, which the JDK
 * computes with vector instructions and no allocation: a few tens of nanoseconds for a 100-character field, instead
 * of regenerating it. {@code String.hashCode} is a polynomial in 31 (odd) modulo 2^32, so changing any one character
 * always changes it; other damage goes unseen with a chance of 2^-32. A value of another key or field, a truncated
 * value or one of another length is named as such by the header and the length. Loaded data is version 0.
 */
public final class YcsbData {
    /** The shortest field length whose values hold their header (at most 26 characters) and some filler. */
    public static final int MIN_FIELD_LENGTH = 32;

    private static final long FNV_OFFSET_BASIS_64 = 0xCBF29CE484222325L;
    private static final long FNV_PRIME_64 = 1099511628211L;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    /** 64 characters, so six bits pick one; a space among them, so a store that trims values is caught. */
    private static final char[] FILLER =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -".toCharArray();

    private static final char SEPARATOR = '#';
    private static final int TAG_LENGTH = 4;
    /** Base-31 digits enough for any 32-bit number (31^7 > 2^32). */
    private static final int ADJUSTER_LENGTH = 7;
    /** Adjuster digits are the characters '0' + 0..30 ('0' to 'N'): no quote or backslash among them. */
    private static final char ADJUSTER_ZERO = '0';
    /** Base-36 digits of the largest long. */
    private static final int MAX_VERSION_DIGITS = 13;
    /** The inverse of 31 modulo 2^32, to undo the hash's multiplications. */
    private static final int INVERSE_31 = inverse(31);

    private YcsbData() {}

    /** YCSB's key for record number {@code n}. */
    public static String key(long n) {
        return "user" + fnvhash64(n);
    }

    /** YCSB's Utils.fnvhash64: FNV-1a over the 8 bytes of the number, made positive. */
    public static long fnvhash64(long value) {
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

    /**
     * The value of {@code field} of record {@code key} at {@code version} (0 when loaded, then higher per update), of
     * YCSB's default length.
     */
    public static String value(String key, String field, long version) {
        return value(key, fieldNumber(field), version, new char[YcsbSchema.FIELD_LENGTH]);
    }

    /** The value of field number {@code field} of {@code key} at {@code version}, {@code length} characters long. */
    public static String value(String key, int field, long version, int length) {
        return value(key, field, version, new char[checkLength(length)]);
    }

    /**
     * The value of field number {@code field} of {@code key} at {@code version}, as long as {@code buffer}, built in
     * {@code buffer} (a writer's own, reused: the only allocation is the string returned).
     */
    public static String value(String key, int field, long version, char[] buffer) {
        checkLength(buffer.length);
        if (version < 0) {
            throw new IllegalArgumentException("a version is not negative: " + version);
        }
        long keyHash = keyHash(key);
        int digits = 1;
        for (long v = version / 36; v > 0; v /= 36) {
            digits++;
        }
        long v = version;
        for (int i = digits - 1; i >= 0; i--) {
            buffer[i] = Character.forDigit((int) (v % 36), 36);
            v /= 36;
        }
        int at = digits;
        buffer[at++] = SEPARATOR;
        buffer[at++] = fieldChar(field);
        for (int i = 0; i < TAG_LENGTH; i++) {
            buffer[at++] = tagChar(keyHash, i);
        }
        int adjuster = at;
        int fillerStart = adjuster + ADJUSTER_LENGTH;
        long state = seed(keyHash, field, version);
        for (int i = fillerStart; i < buffer.length; ) {
            state += GOLDEN_GAMMA;
            long bits = mix(state);
            for (int j = 0; j < 10 && i < buffer.length; j++, i++) {
                buffer[i] = FILLER[(int) bits & 63];
                bits >>>= 6;
            }
        }
        adjust(buffer, adjuster, digest(keyHash, field, version));
        return new String(buffer);
    }

    /** All fields of record {@code key} at {@code version}, indexed by field number (a key-value session's form). */
    public static String[] values(String key, long version) {
        return values(key, version, YcsbSchema.FIELD_LENGTH);
    }

    /** All fields of record {@code key} at {@code version}, {@code length} characters each, by field number. */
    public static String[] values(String key, long version, int length) {
        char[] buffer = new char[checkLength(length)];
        String[] values = new String[YcsbSchema.FIELD_COUNT];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(key, i, version, buffer);
        }
        return values;
    }

    /** All fields of record {@code key} at {@code version}. */
    public static Map<String, String> record(String key, long version) {
        String[] values = values(key, version);
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            fields.put(YcsbSchema.FIELDS.get(i), values[i]);
        }
        return fields;
    }

    /**
     * Null when {@code value} is a value of {@code field} of {@code key} at some version, of YCSB's default length;
     * else what is wrong with it.
     */
    public static String check(String key, String field, String value) {
        return check(key, fieldNumber(field), value, YcsbSchema.FIELD_LENGTH, Long.MAX_VALUE);
    }

    /**
     * Null when {@code value} is what a writer of field number {@code field} of {@code key} wrote at some version no
     * newer than {@code newestVersion} (the newest any writer has been given: a newer one was never written), with
     * {@code length} characters; else what is wrong with it, in words. Allocates nothing unless it is wrong.
     */
    public static String check(String key, int field, String value, int length, long newestVersion) {
        return check(key, keyHash(key), field, value, length, newestVersion);
    }

    /**
     * {@link #check(String, int, String, int, long)} for every field of a record read whole ({@code values[i]} is field
     * i): null when all are right, else the first field's problem.
     */
    public static String checkRecord(String key, String[] values, int length, long newestVersion) {
        long keyHash = keyHash(key);
        for (int field = 0; field < values.length; field++) {
            String problem = check(key, keyHash, field, values[field], length, newestVersion);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** The version a value carries, or -1 when it has no version header. */
    public static long version(String value) {
        int separator = value.indexOf(SEPARATOR, 0, Math.min(value.length(), MAX_VERSION_DIGITS + 1));
        return separator > 0 ? parseVersion(value, separator) : -1;
    }

    /** A field length values can have: long enough for the header. */
    public static int checkLength(int length) {
        if (length < MIN_FIELD_LENGTH) {
            throw new DbxException(
                    "--field-length must be at least " + MIN_FIELD_LENGTH + " (got " + length + ")",
                    "each value starts with a header (version, field, key tag, digest) that lets every read be"
                            + " checked");
        }
        return length;
    }

    private static String check(String key, long keyHash, int field, String value, int length, long newestVersion) {
        if (value == null) {
            return "field" + field + " is missing";
        }
        int separator = value.indexOf(SEPARATOR, 0, Math.min(value.length(), MAX_VERSION_DIGITS + 1));
        long version = separator > 0 ? parseVersion(value, separator) : -1;
        if (version < 0 || value.length() < separator + 2 + TAG_LENGTH + ADJUSTER_LENGTH) {
            return "field" + field + " is not a dbx YCSB value (no version header): " + preview(value);
        }
        if (value.length() != length) {
            return "field" + field + " has " + value.length() + " characters, not " + length + ": " + preview(value);
        }
        char fieldChar = value.charAt(separator + 1);
        if (fieldChar != fieldChar(field)) {
            return "field" + field + " holds the value of field" + fieldChar + ": " + preview(value);
        }
        for (int i = 0; i < TAG_LENGTH; i++) {
            if (value.charAt(separator + 2 + i) != tagChar(keyHash, i)) {
                return "field" + field + " holds a value of another key: " + preview(value);
            }
        }
        if (value.hashCode() != digest(keyHash, field, version)) {
            return "field" + field + " is corrupt" + firstDifference(value, value(key, field, version, length)) + ": "
                    + preview(value);
        }
        if (version > newestVersion) {
            return "field" + field + " is at version " + version + ", which was never written (the newest written is "
                    + newestVersion + ")";
        }
        return null;
    }

    /**
     * Sets the adjuster at {@code at} so that the hash code of {@code buffer} as a string is {@code target}. The hash
     * is h(prefix) * 31^(a + f) + h(adjuster) * 31^f + h(filler) for an adjuster of a characters and a filler of f,
     * so h(adjuster) is solved for, then written as base-31 digits offset by '0'.
     */
    private static void adjust(char[] buffer, int at, int target) {
        int fillerStart = at + ADJUSTER_LENGTH;
        int prefix = 0;
        for (int i = 0; i < at; i++) {
            prefix = 31 * prefix + buffer[i];
        }
        int filler = 0;
        for (int i = fillerStart; i < buffer.length; i++) {
            filler = 31 * filler + buffer[i];
        }
        int fillerPower = power(31, buffer.length - fillerStart);
        int adjusterPower = power(31, ADJUSTER_LENGTH);
        int adjusterHash = (target - prefix * adjusterPower * fillerPower - filler)
                * power(INVERSE_31, buffer.length - fillerStart);
        int zeroes = 0; // h of ADJUSTER_LENGTH '0' characters
        for (int i = 0; i < ADJUSTER_LENGTH; i++) {
            zeroes = 31 * zeroes + ADJUSTER_ZERO;
        }
        long digits = Integer.toUnsignedLong(adjusterHash - zeroes);
        for (int i = ADJUSTER_LENGTH - 1; i >= 0; i--) {
            buffer[at + i] = (char) (ADJUSTER_ZERO + digits % 31);
            digits /= 31;
        }
    }

    /** What a value of {@code key}, {@code field} and {@code version} hashes to (see {@link #adjust}). */
    private static int digest(long keyHash, int field, long version) {
        return (int) mix(keyHash ^ (GOLDEN_GAMMA * (field + 7)) ^ mix(version + 1));
    }

    private static String firstDifference(String value, String expected) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) != expected.charAt(i)) {
                return " at character " + i + " ('" + value.charAt(i) + "' where that version has '"
                        + expected.charAt(i) + "')";
            }
        }
        return " (its digest does not match)";
    }

    private static int fieldNumber(String field) {
        int i = YcsbSchema.FIELDS.indexOf(field);
        if (i < 0) {
            throw new IllegalArgumentException("usertable has no field '" + field + "'");
        }
        return i;
    }

    private static char fieldChar(int field) {
        return (char) ('0' + field);
    }

    private static char tagChar(long keyHash, int i) {
        return FILLER[(int) (keyHash >>> (40 + 6 * i)) & 63];
    }

    /** Base 36 (digits and lower-case letters) up to {@code end}; -1 when it is not a non-negative long. */
    private static long parseVersion(String value, int end) {
        long version = 0;
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            int digit = Character.digit(c, 36);
            if (digit < 0 || Character.isUpperCase(c) || version > (Long.MAX_VALUE - digit) / 36) {
                return -1;
            }
            version = version * 36 + digit;
        }
        return version;
    }

    private static long seed(long keyHash, int field, long version) {
        return mix(keyHash + GOLDEN_GAMMA * (field + 1) + mix(version));
    }

    /** FNV-1a over the key's characters, mixed so every bit depends on every character. */
    private static long keyHash(String key) {
        long hash = FNV_OFFSET_BASIS_64;
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * FNV_PRIME_64;
        }
        return mix(hash);
    }

    /** SplitMix64's finaliser (Stafford's variant 13). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static int power(int base, int exponent) {
        int result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }

    /** The multiplicative inverse of odd {@code a} modulo 2^32 (Newton's iteration doubles the correct bits). */
    private static int inverse(int a) {
        int x = a;
        for (int i = 0; i < 5; i++) {
            x *= 2 - a * x;
        }
        return x;
    }

    private static String preview(String value) {
        return "'" + (value.length() > 32 ? value.substring(0, 32) + "…" : value) + "'";
    }
}
