package dev.dbx.core.query.search;

import dev.dbx.core.DbxException;
import java.util.List;
import java.util.Locale;

/**
 * One full-text query: its name in the query set, its kind and its words (lower-case letters only, so each engine can
 * put them into its own query syntax without escaping).
 *
 * @param name e.g. "phrase"
 * @param kind what it asks for
 * @param words one word (a term or a prefix), or two or more (all of them, or a phrase)
 */
public record SearchQuery(String name, Kind kind, List<String> words) {
    public enum Kind {
        /** Documents containing the word. */
        TERM,
        /** Documents containing every word, anywhere (AND). */
        ALL,
        /** Documents containing the words next to each other, in order. */
        PHRASE,
        /** Documents containing a word that starts with the prefix. */
        PREFIX
    }

    public SearchQuery {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new DbxException("search query " + name + " has no words");
        }
        for (String w : words) {
            if (!w.matches("[a-z]+")) {
                throw new DbxException("search query " + name + ": '" + w + "' is not a lower-case word");
            }
        }
        if ((kind == Kind.TERM || kind == Kind.PREFIX) && words.size() != 1) {
            throw new DbxException("search query " + name + " (" + kind + ") takes one word, not " + words);
        }
        if ((kind == Kind.ALL || kind == Kind.PHRASE) && words.size() < 2) {
            throw new DbxException("search query " + name + " (" + kind + ") takes two words or more");
        }
    }

    /** The words as one string, separated by blanks. */
    public String text() {
        return String.join(" ", words);
    }

    /** E.g. {@code "special requests"}, {@code pack*}, {@code ironic AND deposits}: for reports. */
    public String display() {
        return switch (kind) {
            case TERM -> words.get(0);
            case ALL -> String.join(" AND ", words);
            case PHRASE -> '"' + text() + '"';
            case PREFIX -> words.get(0) + "*";
        };
    }

    @Override
    public String toString() {
        return name + " (" + kind.name().toLowerCase(Locale.ROOT) + ": " + display() + ")";
    }
}
