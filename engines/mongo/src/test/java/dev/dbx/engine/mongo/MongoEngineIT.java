package dev.dbx.engine.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSecurityException;
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
import java.nio.file.attribute.PosixFilePermissions;
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

    /**
     * mongo-java-server cannot check a password (it has no authentication at all), so the local engine's URI carries
     * none and anyone who reaches the port is in. This pins that fact: a client that does send credentials is refused
     * because the server does not know the command that would check them. Should a future mongo-java-server answer
     * {@code saslStart}, this fails, and the engine should start asking for the lab's secret.
     */
    @Test
    void theServerHasNoAuthenticationToAskTheSecretWith() {
        try (RunningEngine engine = RunningEngine.start(engineName())) {
            URI uri = engine.uri();
            assertThat(uri.getUserInfo())
                    .as("no credentials: the server could not check them")
                    .isNull();
            String withCredentials = "mongodb://dbx:some-secret@" + uri.getHost() + ":" + uri.getPort()
                    + "/dbx?authSource=admin&serverSelectionTimeoutMS=5000";
            try (MongoClient client = MongoClients.create(withCredentials)) {
                assertThatThrownBy(() -> client.getDatabase("dbx").runCommand(new Document("ping", 1)))
                        .isInstanceOf(MongoSecurityException.class)
                        .rootCause()
                        .isInstanceOf(MongoCommandException.class)
                        .hasMessageContaining("no such command: 'saslStart'");
            }
        }
    }

    @Test
    void itsFilesAreTheOwnersOnly() throws IOException {
        try (RunningEngine engine = RunningEngine.start(engineName())) {
            try (MongoClient client = MongoClients.create(engine.uri().toString())) {
                things(client, engine.uri()).insertOne(new Document("_id", "private"));
            }
            Path home = engine.supervisor().home(engine.engine());
            Path data = home.resolve("data");
            assertThat(mode(engine.dataDir())).isEqualTo("rwx------");
            assertThat(mode(home)).isEqualTo("rwx------");
            assertThat(mode(data)).isEqualTo("rwx------");
            try (var files = Files.walk(home)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    assertThat(mode(p)).as("%s", p).isEqualTo("rw-------");
                }
            }
            assertThat(data.resolve("mongo-java-server.mv")).exists();
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static MongoCollection<Document> things(MongoClient client, URI uri) {
        return client.getDatabase(uri.getPath().substring(1)).getCollection("things");
    }
}
