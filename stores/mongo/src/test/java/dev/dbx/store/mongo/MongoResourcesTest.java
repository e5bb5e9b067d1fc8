package dev.dbx.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.ServerResources;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MongoResourcesTest {
    @Test
    void residentMebibytesAndTheCpuTimeOfExtraInfoWhereGiven() {
        Document status = Document.parse(
                "{mem: {bits: 64, resident: 120, virtual: 1500}, extra_info: {user_time_us: 2500000, system_time_us: 500}}");
        assertThat(MongoResources.reading(status))
                .isEqualTo(new ServerResources.Reading(2_500_500_000L, 120L * 1024 * 1024));
        assertThat(MongoResources.reading(Document.parse("{mem: {resident: 7}, extra_info: {note: 'fields vary'}}")))
                .isEqualTo(new ServerResources.Reading(null, 7L * 1024 * 1024));
    }

    @Test
    void mongoJavaServersAnswerHasNeither() {
        Document status = Document.parse("{host: 'h', version: '5.0.0', uptime: 3, connections: {current: 1}, ok: 1}");
        assertThat(MongoResources.reading(status)).isEqualTo(ServerResources.Reading.NONE);
    }
}
