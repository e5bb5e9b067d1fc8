package dev.dbx.engine.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.Uris;
import dev.dbx.engine.EngineContractIT;
import dev.dbx.engine.EngineState;
import dev.dbx.engine.EngineStatus;
import dev.dbx.engine.RunningEngine;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.AuthenticationException;

class Neo4jEngineIT extends EngineContractIT {
    @Override
    protected String engineName() {
        return "neo4j";
    }

    @Override
    protected String expectedProduct() {
        return "Neo4j";
    }

    @Override
    protected String expectedVersionPrefix() {
        return "2026.";
    }

    @Test
    void aNodeSurvivesAStopAndStartOnTheSameDataDirectory() {
        try (RunningEngine engine = RunningEngine.start(engineName())) {
            run(engine.uri(), "CREATE (:Survivor {name: $name})", Map.of("name", "kept"));

            long stopStart = System.nanoTime();
            engine.supervisor().down(engine.engine());
            Duration stop = Duration.ofNanos(System.nanoTime() - stopStart);
            System.out.println("neo4j stopped in " + stop.toMillis() + " ms");
            // generous: Bolt's default shutdown quiet periods alone would take ~10 s
            assertThat(stop).isLessThan(Duration.ofSeconds(20));
            assertThat(engine.supervisor().status(engine.engine(), false).state())
                    .isEqualTo(EngineState.stopped);

            EngineStatus again = engine.supervisor().up(engine.engine());
            assertThat(again.state()).isEqualTo(EngineState.running);
            assertThat(run(again.uri(), "MATCH (n:Survivor) RETURN count(n) AS n", Map.of()))
                    .isEqualTo(1);
        }
    }

    @Test
    void onlyDbxWithTheLabsSecretGetsIn() throws IOException {
        try (RunningEngine engine = RunningEngine.start(engineName())) {
            URI uri = engine.uri();
            String secret = Uris.password(uri, null);
            assertThat(Uris.user(uri, null)).isEqualTo("dbx");
            assertThat(secret).hasSize(32);

            // with the secret: in, and dbx is the only user (no default neo4j user with its well-known password)
            assertThat(run(uri, "RETURN 1", Map.of())).isEqualTo(1);
            try (Driver driver = driver(uri, Neo4jEngine.authToken(uri));
                    Session system = driver.session(SessionConfig.forDatabase("system"))) {
                List<String> users = system.run("SHOW USERS YIELD user RETURN user")
                        .list(r -> r.get("user").asString());
                assertThat(users).containsExactly("dbx");
            }

            // without credentials, with a wrong password, as neo4j with its old default password: refused
            assertRefused(uri, AuthTokens.none());
            assertRefused(uri, AuthTokens.basic("dbx", "not-the-secret"));
            assertRefused(uri, AuthTokens.basic("neo4j", "neo4j"));
            assertRefused(uri, AuthTokens.basic("neo4j", secret));
            // failed logins lock nobody out: dbx still gets in at once
            assertThat(run(uri, "RETURN 2", Map.of())).isEqualTo(2);

            // the secret was never on the server's command line, and the file that carried it is gone
            String cmdline =
                    Files.readString(Path.of("/proc", Long.toString(engine.pid()), "cmdline"), StandardCharsets.UTF_8);
            assertThat(cmdline).doesNotContain(secret);
            Path home = engine.supervisor().home(engine.engine());
            assertThat(home.resolve(Neo4jEngine.SECRET_FILE)).doesNotExist();
            assertThat(home.resolve("data").resolve("dbx-auth")).exists();
        }
    }

    private static void assertRefused(URI uri, AuthToken token) {
        try (Driver driver = driver(uri, token)) {
            assertThatThrownBy(driver::verifyConnectivity)
                    .isInstanceOf(AuthenticationException.class)
                    .satisfies(e -> assertThat(((AuthenticationException) e).code())
                            .isEqualTo("Neo.ClientError.Security.Unauthorized"));
        }
    }

    private static Driver driver(URI uri, AuthToken token) {
        Config quiet = Config.builder().withLogging(Logging.none()).build();
        return GraphDatabase.driver(Neo4jEngine.withoutUserInfo(uri), token, quiet);
    }

    /** Runs {@code cypher} and returns the first column of its single row as an int, or -1 when there is none. */
    private static int run(URI uri, String cypher, Map<String, Object> parameters) {
        try (Driver driver = driver(uri, Neo4jEngine.authToken(uri));
                Session session = driver.session()) {
            var result = session.run(cypher, parameters);
            return result.hasNext() ? result.single().get(0).asInt() : -1;
        }
    }
}
