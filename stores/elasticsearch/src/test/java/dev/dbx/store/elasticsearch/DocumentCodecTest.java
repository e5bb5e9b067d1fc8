package dev.dbx.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.workloads.dataset.TpchSource;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DocumentCodecTest {
    @Test
    void everyTpchEntityRoundTripsExactlyThroughJson() throws Exception {
        TpchSource source = new TpchSource(0.001);
        for (Entity entity : TpchSchema.DATASET.entities()) {
            try (RowStream rows = source.rows(entity)) {
                for (int n = 0; n < 50 && rows.hasNext(); n++) {
                    Object[] row = rows.next();
                    JsonNode doc = EsClient.JSON.readTree(write(entity, row));
                    assertThat(DocumentCodec.readRow(entity, doc))
                            .as(entity.name())
                            .containsExactly(row);
                }
            }
        }
    }

    @Test
    void decimalsAreWrittenAsPlainNumbersWithTheirScaleAndCompositeKeysJoined() throws Exception {
        Entity partsupp = TpchSchema.PARTSUPP;
        String json = write(partsupp, new Object[] {1L, 2L, 3L, new BigDecimal("1234567.50"), "c"});
        assertThat(json).contains("\"ps_supplycost\":1234567.50").doesNotContain("E+");
        assertThat(DocumentCodec.id(partsupp, new Object[] {1L, 2L, 3L, BigDecimal.ONE, "c"}))
                .isEqualTo("1|2");
    }

    private static String write(Entity entity, Object[] row) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = EsClient.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            DocumentCodec.writeFields(g, entity, row, null);
            g.writeEndObject();
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
