package dev.dbx.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.ServerResources;
import org.junit.jupiter.api.Test;

class NodeResourcesTest {
    @Test
    void cpuMillisAndHeapInUseOfTheOneNode() throws Exception {
        String body = """
                {"nodes":{"aBcD":{"process":{"cpu":{"total_in_millis":12345}},
                "jvm":{"mem":{"heap_used_in_bytes":268435456}}}}}""";
        assertThat(NodeResources.reading(EsClient.JSON.readTree(body)))
                .isEqualTo(new ServerResources.Reading(12_345_000_000L, 268_435_456L));
    }

    @Test
    void aNodeThatCannotReadItsCpuOrAnEmptyAnswerGivesNoFigure() throws Exception {
        String body = """
                {"nodes":{"aBcD":{"process":{"cpu":{"total_in_millis":-1}}}}}""";
        assertThat(NodeResources.reading(EsClient.JSON.readTree(body))).isEqualTo(ServerResources.Reading.NONE);
        assertThat(NodeResources.reading(EsClient.JSON.readTree("{}"))).isEqualTo(ServerResources.Reading.NONE);
    }
}
