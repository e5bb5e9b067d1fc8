package dev.dbx.engine.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.dbx.engine.EngineContractIT;
import dev.dbx.engine.EngineState;
import dev.dbx.engine.EngineStatus;
import dev.dbx.engine.RunningEngine;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MongoEngineIT extends EngineContractIT {
    @Override
    protected String engineName() {
        return "mongo";
    }

    @Override
    protected String expectedProduct() {
        return "mongo-java-server (MongoDB wire-compatible)";
    }

    @Override
    protected String expectedVersionPrefix() {
        // its own version first, then what it emulates: "1.47.0 (emulates MongoDB 5.0.0)"
        return System.getProperty("dbx.test.mongo-java-server.version") + " (emulates MongoDB 5.";
    }

    @Test
    void aDocumentSurvivesAStopAndStartOnTheSameDataDirectory() {
        try (RunningEngine engine = RunningEngine.start(engineName())) {
            try (MongoClient client = MongoClients.create(engine.uri().toString())) {
                things(client, engine.uri()).insertOne(new Document("_id", "kept").append("n", 42));
            }

            engine.supervisor().down(engine.engine());
            EngineStatus again = engine.supervisor().up(engine.engine());
            assertThat(again.state()).isEqualTo(EngineState.running);
            assertThat(again.pid()).isNotEqualTo(engine.pid());

            try (MongoClient client = MongoClients.create(again.uri().toString())) {
                Document found = things(client, again.uri())
                        .find(new Document("_id", "kept"))
                        .first();
                assertThat(found).isNotNull();
                assertThat(found.getInteger("n")).isEqualTo(42);
            }
        }
    }

    @Test
    void theServerJvmRunsWithACappedHeap() throws IOException {
        try (RunningEngine engine = RunningEngine.start(engineName())) {
            String cmdline =
                    Files.readString(Path.of("/proc", Long.toString(engine.pid()), "cmdline"), StandardCharsets.UTF_8);
            List<String> args = Arrays.asList(cmdline.split("\0"));
            assertThat(args).anyMatch(a -> a.startsWith("-Xmx"));
            assertThat(args).contains("dev.dbx.engine.mongo.server.MongoServerMain");
        }
    }

    private static MongoCollection<Document> things(MongoClient client, URI uri) {
        return client.getDatabase(uri.getPath().substring(1)).getCollection("things");
    }
}
