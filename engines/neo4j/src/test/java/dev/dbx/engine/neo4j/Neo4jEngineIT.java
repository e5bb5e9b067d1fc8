package dev.dbx.engine.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.engine.EngineContractIT;
import dev.dbx.engine.EngineState;
import dev.dbx.engine.EngineStatus;
import dev.dbx.engine.RunningEngine;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;

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

    /** Runs {@code cypher} and returns the first column of its single row as an int, or -1 when there is none. */
    private static int run(URI uri, String cypher, Map<String, Object> parameters) {
        Config quiet = Config.builder().withLogging(Logging.none()).build();
        try (Driver driver = GraphDatabase.driver(uri, AuthTokens.none(), quiet);
                Session session = driver.session()) {
            var result = session.run(cypher, parameters);
            return result.hasNext() ? result.single().get(0).asInt() : -1;
        }
    }
}
