package dev.dbx.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
    @Test
    void splitsStatementsAtSemicolonsEndingALineAndSkipsComments() {
        List<String> statements = SqlScript.split("""
                -- a comment
                CREATE TABLE a (x INT);

                CREATE TABLE b (
                    y TEXT  -- not the end
                );
                """);
        assertThat(statements)
                .containsExactly("CREATE TABLE a (x INT)", "CREATE TABLE b (\n    y TEXT  -- not the end\n)");
    }

    @Test
    void keepsATriggerBodyWhole() {
        List<String> statements = SqlScript.split("""
                CREATE TRIGGER t AFTER INSERT ON a BEGIN
                    INSERT INTO b VALUES (new.x);
                    INSERT INTO c VALUES (new.x);
                END;
                ANALYZE;
                """);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0))
                .startsWith("CREATE TRIGGER")
                .endsWith("END;")
                .contains("INSERT INTO c");
        assertThat(statements.get(1)).isEqualTo("ANALYZE");
    }

    @Test
    void keepsADollarQuotedBlockWhole() {
        List<String> statements = SqlScript.split("""
                DO $$
                BEGIN
                    -- inside the block
                    ALTER TABLE a ADD CONSTRAINT k PRIMARY KEY (x);
                EXCEPTION WHEN others THEN NULL;
                END
                $$;
                SELECT 1;
                """);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).startsWith("DO $$").endsWith("$$").contains("-- inside the block");
        assertThat(statements.get(1)).isEqualTo("SELECT 1");
    }

    @Test
    void anUnfinishedStatementIsAnError() {
        assertThatThrownBy(() -> SqlScript.split("CREATE TABLE a (x INT)"))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("ends inside a statement");
    }
}
