package dev.dbx.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.workloads.tpch.TpchAnswers;
import dev.dbx.workloads.tpch.TpchSuite;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

/** The pipeline files, offline: they parse, start from orders, and end in the published answers' columns. */
class AggregationQueriesTest {
    @Test
    void everyPipelineEndsInTheColumnsOfItsQuery() {
        assertThat(AggregationQueries.WRITTEN).isEqualTo(TpchSuite.NATIVE);
        for (String query : AggregationQueries.WRITTEN) {
            AggregationQueries.Pipeline pipeline = AggregationQueries.Pipeline.read(query);
            assertThat(pipeline.collection()).as(query).isEqualTo("orders");
            assertThat(pipeline.columns())
                    .as(query)
                    .isEqualTo(TpchAnswers.answer(0.01, query).orElseThrow().columns());
        }
    }

    @Test
    void datesAndDecimalsInThePipelinesAreTyped() {
        Document match = AggregationQueries.Pipeline.read("q06").stages().getFirst();
        Document line = match.get("$match", Document.class)
                .get("lineitems", Document.class)
                .get("$elemMatch", Document.class);
        assertThat(line.get("l_shipdate", Document.class).get("$gte")).isInstanceOf(Date.class);
        assertThat(line.get("l_discount", Document.class).get("$gte"))
                .isEqualTo(new Decimal128(new BigDecimal("0.05")));
    }

    @Test
    void bsonValuesBecomePlainValues() {
        assertThat(AggregationQueries.plain(new Decimal128(new BigDecimal("12.3400"))))
                .isEqualTo(new BigDecimal("12.3400"));
        assertThat(AggregationQueries.plain(Decimal128.parse("-0E-4"))).isEqualTo(new BigDecimal("0E-4"));
        assertThat(AggregationQueries.plain(7)).isEqualTo(7L);
        assertThat(AggregationQueries.plain(new Date(0))).isEqualTo(LocalDate.of(1970, 1, 1));
        assertThat(AggregationQueries.plain(null)).isNull();
    }
}
