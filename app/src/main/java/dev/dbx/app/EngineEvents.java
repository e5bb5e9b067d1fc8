package dev.dbx.app;

import dev.dbx.lab.EngineEvent;
import java.io.PrintStream;

/** Prints what starting and stopping engines reports, a line per step. */
final class EngineEvents {
    private EngineEvents() {}

    static void print(EngineEvent event, PrintStream out) {
        String line = switch (event) {
            case EngineEvent.Starting s ->
                "dbx: starting " + String.join(", ", s.names()) + " (data in " + s.dataDir() + ")";
            case EngineEvent.Ready r ->
                String.format(
                        "  ✓ %-10s %-45s %s",
                        r.status().name(),
                        r.status().identity(),
                        r.took() != null
                                ? "ready in " + Format.seconds(r.took().toNanos())
                                : r.where().equals("local engine") ? "already running" : r.where());
            case EngineEvent.Failed f -> failed(f);
            case EngineEvent.Skipped s -> "  - " + s.name() + " skipped: " + s.reason();
            case EngineEvent.Stopped s ->
                "  stopped " + s.name() + " (pid " + s.pid() + ") in "
                        + Format.seconds(s.took().toNanos());
            case EngineEvent.CleanedUp c -> "  cleaned up " + c.name() + " (it had crashed, pid " + c.pid() + ")";
            case EngineEvent.Wiped w -> "  wiped " + w.name() + " (" + w.where() + ")";
        };
        out.println(line);
        out.flush();
    }

    private static String failed(EngineEvent.Failed f) {
        StringBuilder text = new StringBuilder("  ✗ " + f.name());
        if (!f.where().equals("local engine")) {
            text.append(" (").append(f.where()).append(")");
        }
        text.append(": ").append(f.message());
        if (!f.logTail().isEmpty()) {
            text.append(System.lineSeparator()).append("    last lines of its log:");
            f.logTail()
                    .forEach(l ->
                            text.append(System.lineSeparator()).append("      ").append(l));
        }
        return text.toString();
    }
}
