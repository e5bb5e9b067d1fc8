package dev.dbx.store.redis;

import io.lettuce.core.ScoredValue;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One command at a time in the Redis protocol (RESP): an array of bulk strings, built in a reused buffer. The bulk
 * load's commands are made here once, in bytes, both for {@code redis-cli --pipe}'s file ({@link RespFile}) and for
 * the live pipeline ({@link PipelineSink}), so the two send the very same bytes.
 */
final class Resp {
    private static final byte[] HSET = "HSET".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZADD = "ZADD".getBytes(StandardCharsets.US_ASCII);

    private byte[] buffer = new byte[4096];
    private int size;
    private String[] encodedFor;
    private byte[][] encodedFields;

    /** HSET of {@code fields[i]} to {@code values[i]} wherever that value is not null. */
    Resp hset(byte[] key, String[] fields, String[] values) {
        byte[][] names = fieldBytes(fields);
        int present = 0;
        for (String value : values) {
            if (value != null) {
                present++;
            }
        }
        begin(2 + 2 * present).arg(HSET).arg(key);
        for (int i = 0; i < fields.length; i++) {
            if (values[i] != null) {
                arg(names[i]).arg(values[i]);
            }
        }
        return this;
    }

    /** ZADD of every member with its score. */
    Resp zadd(byte[] key, List<ScoredValue<String>> members) {
        begin(2 + 2 * members.size()).arg(ZADD).arg(key);
        for (ScoredValue<String> member : members) {
            score(member.getScore()).arg(member.getValue());
        }
        return this;
    }

    /** The field names' bytes, made once per load (every row of an entity has the same names). */
    private byte[][] fieldBytes(String[] fields) {
        if (fields != encodedFor) {
            encodedFields = new byte[fields.length][];
            for (int i = 0; i < fields.length; i++) {
                encodedFields[i] = fields[i].getBytes(StandardCharsets.UTF_8);
            }
            encodedFor = fields;
        }
        return encodedFields;
    }

    /** Starts a command of {@code args} arguments (the command's name included). */
    private Resp begin(int args) {
        size = 0;
        put((byte) '*');
        number(args);
        return this;
    }

    private Resp arg(byte[] bytes) {
        room(bytes.length + 16);
        put((byte) '$');
        number(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
        put((byte) '\r');
        put((byte) '\n');
        return this;
    }

    private Resp arg(String text) {
        return arg(text.getBytes(StandardCharsets.UTF_8));
    }

    private Resp score(double score) {
        return arg(scoreText(score));
    }

    /** A sorted-set score: integers without a fraction (most scores are ids and days), others as Java writes them. */
    static String scoreText(double score) {
        return score == Math.rint(score) && Math.abs(score) < 1e15
                ? Long.toString((long) score)
                : Double.toString(score);
    }

    /** The command built so far. */
    byte[] toBytes() {
        return Arrays.copyOf(buffer, size);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buffer, 0, size);
    }

    /** {@code n} in decimal, then CRLF. */
    private void number(int n) {
        room(13);
        if (n == 0) {
            buffer[size++] = '0';
        } else {
            int digits = 0;
            for (int m = n; m > 0; m /= 10) {
                digits++;
            }
            for (int i = size + digits - 1; i >= size; i--) {
                buffer[i] = (byte) ('0' + n % 10);
                n /= 10;
            }
            size += digits;
        }
        buffer[size++] = '\r';
        buffer[size++] = '\n';
    }

    private void put(byte b) {
        room(1);
        buffer[size++] = b;
    }

    private void room(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
