package dev.dbx.core.dataset;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Row count and an order-independent checksum of an entity's canonical rows: the sum (mod 2^64) of a 64-bit digest
 * of each row's canonical text. Equal data gives an equal checksum whatever the order rows come back in, and however
 * the store models them (PostgreSQL's lineitem table and MongoDB's embedded line items give the same number). A sum
 * rather than an XOR, so that a duplicated row does not cancel out.
 */
public final class Checksum {
    private static final char FIELD_SEPARATOR = '\u001f';
    private static final String NULL = "\u0000";

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
        text.setLength(0);
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                text.append(FIELD_SEPARATOR);
            }
            Object v = row[i];
            if (v == null) {
                text.append(NULL);
            } else if (v instanceof BigDecimal d) {
                text.append(d.setScale(entity.columns().get(i).scale(), java.math.RoundingMode.HALF_UP)
                        .toPlainString());
            } else {
                text.append(v);
            }
        }
        byte[] hash = digest.digest(text.toString().getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (hash[i] & 0xff);
        }
        sum += h;
        count++;
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
    public static Checksum of(dev.dbx.core.capability.DatasetModel model, Dataset dataset, Entity entity) {
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
