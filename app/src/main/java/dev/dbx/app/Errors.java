package dev.dbx.app;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;

/** One-line descriptions of failures, for people; never a stack trace, never a password. */
final class Errors {
    private Errors() {}

    static String describe(Throwable e) {
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
