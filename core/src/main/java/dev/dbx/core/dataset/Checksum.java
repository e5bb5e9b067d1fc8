package dev.dbx.core.dataset;

import dev.dbx.core.capability.DatasetModel;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Row count and an order-independent checksum of an entity's canonical rows: the sum (mod 2^64) of a 64-bit digest
 * of each row's encoding. Equal data gives an equal checksum whatever the order rows come back in, and however the
 * store models them (PostgreSQL's lineitem table and MongoDB's line items embedded in orders give the same number).
 *
 * <p>Why each choice: a sum rather than an XOR, so a duplicated row does not cancel out; each value is encoded with its
 * type ({@code 1} and {@code "1"} differ, and a null differs from an empty string), and text with its length, so no
 * text can pass for a separator or shift a value into the next column; decimals at the column's scale only when that
 * is exact (see {@link Canonical#atScale}), never rounded.
 */
public final class Checksum {
    private final Entity entity;
    private final MessageDigest digest;
    private final StringBuilder text = new StringBuilder(256);
    private long count;
    private long sum;

    public Checksum(Entity entity) {
        this.entity = entity;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Adds one row of canonical values (see {@link Canonical}). */
    public void add(Object[] row) {
        if (row.length != entity.columns().size()) {
            throw new IllegalArgumentException(
                    entity.name() + " has " + entity.columns().size() + " columns, a row " + row.length + " values");
        }
        text.setLength(0);
        for (int i = 0; i < row.length; i++) {
            encode(entity.columns().get(i), row[i]);
        }
        byte[] hash = digest.digest(text.toString().getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (hash[i] & 0xff);
        }
        sum += h;
        count++;
    }

    /** One value: a type tag, then the value; text as its length, ':', the text. */
    private void encode(Column column, Object v) {
        if (v == null) {
            text.append('N');
        } else if (v instanceof Long n) {
            text.append('I').append(n.longValue());
        } else if (v instanceof BigDecimal d) {
            text.append('D').append(Canonical.atScale(column, d).toPlainString());
        } else if (v instanceof LocalDate d) {
            text.append('T').append(d);
        } else if (v instanceof String s) {
            text.append('S').append(s.length()).append(':').append(s);
        } else {
            // not a canonical type: never equal to one (the store gave back something other than the dataset's value)
            String s = v.toString();
            text.append('X')
                    .append(v.getClass().getName())
                    .append(':')
                    .append(s.length())
                    .append(':')
                    .append(s);
        }
        text.append('|');
    }

    /** Count and checksum of every row in {@code rows} (which it closes). */
    public static Checksum of(Entity entity, RowStream rows) {
        Checksum checksum = new Checksum(entity);
        try (rows) {
            while (rows.hasNext()) {
                checksum.add(rows.next());
            }
        }
        return checksum;
    }

    /** Count and checksum of {@code entity} as {@code model} gives it back. */
    public static Checksum of(DatasetModel model, Dataset dataset, Entity entity) {
        Checksum checksum = new Checksum(entity);
        model.scan(dataset, entity, checksum::add);
        return checksum;
    }

    /** Adds a checksum of another part of the same entity (e.g. from a parallel scan). */
    public void merge(Checksum other) {
        sum += other.sum;
        count += other.count;
    }

    public long count() {
        return count;
    }

    /** The checksum as 16 hex digits. */
    public String value() {
        return HexFormat.of().toHexDigits(sum);
    }

    public Entity entity() {
        return entity;
    }
}
