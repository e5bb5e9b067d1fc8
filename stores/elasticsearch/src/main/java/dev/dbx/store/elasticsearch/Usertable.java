package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.capability.KeyValueSession;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * YCSB's usertable as one index, worked through {@link UsertableSession}s: the record key is the document {@code _id}
 * (reads, updates and deletes go straight to it) and also the keyword field {@code ycsb_key}, which ordered scans sort
 * and range on (sorting on {@code _id} is deprecated or refused by recent servers). The ten fields are stored only in
 * {@code _source}: nothing searches them.
 *
 * <p>Read-your-write without paying a refresh per write: reads are realtime GETs (served from the translog even
 * before a refresh), updates and deletes are by id and realtime too. Only a scan is a search, which sees what the
 * last refresh published; so a scan after this store's own writes first refreshes the index (one cheap call, only
 * when something was written since). Writes of other clients reach scans within the refresh interval (1 s).
 * {@code refresh=wait_for} on every write would cost each write up to a second of latency instead.
 *
 * <p>The sessions share the store's REST client, which multiplexes its pooled HTTP connections (as many as the store's
 * pool size, in total and to the one host): a session takes a connection per request and gives it back.
 */
final class Usertable implements KeyValue {
    private final EsClient client;
    private final String index;
    /** Path prefixes the sessions append a key to, and the search path. */
    final String documentPath;

    final String updatePath;
    final String createPath;
    final String searchPath;

    private final AtomicBoolean unrefreshedWrites = new AtomicBoolean();
    private volatile boolean indexSeen;

    Usertable(EsClient client, String index) {
        this.client = client;
        this.index = index;
        this.documentPath = "/" + index + "/_doc/";
        this.updatePath = "/" + index + "/_update/";
        this.createPath = "/" + index + "/_create/";
        this.searchPath = "/" + index + "/_search";
    }

    @Override
    public KeyValueSession openSession() {
        return new UsertableSession(this, client);
    }

    /**
     * Asked of the server: the usertable index's {@code index.translog.durability} and {@code sync_interval} (set on
     * the index, or the server's defaults), and its refresh interval, which only scans depend on.
     */
    @Override
    public KeyValueSemantics semantics() {
        EsRequest ask = EsRequest.get("/" + index + "/_settings/index.translog.*,index.refresh_interval");
        ask.parameter("include_defaults", "true").parameter("flat_settings", "true");
        EsClient.Reply reply = client.send(ask, "reading the settings of " + index, 404);
        String durability;
        if (reply.status() == 404) {
            durability = "not known: the " + index + " index does not exist yet (the settings are per index; the"
                    + " servers' default is index.translog.durability=request)";
        } else {
            JsonNode settings = reply.body().path(index);
            String mode = setting(settings, "index.translog.durability");
            durability = "index.translog.durability=" + mode
                    + (mode.toLowerCase(Locale.ROOT).startsWith("request")
                            ? ": the translog is fsynced before a write is acknowledged"
                            : ": the translog is fsynced every index.translog.sync_interval="
                                    + setting(settings, "index.translog.sync_interval")
                                    + ", so a crash loses the writes acknowledged since")
                    + "; scans see writes after index.refresh_interval=" + setting(settings, "index.refresh_interval")
                    + " (this store refreshes before a scan that follows its own writes)";
        }
        return new KeyValueSemantics(
                KeyValueSemantics.Update.ATOMIC,
                durability,
                true, // reads are realtime GETs by _id: they see a write before any refresh
                "an update is a partial _update of one document, applied atomically under its version; when two"
                        + " sessions update one record at once the server re-runs the loser (retry_on_conflict=3, not"
                        + " counted here), and past that the update fails with a version conflict (409)");
    }

    /** A setting's value as the server spells it, and where it comes from, e.g. "REQUEST (the server's default)". */
    private static String setting(JsonNode settings, String name) {
        JsonNode set = settings.path("settings").get(name);
        if (set != null && !set.isNull()) {
            return set.asText() + " (set on the index)";
        }
        JsonNode fallback = settings.path("defaults").get(name);
        return fallback != null && !fallback.isNull() ? fallback.asText() + " (the server's default)" : "not reported";
    }

    /** Notes that something was written which searches cannot see yet. */
    void written() {
        if (!unrefreshedWrites.get()) {
            unrefreshedWrites.set(true);
        }
    }

    /** Makes this store's own writes visible to searches (scans, counts) before one runs. */
    void refreshIfWritten() {
        if (unrefreshedWrites.getAndSet(false)) {
            EsRequest refresh = EsRequest.post("/" + index + "/_refresh").slow();
            refresh.parameter("ignore_unavailable", "true");
            client.send(refresh, "refreshing " + index);
        }
    }

    /** Forgets that the index was seen (it was just dropped). */
    void forget() {
        indexSeen = false;
    }

    /**
     * Writes to a missing index would make the server create it with a guessed (dynamic) mapping: check once that
     * dbx's own index is there.
     */
    void requireIndex() {
        if (indexSeen) {
            return;
        }
        EsClient.Reply reply = client.send(EsRequest.head("/" + index), "checking for " + index, 404);
        if (reply.status() == 404) {
            throw new DbxException(
                    "index " + index + " does not exist on " + client.endpoint().redacted(),
                    "create the ycsb dataset first (dbx load ycsb)");
        }
        indexSeen = true;
    }

    /**
     * Whether the document of a request by id was there: a 404 for a missing document is an answer (false), a 404 for
     * a missing index is a mistake worth saying.
     */
    boolean found(EsClient.Reply reply, String doing, String key) {
        if (reply.status() != 404) {
            return true;
        }
        if (EsErrors.errorType(reply.body()).equals("index_not_found_exception")) {
            throw EsErrors.status(client.endpoint(), doing + key, 404, reply.body());
        }
        return false;
    }
}
