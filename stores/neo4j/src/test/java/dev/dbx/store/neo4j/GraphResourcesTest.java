package dev.dbx.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Datasets;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.dataset.YcsbSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The schema resources agree with the datasets: every entity has a place in the graph, a load statement that reads
 * every column (and nothing else) from {@code row}, a scan statement returning every column in order, and every
 * full-text column its index; every constraint and index is named (so drop can name it).
 */
class GraphResourcesTest {
    private static final Pattern ROW_FIELD = Pattern.compile("\\brow\\.(\\w+)");
    private static final Pattern KEY_PART = Pattern.compile("\\bk\\[(\\d+)]");
    private static final Pattern ALIAS = Pattern.compile("\\bAS\\s+(\\w+)");

    @Test
    void everyEntityHasAPlaceInTheGraph() {
        for (Dataset dataset : Datasets.all()) {
            GraphMapping mapping = DatasetGraph.of(dataset).mapping();
            assertThat(mapping.elements())
                    .extracting(e -> e.entity().name())
                    .containsExactlyElementsOf(dataset.entityNames());
        }
        GraphMapping tpch = DatasetGraph.of(TpchSchema.DATASET).mapping();
        assertThat(tpch.element(TpchSchema.LINEITEM).pattern()).isEqualTo("()-[x:CONTAINS]->()");
        assertThat(tpch.element(TpchSchema.PARTSUPP).pattern()).isEqualTo("()-[x:SUPPLIES]->()");
        assertThat(tpch.element(TpchSchema.ORDERS).pattern()).isEqualTo("(x:Order)");
        assertThat(DatasetGraph.of(YcsbSchema.DATASET)
                        .mapping()
                        .element(YcsbSchema.USERTABLE)
                        .name())
                .isEqualTo("User");
    }

    @Test
    void loadStatementsReadEveryColumnAndNothingElse() {
        for (Dataset dataset : Datasets.all()) {
            DatasetGraph graph = DatasetGraph.of(dataset);
            for (Entity entity : dataset.entities()) {
                String statement = graph.loadStatement(entity);
                assertThat(new TreeSet<>(found(ROW_FIELD, statement)))
                        .as("columns read by load/%s.cypher", entity.name())
                        .containsExactlyInAnyOrderElementsOf(entity.columnNames());
                // one statement, one UNWIND over the batch, no MERGE (the load creates; keys are checked by
                // constraints)
                assertThat(CypherResources.split(statement))
                        .singleElement()
                        .satisfies(s ->
                                assertThat(s).startsWith("UNWIND $rows AS row").doesNotContain("MERGE"));
            }
        }
    }

    @Test
    void scanStatementsReturnEveryColumnInOrder() {
        for (Dataset dataset : Datasets.all()) {
            DatasetGraph graph = DatasetGraph.of(dataset);
            for (Entity entity : dataset.entities()) {
                String statement = graph.scanStatement(entity);
                assertThat(found(ALIAS, statement.substring(statement.indexOf("RETURN"))))
                        .as("columns of scan/%s.cypher", entity.name())
                        .containsExactlyElementsOf(entity.columnNames());
            }
        }
    }

    @Test
    void lookupStatementsUnwindTheKeysAndMatchEveryKeyColumn() {
        for (Dataset dataset : Datasets.all()) {
            DatasetGraph graph = DatasetGraph.of(dataset);
            for (Entity entity : dataset.entities()) {
                String statement = graph.lookupStatement(entity);
                Set<String> parts = new TreeSet<>();
                for (int i = 0; i < entity.primaryKey().size(); i++) {
                    parts.add(Integer.toString(i));
                }
                assertThat(new TreeSet<>(found(KEY_PART, statement)))
                        .as("key parts read by lookup/%s.cypher", entity.name())
                        .isEqualTo(parts);
                assertThat(CypherResources.split(statement))
                        .singleElement()
                        .satisfies(s -> assertThat(s)
                                .startsWith("UNWIND $keys AS k")
                                .endsWith("RETURN k")
                                .doesNotContain("MERGE", "CREATE", "SET", "DELETE"));
                // the element matched is the entity's own: its label or relationship type
                assertThat(statement)
                        .contains(":" + graph.mapping().element(entity).name());
            }
        }
    }

    @Test
    void sinkStatementsMergeEveryColumnOfAnUpsertAndReadOnlyTheKeyOfADelete() {
        for (Dataset dataset : Datasets.all()) {
            DatasetGraph graph = DatasetGraph.of(dataset);
            for (Entity entity : dataset.entities()) {
                String upsert = graph.upsertStatement(entity);
                assertThat(new TreeSet<>(found(ROW_FIELD, upsert)))
                        .as("columns read by sink/upsert/%s.cypher", entity.name())
                        .containsExactlyInAnyOrderElementsOf(entity.columnNames());
                // MERGE, never a bare CREATE: applying a change twice must leave one element
                assertThat(CypherResources.split(upsert))
                        .singleElement()
                        .satisfies(s -> assertThat(s)
                                .startsWith("UNWIND $rows AS row")
                                .contains("MERGE")
                                .doesNotContainPattern("(?<!ON )CREATE\\b"));
                // the same pattern tells the load's bare CREATE
                assertThat(graph.loadStatement(entity)).containsPattern("(?<!ON )CREATE\\b");
                String delete = graph.deleteStatement(entity);
                assertThat(new TreeSet<>(found(ROW_FIELD, delete)))
                        .as("columns read by sink/delete/%s.cypher (a delete may carry only its key)", entity.name())
                        .containsExactlyInAnyOrderElementsOf(entity.primaryKey());
                assertThat(CypherResources.split(delete))
                        .singleElement()
                        .satisfies(s -> assertThat(s)
                                .startsWith("UNWIND $rows AS row")
                                .doesNotContain("MERGE", "CREATE", "DETACH"));
            }
        }
    }

