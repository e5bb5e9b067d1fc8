package dev.dbx.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.Stores;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a real OpenSearch node in a test cannot show: Elasticsearch's answers, a login refused, a server that is not
 * one, a server that never answers, and bulk responses with busy or rejected items. A small HTTP server plays them.
 */
class FakeServerTest {
    private static final String ES8_ROOT = "{\"name\":\"n\",\"cluster_name\":\"c\",\"version\":{\"number\":\"8.15.0\","
            + "\"build_flavor\":\"default\",\"lucene_version\":\"9.11.1\"},\"tagline\":\"You Know, for Search\"}";
    private static final String OS2_ROOT = "{\"name\":\"n\",\"version\":{\"distribution\":\"opensearch\","
            + "\"number\":\"2.11.0\"},\"tagline\":\"The OpenSearch Project: https://opensearch.org/\"}";

    private record Answer(int status, String body, long delayMillis) {}

    /** An answer that is no answer: the connection is closed instead. */
    private static final int HANG_UP = -1;

    private HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-es");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Answer answer;
        synchronized (answers) {
            answer = answers.size() > 1 ? answers.poll() : answers.peek();
        }
        if (answer.status() == HANG_UP) {
            // a server killed in the middle of an exchange: the connection closes with no response
            exchange.getResponseBody().close();
            exchange.close();
            return;
        }
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void answers(Answer... list) {
        synchronized (answers) {
            answers.clear();
            answers.addAll(List.of(list));
        }
    }

    private URI uri(String userInfo) {
        return URI.create(
                "http://" + userInfo + "127.0.0.1:" + server.getAddress().getPort());
    }

    private ServerIdentity identityOf(String root) {
        answers(new Answer(200, root, 0));
        try (Store store = Stores.open("elasticsearch", uri(""), Duration.ofSeconds(5))) {
            return store.identity();
        }
    }

    @Test
    void elasticsearchIsToldByItsTaglineAndOpenSearchByItsDistribution() {
        assertThat(identityOf(ES8_ROOT)).isEqualTo(new ServerIdentity("Elasticsearch", "8.15.0"));
        assertThat(identityOf(OS2_ROOT)).isEqualTo(new ServerIdentity("OpenSearch", "2.11.0"));
    }

