package dev.dbx.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlGraphTest {
    @Test
    void namedParametersBecomePlaceholdersInOrderAndCastsAndCommentsAreLeftAlone() {
        SqlGraph.Statement s = SqlGraph.Statement.parse(
                "-- max hops: 4\n-- :not_a_parameter\n"
                        + "SELECT ARRAY[:customer]::int[], :hops, x::text\nFROM t WHERE a = :customer -- :limit\nLIMIT :limit;\n");
        assertThat(s.parameters()).containsExactly("customer", "hops", "customer", "limit");
        assertThat(s.jdbc())
                .contains("ARRAY[?]::int[], ?, x::text")
                .contains("a = ?")
                .endsWith("LIMIT ?\n");
        assertThat(s.maxHops()).isEqualTo(4);
        assertThat(SqlGraph.Statement.parse("SELECT 1").maxHops()).isNull();
    }
}