    @Test
    void wherePlaceholdersCanBeScansAndLookupsOfNodesLeaveThemOut() {
        DatasetGraph graph = DatasetGraph.of(TpchSchema.DATASET);
        assertThat(graph.placeholderCleanup()).isPresent();
        Pattern leftOut = Pattern.compile("WHERE NOT \\w+:" + GraphMapping.PLACEHOLDER + "\\b");
        for (GraphMapping.Element node : graph.mapping().nodes()) {
            assertThat(graph.scanStatement(node.entity())).containsPattern(leftOut);
            assertThat(graph.lookupStatement(node.entity())).containsPattern(leftOut);
        }
        // a dataset whose rows link to nothing has no placeholders to leave out (and the pattern tells it)
        assertThat(DatasetGraph.of(YcsbSchema.DATASET).scanStatement(YcsbSchema.USERTABLE))
                .doesNotContainPattern(leftOut);
        assertThat(DatasetGraph.of(YcsbSchema.DATASET).placeholderCleanup()).isEmpty();
    }

    @Test
    void everyFullTextColumnHasAnEnglishFullTextIndex() {
        List<String> indexes = DatasetGraph.of(TpchSchema.DATASET).indexStatements();
        for (Entity entity : TpchSchema.DATASET.entities()) {
            for (Column column : entity.columns()) {
                if (column.fullText()) {
                    assertThat(indexes)
                            .as("full-text index on %s", column.name())
                            .anyMatch(s -> s.startsWith("CREATE FULLTEXT INDEX")
                                    && s.contains("." + column.name() + "]")
                                    && s.contains("'english'"));
                }
            }
        }
    }

    @Test
    void everyConstraintAndIndexIsNamedOnce() {
        for (Dataset dataset : Datasets.all()) {
            List<DatasetGraph.SchemaObject> objects = DatasetGraph.of(dataset).schemaObjects();
            assertThat(objects).extracting(DatasetGraph.SchemaObject::name).doesNotHaveDuplicates();
            assertThat(objects).allSatisfy(o -> assertThat(o.dropStatement()).endsWith(o.name() + " IF EXISTS"));
        }
        assertThat(DatasetGraph.of(TpchSchema.DATASET).schemaObjects())
                .filteredOn(DatasetGraph.SchemaObject::constraint)
                .hasSize(6);
        assertThat(DatasetGraph.of(TpchSchema.DATASET).constraintStatements())
                .allSatisfy(s -> assertThat(s).contains("IF NOT EXISTS").contains("IS UNIQUE"));
        assertThat(DatasetGraph.of(TpchSchema.DATASET).indexStatements())
                .allSatisfy(s -> assertThat(s).contains("IF NOT EXISTS"));
    }

    @Test
    void anUnnamedSchemaStatementIsRefused() {
        assertThatThrownBy(() -> DatasetGraph.schemaObject("CREATE INDEX IF NOT EXISTS FOR (n:X) ON (n.y)"))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("without a name");
        assertThat(DatasetGraph.schemaObject("CREATE FULLTEXT INDEX a_b IF NOT EXISTS FOR (n:X) ON EACH [n.y]"))
                .isEqualTo(new DatasetGraph.SchemaObject(false, "a_b"));
    }

    @Test
    void aMappingWithAnUnsafeLabelIsRefused() {
        Dataset ycsb = YcsbSchema.DATASET;
        assertThatThrownBy(() -> GraphMapping.parse(ycsb, "usertable = node User) DETACH DELETE (x", "test"))
                .isInstanceOf(DbxException.class);
        assertThatThrownBy(() -> GraphMapping.parse(ycsb, "usertable = node User`x", "test"))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("invalid label or type");
        assertThatThrownBy(() -> GraphMapping.parse(ycsb, "usertable = edge User", "test"))
                .isInstanceOf(DbxException.class);
        assertThatThrownBy(() -> GraphMapping.parse(ycsb, "", "test"))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("usertable");
    }

    @Test
    void scriptsSplitOnSemicolonsAtLineEndsAndDropComments() {
        assertThat(CypherResources.split("// a comment\nCREATE INDEX a\n  FOR (n:X) ON (n.y);\n\nDROP INDEX b;\n"))
                .containsExactly("CREATE INDEX a\n  FOR (n:X) ON (n.y)", "DROP INDEX b");
    }

    /** What group 1 of {@code pattern} matches in {@code text}, each time, in order. */
    private static List<String> found(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