    @Test
    void refusedCredentialsGiveAClearErrorWithoutThePassword() {
        answers(new Answer(
                401, "{\"error\":{\"type\":\"security_exception\",\"reason\":\"unable to authenticate\"}}", 0));
        assertThatThrownBy(() -> Stores.open("es", uri("elastic:secret@"), Duration.ofSeconds(5)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("refused the credentials")
                .hasMessageNotContaining("secret")
                .satisfies(e -> assertThat(((DbxException) e).hint()).contains("user and password"));
    }

    @Test
    void aServerThatIsNotElasticsearchIsNamedAsSuch() {
        answers(new Answer(200, "<html>welcome to nginx</html>", 0));
        assertThatThrownBy(() -> Stores.open("opensearch", uri(""), Duration.ofSeconds(5)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("is not Elasticsearch or OpenSearch")
                .hasMessageContaining("nginx");
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheTimeout() {
        answers(new Answer(200, ES8_ROOT, 20_000));
        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertThatThrownBy(() -> Stores.open("elasticsearch", uri("u:secret@"), Duration.ofMillis(700)))
                        .isInstanceOf(DbxException.class)
                        .hasMessageContaining("no answer")
                        .hasMessageNotContaining("secret"));
    }

    @Test
    void aServerThatGoesAwayMidRequestIsSaidToHaveGoneNotToBeTheWrongScheme() {
        answers(new Answer(200, OS2_ROOT, 0), new Answer(HANG_UP, "", 0));
        try (Store store = Stores.open("elasticsearch", uri(""), Duration.ofSeconds(5))) {
            assertThatThrownBy(store::identity)
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("lost the connection")
                    .satisfies(e -> assertThat(((DbxException) e).hint())
                            .contains("still running")
                            .doesNotContain("http or https"));
        }
    }

    @Test
    void busyItemsAreSentAgainAloneAndAllAreCounted() {
        answers(
                new Answer(429, "{\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"busy\"}}", 0),
                new Answer(
                        200,
                        "{\"errors\":true,\"items\":[{\"index\":{\"_id\":\"a\",\"status\":201}},"
                                + "{\"index\":{\"_id\":\"b\",\"status\":429,\"error\":{\"type\":"
                                + "\"es_rejected_execution_exception\",\"reason\":\"queue full\"}}},"
                                + "{\"index\":{\"_id\":\"c\",\"status\":201}}]}",
                        0),
                new Answer(200, "{\"errors\":false,\"items\":[{\"index\":{\"_id\":\"b\",\"status\":201}}]}", 0));
        long written;
        try (EsClient client = client();
                BulkWriter writer = new BulkWriter(client, "dbx-test", 1)) {
            for (String id : List.of("a", "b", "c")) {
                writer.add(id, g -> g.writeStringField("f", "value-" + id));
            }
            writer.close();
            written = writer.written();
        }
        assertThat(bodies).hasSize(3);
        assertThat(bodies.get(0)).isEqualTo(bodies.get(1)).contains("value-a", "value-b", "value-c");
        assertThat(bodies.get(2)).isEqualTo("{\"index\":{\"_id\":\"b\"}}\n{\"f\":\"value-b\"}\n");
        assertThat(written).isEqualTo(3);
    }

    @Test
    void aRejectedItemFailsTheLoadWithTheServersReason() {
        answers(new Answer(
                200,
                "{\"errors\":true,\"items\":[{\"index\":{\"_id\":\"a\",\"status\":201}},"
                        + "{\"index\":{\"_id\":\"b\",\"status\":400,\"error\":{\"type\":\"mapper_parsing_exception\","
                        + "\"reason\":\"failed to parse field [d] of type [date]\"}}}]}",
                0));
        try (EsClient client = client()) {
            BulkWriter writer = new BulkWriter(client, "dbx-test", 2);
            writer.add("a", g -> g.writeStringField("d", "2024-01-01"));
            writer.add("b", g -> g.writeStringField("d", "not a date"));
            assertThatThrownBy(writer::close)
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("rejected 1 of 2 documents")
                    .hasMessageContaining("id 'b'")
                    .hasMessageContaining("mapper_parsing_exception: failed to parse field [d]");
        }
    }

    @Test
    void theDurabilityIsTheUsertableIndexsTranslogSettingAsTheServerReportsIt() {
        answers(
                new Answer(200, OS2_ROOT, 0),
                new Answer(
                        200,
                        "{\"dbx-ycsb-usertable\":{\"settings\":{\"index.translog.durability\":\"async\"},"
                                + "\"defaults\":{\"index.translog.sync_interval\":\"5s\","
                                + "\"index.refresh_interval\":\"1s\"}}}",
                        0));
        try (Store store = Stores.open("opensearch", uri(""), Duration.ofSeconds(5))) {
            KeyValueSemantics semantics = store.require(KeyValue.class).semantics();
            assertThat(semantics.durability())
                    .startsWith("index.translog.durability=async (set on the index)")
                    .contains("index.translog.sync_interval=5s (the server's default)")
                    .contains("index.refresh_interval=1s (the server's default)");
            assertThat(semantics.update()).isEqualTo(KeyValueSemantics.Update.ATOMIC);
        }
        assertThat(bodies).hasSize(2);
    }

    private EsClient client() {
        Endpoint endpoint = Endpoint.parse(uri(""));
        Duration timeout = Duration.ofSeconds(5);
        return new EsClient(RestClients.build(endpoint, timeout, 2), endpoint, timeout);
    }
}
