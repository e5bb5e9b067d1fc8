package dev.dbx.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbx.core.DbxException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A search answer is taken only when complete: the server flags a search that passed its body's timeout with {@code
 * timed_out} (and answers with what the shards had collected), and counts failed shards in {@code _shards.failed}.
 * Whether a real search passes a 1 ms timeout depends on the machine's speed, so the rule is checked here on the
 * server's documented answer shapes; {@link ElasticsearchQueriesIT} checks that a real run never returns a partial one.
 */
class SearchAnswerTest {
    private static JsonNode json(String text) throws Exception {
        return EsClient.JSON.readTree(text);
    }

    @Test
    void aCompleteAnswerIsTaken() throws Exception {
        JsonNode answer = json("{\"timed_out\": false, \"_shards\": {\"total\": 1, \"failed\": 0}, \"hits\": {}}");
        assertThat(SearchAnalytics.complete(answer, "tpch q01", Duration.ofSeconds(5)))
                .isSameAs(answer);
    }

    @Test
    void aTimedOutAnswerIsAnErrorNotAPartialAnswer() throws Exception {
        JsonNode answer = json("{\"timed_out\": true, \"_shards\": {\"total\": 1, \"failed\": 0}}");
        assertThatThrownBy(() -> SearchAnalytics.complete(answer, "tpch q01", Duration.ofMillis(1)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("passed its timeout of 1 ms and the server answered with partial results");
    }

    @Test
    void aFailedShardIsAnError() throws Exception {
        JsonNode answer = json(
                "{\"timed_out\": false, \"_shards\": {\"total\": 2, \"failed\": 1, \"failures\": [{\"reason\": \"x\"}]}}");
        assertThatThrownBy(() -> SearchAnalytics.complete(answer, "tpch q01", Duration.ofSeconds(5)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("failed on 1 shard(s)");
    }
}
