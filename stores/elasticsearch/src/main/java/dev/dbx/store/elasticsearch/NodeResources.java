package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbx.core.capability.OwnClientResources;
import dev.dbx.core.capability.ServerResources;
import java.time.Duration;
import java.util.Iterator;

/**
 * The CPU and memory Elasticsearch or OpenSearch reports of the node the URI reaches ({@code _nodes/_local/stats}):
 * {@code process.cpu.total_in_millis}, the node process's CPU time, and {@code jvm.mem.heap_used_in_bytes}, its JVM
 * heap in use. The node stats report no resident set ({@code process.mem} holds only the virtual size, which says
 * nothing of use): the heap is what the server itself says it holds, and the source says it is the heap. In a cluster
 * these are one node's figures, the one dbx's requests reach first.
 *
 * <p>One small GET a reading ({@code filter_path} keeps the answer to the two figures), through a REST client of its
 * own with one connection and {@link ServerResources#TIMEOUT} for connecting and answering, made at the first reading:
 * never a benchmark session's connection. A failure gives a reading without figures. Making the client does not reach
 * the server (it connects per request): a dead server fails each reading's request within the timeout, and
 * {@link OwnClientResources#RETRY_AFTER} applies only where the client cannot be made at all.
 */
final class NodeResources extends OwnClientResources<EsClient> {
    static final String SOURCE = "Elasticsearch/OpenSearch _nodes/_local/stats of the node reached (CPU:"
            + " process.cpu.total_in_millis; memory: JVM heap in use, jvm.mem.heap_used_in_bytes, as the node stats"
            + " report no resident set)";

    private static final String PATH = "/_nodes/_local/stats/process,jvm";
    private static final String FILTER = "nodes.*.process.cpu.total_in_millis,nodes.*.jvm.mem.heap_used_in_bytes";

    private final Endpoint endpoint;
    private final Duration timeout;

    NodeResources(Endpoint endpoint, Duration storeTimeout) {
        this.endpoint = endpoint;
        this.timeout = ServerResources.timeout(storeTimeout);
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    protected EsClient connect() {
        return new EsClient(RestClients.build(endpoint, timeout, 1), endpoint, timeout);
    }

    @Override
    protected Reading read(EsClient client) {
        return reading(client.call(EsRequest.get(PATH).parameter("filter_path", FILTER), "reading the node's stats"));
    }

    /** The figures of the one node in a {@code _nodes/_local/stats} answer; each null when missing. */
    static Reading reading(JsonNode body) {
        Iterator<JsonNode> nodes = body.path("nodes").elements();
        if (!nodes.hasNext()) {
            return Reading.NONE;
        }
        JsonNode node = nodes.next();
        JsonNode cpuMillis = node.path("process").path("cpu").path("total_in_millis");
        JsonNode heap = node.path("jvm").path("mem").path("heap_used_in_bytes");
        // a node that cannot read its CPU time reports -1
        Long cpu = cpuMillis.isIntegralNumber() && cpuMillis.asLong() >= 0 ? cpuMillis.asLong() * 1_000_000L : null;
        Long memory = heap.isIntegralNumber() && heap.asLong() > 0 ? heap.asLong() : null;
        return new Reading(cpu, memory);
    }
}
