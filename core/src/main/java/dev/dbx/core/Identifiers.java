package dev.dbx.core;

import java.util.regex.Pattern;

/**
 * Names that end up inside SQL, Cypher or a query DSL come from dbx's own schemas; anything else must pass this check
 * first. Values are always bound parameters, never spliced.
 */
public final class Identifiers {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private Identifiers() {}

    /** Returns {@code name} if it is a plain identifier; otherwise a clear error saying what {@code what} allows. */
    public static String require(String what, String name) {
        if (name == null || !SAFE.matcher(name).matches()) {
            throw new DbxException(
                    "invalid " + what + " '" + name + "'",
                    "use letters, digits and '_' only, starting with a letter or '_', at most 63 characters");
        }
        return name;
    }

    public static boolean isSafe(String name) {
        return name != null && SAFE.matcher(name).matches();
    }
}
