package dev.dbx.core;

/**
 * An error meant for the person running dbx: a one-line message saying what was wrong, and a hint saying what to do.
 * Anything a user can cause (bad input, a dead server, a busy port) is reported with this type, never as a bare stack
 * trace.
 */
public class DbxException extends RuntimeException {
    private final String hint;

    public DbxException(String message) {
        this(message, null, null);
    }

    public DbxException(String message, String hint) {
        this(message, hint, null);
    }

    public DbxException(String message, String hint, Throwable cause) {
        super(Uris.redactText(message), cause);
        this.hint = hint == null ? null : Uris.redactText(hint);
    }

    /** What to do about it, or null. */
    public String hint() {
        return hint;
    }

    /** The message and the hint on one line. */
    public String userMessage() {
        return hint == null ? getMessage() : getMessage() + " (" + hint + ")";
    }
}
