package dev.dbx.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.sync.cdc.SyncStatus;
import dev.dbx.sync.cdc.TargetStatus;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** CDC's figures per target: a progress line, a table, or the JSON {@code dbx sync status --json} prints. */
final class SyncStatusRendering {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SyncStatusRendering() {}

    /** One line for progress: each target's applied count, rate, p99 lag and pending. */
    static String line(SyncStatus status) {
        List<String> parts = new ArrayList<>();
        for (TargetStatus t : status.targets()) {
            parts.add(t.target() + " " + Format.count(t.applied()) + " (" + Math.round(t.eventsPerSec()) + "/s, p99 "
                    + t.lagP99Ms() + " ms, " + pending(t.pending()) + " pending"
                    + (t.deadLettered() > 0 ? ", " + t.deadLettered() + " dead-lettered" : "") + ")");
        }
        return String.join("; ", parts) + slot(status);
    }

    static void table(SyncStatus status, PrintStream out) {
        TextTable table = new TextTable(
                "target", "applied", "events/s", "lag p50", "lag p99", "lag max", "pending", "dead-lettered");
        for (TargetStatus t : status.targets()) {
            table.row(
                    t.target(),
                    Format.count(t.applied()),
                    Math.round(t.eventsPerSec()),
                    t.lagP50Ms() + " ms",
                    t.lagP99Ms() + " ms",
                    t.lagMaxMs() + " ms",
                    pending(t.pending()),
                    Format.count(t.deadLettered()));
        }
        table.print(out);
        out.println("lag: from the source's commit to the target's acknowledged write (streamed changes; the"
                + " snapshot's reads have no commit time)" + slot(status));
    }

    static void json(SyncStatus status, PrintStream out) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode targets = root.putArray("targets");
        for (TargetStatus t : status.targets()) {
            targets.addObject()
                    .put("target", t.target())
                    .put("applied", t.applied())
                    .put("eventsPerSec", t.eventsPerSec())
                    .put("lagP50Ms", t.lagP50Ms())
                    .put("lagP99Ms", t.lagP99Ms())
                    .put("lagMaxMs", t.lagMaxMs())
                    .put("pending", t.pending())
                    .put("deadLettered", t.deadLettered());
        }
        if (status.slotRetainedBytes() == null) {
            root.putNull("slotRetainedBytes");
        } else {
            root.put("slotRetainedBytes", status.slotRetainedBytes());
        }
        try {
            out.println(JSON.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pending(long pending) {
        return pending < 0 ? "?" : Format.count(pending);
    }

    private static String slot(SyncStatus status) {
        return status.slotRetainedBytes() == null
                ? ""
                : "; the replication slot retains " + Format.bytes(status.slotRetainedBytes()) + " of WAL";
    }
}
