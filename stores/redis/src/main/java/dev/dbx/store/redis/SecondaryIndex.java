package dev.dbx.store.redis;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.ColumnType;
import dev.dbx.core.dataset.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One secondary sorted set of an entity, as defined in {@code keyspace/<dataset>.indexes}: its key suffix (which may
 * name columns in braces, giving one sorted set per value, e.g. {@code by_customer:{o_custkey}}) and the column whose
 * value is the score. Members are row ids, so a range of scores is a range of rows, each one HGETALL away.
 */
final class SecondaryIndex {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_:]*");

    private final Entity entity;
    private final String definition;
    private final List<String> literals = new ArrayList<>();
    private final List<Integer> placeholders = new ArrayList<>();
    private final int scoreIndex;

    SecondaryIndex(Entity entity, String suffix, String scoreColumn) {
        this.entity = entity;
        this.definition = suffix;
        if (!suffix.startsWith("by_")) {
            throw invalid(suffix, "its name must start with 'by_'");
        }
        Matcher m = PLACEHOLDER.matcher(suffix);
        int at = 0;
        while (m.find()) {
            literals.add(literal(suffix, suffix.substring(at, m.start())));
            placeholders.add(entity.indexOf(m.group(1)));
            at = m.end();
        }
        literals.add(literal(suffix, suffix.substring(at)));
        this.scoreIndex = entity.indexOf(scoreColumn);
        if (entity.columns().get(scoreIndex).type() == ColumnType.VARCHAR) {
            throw invalid(suffix, "its score column " + scoreColumn + " is text");
        }
    }

    private String literal(String suffix, String text) {
        if (!LITERAL.matcher(text).matches()) {
            throw invalid(suffix, "'" + text + "' may hold letters, digits, '_' and ':' only");
        }
        return text;
    }

    private DbxException invalid(String suffix, String why) {
        return new DbxException("redis: secondary sorted set " + entity.name() + ":" + suffix + " is invalid: " + why);
    }

    Entity entity() {
        return entity;
    }

    /** The suffix as defined, e.g. {@code by_customer:{o_custkey}}. */
    String definition() {
        return definition;
    }

    /** Whether there is one sorted set per value of some column, rather than one for the whole entity. */
    boolean perValue() {
        return !placeholders.isEmpty();
    }

    /** The key of the sorted set {@code row} belongs to; {@code prefix} is {@link KeyScheme#secondaryPrefix}. */
    String key(String prefix, Object[] row) {
        if (placeholders.isEmpty()) {
            return prefix + literals.get(0);
        }
        StringBuilder suffix = new StringBuilder(prefix).append(literals.get(0));
        for (int i = 0; i < placeholders.size(); i++) {
            int index = placeholders.get(i);
            Column column = entity.columns().get(index);
            String value = Values.text(column, row[index]);
            if (value == null) {
                throw new DbxException("a row of " + entity.name() + " has no " + column.name() + " for " + definition);
            }
            suffix.append(value).append(literals.get(i + 1));
        }
        return suffix.toString();
    }

    /**
     * The key of the sorted set a row with this key belongs to, as a script finds it from the row's hash: text and hash
     * field names alternating, starting and ending with text ({@code [tpch:orders:by_customer:, o_custkey, ""]}), the
     * key being the text with each field's value in between. Key columns are filled in from {@code keyRow} (they are
     * not in the hash, and a change never changes them); without placeholders it is the whole key alone.
     */
    List<String> template(String prefix, Object[] keyRow) {
        List<String> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder(prefix).append(literals.get(0));
        for (int i = 0; i < placeholders.size(); i++) {
            int index = placeholders.get(i);
            Column column = entity.columns().get(index);
            if (entity.primaryKey().contains(column.name())) {
                text.append(Values.text(column, keyRow[index]));
            } else {
                parts.add(text.toString());
                parts.add(column.name());
                text.setLength(0);
            }
            text.append(literals.get(i + 1));
        }
        parts.add(text.toString());
        return parts;
    }

    /** The row's score in its sorted set. */
    double score(Object[] row) {
        return Values.score(entity.columns().get(scoreIndex), row[scoreIndex]);
    }
}
