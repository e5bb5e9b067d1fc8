package dev.dbx.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.core.Uris;
import dev.dbx.engine.EngineState;
import dev.dbx.engine.EngineStatus;
import dev.dbx.engine.LabSecret;
import dev.dbx.engine.LocalEngine;
import dev.dbx.lab.Lab;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Prints engine statuses as a table (for people) or JSON (for scripts). */
final class StatusReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatusReport() {}

    static void table(List<EngineStatus> statuses, PrintStream out) {
        TextTable table = new TextTable("ENGINE", "STATE", "SERVER", "URI", "PID", "RSS", "STARTED", "UPTIME");
        for (EngineStatus s : statuses) {
            table.row(
                    s.name(),
                    s.state(),
                    s.identity(),
                    uri(s),
                    s.state() == EngineState.running ? s.pid() : null,
                    Format.bytes(s.rssBytes()),
                    s.state() == EngineState.running ? Format.time(s.startedAt()) : null,
                    s.state() == EngineState.running ? Format.duration(uptime(s)) : null);
        }
        table.print(out);
        for (EngineStatus s : statuses) {
            if (s.dataBytes() != null) {
                out.println(s.name() + ": files " + Format.bytes(s.dataBytes()));
            }
            if (s.message() != null) {
                out.println(s.name() + ": " + s.message());
            }
            if (!s.logTail().isEmpty()) {
                out.println("  last lines of its log:");
                s.logTail().forEach(line -> out.println("    " + line));
            }
        }
    }

    static void json(List<EngineStatus> statuses, PrintStream out) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode engines = root.putArray("engines");
        for (EngineStatus s : statuses) {
            ObjectNode e = engines.addObject();
            e.put("name", s.name());
            e.put("state", s.state().name());
            e.put("server", s.identity() == null ? null : s.identity().toString());
            e.put("product", s.identity() == null ? null : s.identity().product());
            e.put("version", s.identity() == null ? null : s.identity().version());
            e.put("uri", uri(s));
            e.put("pid", s.state() == EngineState.running ? s.pid() : null);
            e.put("rssBytes", s.rssBytes());
            e.put("dataBytes", s.dataBytes());
            e.put("startedAt", s.startedAt() == null ? null : s.startedAt().toString());
            Duration up = s.state() == EngineState.running ? uptime(s) : null;
            e.put("uptimeSeconds", up == null ? null : up.toSeconds());
            e.put("message", s.message());
            ArrayNode tail = e.putArray("logTail");
            s.logTail().forEach(tail::add);
        }
        try {
            out.println(JSON.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the lab's secret is, and which selected engines take no password (and why). */
    static void security(Lab lab, Set<String> selected, PrintStream out) {
        out.println("local engines ask for user " + LabSecret.USER + " and the lab's secret: "
                + LabSecret.path(lab.dataDir()) + " (yours alone; 'dbx secret' prints it, 'dbx secret --uri STORE' a"
                + " whole URI)");
        for (LocalEngine engine : lab.localEngines()) {
            if (selected.contains(engine.name())) {
                engine.unprotectedReason().ifPresent(why -> out.println(engine.name() + ": no password: " + why));
            }
        }
    }

    static String uri(EngineStatus s) {
        return s.uri() == null ? null : Uris.redact(s.uri());
    }

    private static Duration uptime(EngineStatus s) {
        return s.startedAt() == null ? null : Duration.between(s.startedAt(), Instant.now());
    }
}
