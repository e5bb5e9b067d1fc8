package dev.dbx.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.DbxException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

/** What a user is told for a server that does not answer: with a command that works. */
class Neo4jErrorsTest {
    @Test
    void aServerThatDoesNotAnswerGetsAHintWithTheRightSyntax() {
        BoltTarget target = BoltTarget.parse(URI.create("bolt://dbx:s3cret-pw@127.0.0.1:7687"));
        DbxException e = Neo4jErrors.of(
                target, "connecting", new ServiceUnavailableException("Unable to connect to 127.0.0.1:7687"));
        assertThat(e.getMessage()).contains("no Neo4j server answered").doesNotContain("s3cret-pw");
        assertThat(e.hint()).contains("dbx up --engines neo4j");
    }
}
