package dev.dbx.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Neo4jGraphTest {
    @Test
    void theLevelBlockIsWrittenOncePerHop() {
        Neo4jGraph graph = new Neo4jGraph(null);
        String three = graph.reachableCypher(3);
        assertThat(three.split("CALL \\(reached\\)", -1)).hasSize(4);
        assertThat(three).doesNotContain("level: begin").endsWith("AS key_sum\n");
        assertThat(graph.reachableCypher(1).split("CALL \\(reached\\)", -1)).hasSize(2);
    }
}
