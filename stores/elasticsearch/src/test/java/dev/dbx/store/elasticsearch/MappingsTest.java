package dev.dbx.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.dataset.YcsbSchema;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The mapping resources match the schemas: every column mapped, with a type that keeps its values exact. */
class MappingsTest {
    @Test
    void everyColumnIsMappedWithAFittingType() {
        for (Dataset dataset : List.of(TpchSchema.DATASET, YcsbSchema.DATASET)) {
            for (Entity entity : dataset.entities()) {
                JsonNode mapping = IndexDefinitions.mapping(dataset, entity);
                assertThat(mapping.path("dynamic").asText())
                        .as("%s is strict", entity.name())
                        .isEqualTo("strict");
                Optional<IndexLayout.Embedding> embedding = IndexLayout.embedding(dataset, entity);
                JsonNode properties = embedding.isPresent()
                        ? mapping.path("properties")
                                .path(embedding.get().path())
                                .path("properties")
                        : mapping.path("properties");
                for (Column column : entity.columns()) {
                    if (embedding.isPresent()
                            && column.name().equals(embedding.get().childKey())) {
                        assertThat(properties.has(column.name())).isFalse();
                        continue;
                    }
                    JsonNode field = properties.path(column.name());
                    String type = field.path("type").asText();
                    String what = entity.name() + "." + column.name();
                    switch (column.type()) {
                        case INTEGER -> assertThat(type).as(what).isIn("long", "integer");
                        case DECIMAL -> {
                            assertThat(type).as(what).isEqualTo("scaled_float");
                            assertThat(field.path("scaling_factor").asDouble())
                                    .as(what)
                                    .isEqualTo(Math.pow(10, column.scale()));
                        }
                        case DATE -> assertThat(type).as(what).isEqualTo("date");
                        case VARCHAR -> {
                            if (column.fullText()) {
                                assertThat(type).as(what).isEqualTo("text");
                                assertThat(field.path("analyzer").asText())
                                        .as(what)
                                        .isEqualTo("english");
                            } else {
                                assertThat(type).as(what).isEqualTo("keyword");
                            }
                        }
                    }
                }
                assertThat(properties.size())
                        .as("%s maps nothing the schema lacks (besides embedded objects)", entity.name())
                        .isLessThanOrEqualTo(entity.columns().size() + 2);
            }
        }
    }

    @Test
    void lineItemsAreNestedInOrdersAndHaveNoIndexOfTheirOwn() {
        assertThat(IndexLayout.indices(TpchSchema.DATASET))
                .containsExactly(
                        "dbx-tpch-region",
                        "dbx-tpch-nation",
                        "dbx-tpch-supplier",
                        "dbx-tpch-customer",
                        "dbx-tpch-part",
                        "dbx-tpch-partsupp",
                        "dbx-tpch-orders");
        assertThat(IndexLayout.index(TpchSchema.DATASET, TpchSchema.LINEITEM)).isEqualTo("dbx-tpch-orders");
        assertThat(IndexDefinitions.mapping(TpchSchema.DATASET, TpchSchema.ORDERS)
                        .path("properties")
                        .path("lineitems")
                        .path("type")
                        .asText())
                .isEqualTo("nested");
        assertThat(IndexLayout.indices(YcsbSchema.DATASET)).containsExactly("dbx-ycsb-usertable");
    }

    @Test
    void theCreateBodyCarriesShardsAndReplicasFromTheUri() {
        Endpoint endpoint = Endpoint.parse(URI.create("http://h?shards=2&replicas=1"));
        JsonNode body = IndexDefinitions.body(TpchSchema.DATASET, TpchSchema.ORDERS, endpoint);
        assertThat(body.path("settings").path("index").path("number_of_shards").asInt())
                .isEqualTo(2);
        assertThat(body.path("settings")
                        .path("index")
                        .path("number_of_replicas")
                        .asInt())
                .isEqualTo(1);
        assertThat(body.path("mappings").path("properties").has("o_orderkey")).isTrue();
    }
}
