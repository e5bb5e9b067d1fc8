package dev.dbx.core.capability;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.YcsbSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A choice of the usertable's fields (field0..field9) as a bit mask. Every one of the 1,024 choices exists once, made
 * up front, so a benchmark's hot path picks one without allocating, and a session can key what it prepared per choice
 * by {@link #mask()}.
 */
public final class FieldSet {
    private static final int COUNT = YcsbSchema.FIELD_COUNT;
    private static final FieldSet[] SETS = new FieldSet[1 << COUNT];

    static {
        for (int mask = 0; mask < SETS.length; mask++) {
            SETS[mask] = new FieldSet(mask);
        }
    }

    private final int mask;
    private final int[] fields;
    private final List<String> names;

    private FieldSet(int mask) {
        this.mask = mask;
        this.fields = new int[Integer.bitCount(mask)];
        List<String> n = new ArrayList<>(fields.length);
        int j = 0;
        for (int i = 0; i < COUNT; i++) {
            if ((mask & (1 << i)) != 0) {
                fields[j++] = i;
                n.add(YcsbSchema.FIELDS.get(i));
            }
        }
        this.names = List.copyOf(n);
    }

    /** Every field. */
    public static FieldSet all() {
        return SETS[SETS.length - 1];
    }

    /** Field number {@code field} alone. */
    public static FieldSet one(int field) {
        return of(1 << checkField(field));
    }

    /** The fields whose bits are set in {@code mask} (bit i is field i). */
    public static FieldSet of(int mask) {
        if (mask < 0 || mask >= SETS.length) {
            throw new IllegalArgumentException("field mask " + mask + " has bits beyond field" + (COUNT - 1));
        }
        return SETS[mask];
    }

    /** The fields named, e.g. "field3"; an unknown name is a clear error. */
    public static FieldSet named(Collection<String> names) {
        int mask = 0;
        for (String name : names) {
            int i = YcsbSchema.FIELDS.indexOf(name);
            if (i < 0) {
                throw new DbxException("usertable has no field '" + name + "'", "fields are field0 to field9");
            }
            mask |= 1 << i;
        }
        return of(mask);
    }

    public int mask() {
        return mask;
    }

    /** How many fields are chosen. */
    public int size() {
        return fields.length;
    }

    /** The number of the {@code i}-th chosen field, in field order. */
    public int field(int i) {
        return fields[i];
    }

    public boolean contains(int field) {
        return (mask & (1 << field)) != 0;
    }

    public boolean isAll() {
        return mask == SETS.length - 1;
    }

    public boolean isEmpty() {
        return mask == 0;
    }

    /** The chosen fields' names, in field order. */
    public List<String> names() {
        return names;
    }

    private static int checkField(int field) {
        if (field < 0 || field >= COUNT) {
            throw new IllegalArgumentException("no field" + field + ": fields are field0 to field" + (COUNT - 1));
        }
        return field;
    }

    @Override
    public String toString() {
        return isAll() ? "all fields" : String.join(",", names);
    }
}
