package dev.dbx.store.redis;

import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.sync.Change;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies changes to the hashes and sorted sets of {@code KEYSPACE.md}: one Lua script per change
 * ({@code scripts/row-change.lua}) writes the row's hash, its id in the id set and its members in the secondary sorted
 * sets in one atomic step. The script finds the secondary entries of the row as it is now from its hash, so an update
 * or a delete removes the stale ones (an order moved to another customer leaves the old customer's set) without a
 * before-image and without a window in which another client could change the row. The scripts of a batch are
 * pipelined in the batch's order on a connection of the sink's own (EVALSHA: only the script's digest travels), so
 * changes of one key apply in order and a batch costs one round trip per {@value #FLUSH_CHANGES} changes. Redis keeps
 * no copy of a row elsewhere: the secondary sorted sets are the only other place a row is.
 */
final class RedisSink implements Sink {
    /** Changes sent per write: one batch on the wire while the next is queued. */
    static final int FLUSH_CHANGES = 1_000;

    private static final LuaScript SCRIPT = LuaScript.load("row-change.lua");

    private final RedisConnector connector;
    private final KeyScheme keys;
    private final Map<String, SecondaryIndexes> indexes = new HashMap<>();
    private Pipeline<String> pipeline; // opened on first use, dropped after a failure; guarded by this

    RedisSink(RedisConnector connector, KeyScheme keys) {
        this.connector = connector;
        this.keys = keys;
    }

    @Override
    public String method() {
        return "EVALSHA of one Lua script per change (hash, id set and secondary sorted sets in one atomic step, stale"
                + " entries found from the row's current hash), pipelined in batch order on a connection of its own, "
                + FLUSH_CHANGES + " changes per write";
    }

    @Override
    public synchronized void apply(Dataset dataset, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        // every change is checked and encoded before anything is sent
        List<Script> scripts = new ArrayList<>(changes.size());
        Map<String, Target> targets = new HashMap<>();
        for (Change change : changes) {
            Target target =
                    targets.computeIfAbsent(change.entity().name(), name -> new Target(dataset, dataset.entity(name)));
            scripts.add(target.script(change));
        }
        RedisErrors.call("applying " + changes.size() + " changes to the " + dataset.name() + " dataset", () -> {
            try {
                send(scripts);
            } catch (RedisNoScriptException e) {
                // the server forgot the script (SCRIPT FLUSH, a restart): load it again; applying twice is safe
                send(scripts);
            }
            return null;
        });
    }

    private void send(List<Script> scripts) {
        Pipeline<String> p = pipeline();
        try {
            int queued = 0;
            for (Script script : scripts) {
                p.add(p.commands().evalsha(SCRIPT.digest(), ScriptOutputType.INTEGER, script.keys(), script.args()));
                if (++queued % FLUSH_CHANGES == 0) {
                    p.send();
                }
            }
            p.finish();
        } catch (RuntimeException e) {
            // replies may still be on their way: the connection cannot be trusted with the next batch
            close();
            throw e;
        }
    }

    /** The sink's connection, with the script loaded. */
    private Pipeline<String> pipeline() {
        if (pipeline == null) {
            Pipeline<String> opened = new Pipeline<>(connector.connect(), connector.timeout());
            try {
                var loaded = opened.commands().scriptLoad(SCRIPT.text());
                opened.flush();
                opened.await(loaded);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            pipeline = opened;
        }
        return pipeline;
    }

    synchronized void close() {
        if (pipeline != null) {
            try {
                pipeline.close();
            } finally {
                pipeline = null;
            }
        }
    }

    /** One EVALSHA's keys and arguments. */
    private record Script(String[] keys, String[] args) {}

    /** Where the rows of one entity live, and how a change of one becomes the script's keys and arguments. */
    private final class Target {
        private final EntityLayout layout;
        private final List<SecondaryIndex> secondary;
        private final String idSet;
        private final String rowPrefix;
        private final String secondaryPrefix;
        private final String[] fields;

        Target(Dataset dataset, Entity entity) {
            this.layout = EntityLayout.of(entity);
            this.secondary = indexes.computeIfAbsent(dataset.name(), n -> SecondaryIndexes.of(dataset))
                    .of(entity);
            this.idSet = keys.idSet(dataset, entity);
            this.rowPrefix = keys.rowPrefix(dataset, entity);
            this.secondaryPrefix = keys.secondaryPrefix(dataset, entity);
            this.fields = layout.fieldNames();
        }

        /** See the argument list at the top of {@code row-change.lua}. */
        Script script(Change change) {
            Object[] row = change.row();
            boolean upsert = !change.isDelete();
            String id = layout.id(row);
            List<String> scriptKeys = new ArrayList<>(2 + secondary.size());
            scriptKeys.add(rowPrefix + id);
            scriptKeys.add(idSet);
            List<String> args = new ArrayList<>(8 + 6 * secondary.size() + 2 * fields.length);
            args.add(upsert ? "upsert" : "delete");
            args.add(id);
            args.add(Resp.scoreText(layout.idScore(row)));
            args.add(Integer.toString(secondary.size()));
            for (SecondaryIndex index : secondary) {
                List<String> template = index.template(secondaryPrefix, row);
                args.add(Integer.toString(template.size() / 2));
                args.addAll(template);
                if (upsert) {
                    scriptKeys.add(index.key(secondaryPrefix, row));
                    args.add(Resp.scoreText(index.score(row)));
                } else {
                    args.add("");
                }
            }
            if (upsert) {
                String[] values = layout.values(row);
                for (int i = 0; i < fields.length; i++) {
                    if (values[i] != null) {
                        args.add(fields[i]);
                        args.add(values[i]);
                    }
                }
            }
            return new Script(scriptKeys.toArray(String[]::new), args.toArray(String[]::new));
        }
    }
}
