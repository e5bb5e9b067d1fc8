package dev.dbx.app;

import java.io.Console;

/** Whether dbx talks to a person at a terminal (redraw progress in place) or to a log or a pipe. */
final class Terminal {
    private Terminal() {}

    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22+ returns a Console even when redirected; isTerminal() tells the truth there.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only at a terminal
        }
    }
}
