package dev.dbx.engine.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbx.engine.EngineContractIT;
import dev.dbx.engine.EngineState;
import dev.dbx.engine.EngineStatus;
import dev.dbx.engine.RunningEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenSearchEngineIT extends EngineContractIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected String engineName() {
        return "opensearch";
    }

    @Override
    protected String expectedProduct() {
        return "OpenSearch";
    }

    @Override
    protected String expectedVersionPrefix() {
        return "3.";
    }

    @Test
    void aDocumentSurvivesAStopAndStartOnTheSameDataDirectory() throws Exception {
        try (RunningEngine engine = RunningEngine.start("opensearch");
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build()) {
            URI uri = engine.uri();
            HttpResponse<String> indexed = http.send(
                    HttpRequest.newBuilder(uri.resolve("/notes/_doc/1?refresh=true"))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"text\":\"kept across restarts\"}"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);

            engine.supervisor().down(engine.engine());
            assertThat(engine.supervisor().status(engine.engine(), false).state())
                    .isEqualTo(EngineState.stopped);
            EngineStatus restarted = engine.supervisor().up(engine.engine());
            assertThat(restarted.state()).isEqualTo(EngineState.running);
            assertThat(restarted.uri()).isEqualTo(uri);

            HttpResponse<String> read = http.send(
                    HttpRequest.newBuilder(uri.resolve("/notes/_doc/1"))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            JsonNode doc = JSON.readTree(read.body());
            assertThat(doc.path("found").asBoolean()).isTrue();
            assertThat(doc.path("_source").path("text").asText()).isEqualTo("kept across restarts");
        }
    }
}
