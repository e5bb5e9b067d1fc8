package dev.dbx.core;

/** One-line descriptions of failures, for people and for reports: never a stack trace, never a password. */
public final class Failures {
    private Failures() {}

    /** A {@link DbxException}'s message and hint; otherwise the first line of the message (or the root cause's). */
    public static String describe(Throwable e) {
        if (e instanceof DbxException d) {
            return d.userMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = root.getMessage();
        }
        String text = message == null ? e.getClass().getSimpleName() : message;
        int newline = text.indexOf('\n');
        return Uris.redactText(newline < 0 ? text : text.substring(0, newline));
    }
}
