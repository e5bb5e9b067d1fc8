package dev.dbx.core.sync;

import java.util.List;

/**
 * What a source prepared for one capture pipeline, and what the capture process needs to read it (besides the login).
 *
 * @param pipeline the pipeline's name, e.g. "tpch"
 * @param slot the logical replication slot the capture reads through (made by the capture on its first start)
 * @param publication the publication naming the captured tables (pgoutput sends changes of these only)
 * @param tables the captured tables, schema-qualified ("public.lineitem"), the heartbeat table among them
 * @param heartbeatTable the table the heartbeat writes to, schema-qualified
 * @param heartbeatQuery the statement the capture runs on each heartbeat: a write, so a quiet source still gives the
 *     slot a position to confirm
 */
public record CaptureSource(
        String pipeline,
        String slot,
        String publication,
        List<String> tables,
        String heartbeatTable,
        String heartbeatQuery) {
    public CaptureSource {
        tables = List.copyOf(tables);
    }
}
