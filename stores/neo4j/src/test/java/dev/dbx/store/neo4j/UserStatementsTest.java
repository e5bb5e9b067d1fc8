package dev.dbx.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.FieldSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The usertable's Cypher: made once per choice of fields, naming only the schema's fields, values as parameters. */
class UserStatementsTest {
    private final UserStatements statements = new UserStatements("User");

    @Test
    void eachTextIsBuiltOnceAndThenReused() {
        FieldSet two = FieldSet.named(List.of("field1", "field8"));
        assertThat(statements.read(two)).isSameAs(statements.read(two));
        assertThat(statements.update(two)).isSameAs(statements.update(two));
        assertThat(statements.scan(two)).isSameAs(statements.scan(two));
        assertThat(statements.read(FieldSet.all())).isNotEqualTo(statements.read(two));
    }

    @Test
    void readsAndUpdatesNameTheChosenFieldsInFieldOrder() {
        FieldSet two = FieldSet.named(List.of("field8", "field1"));
        assertThat(statements.read(two))
                .isEqualTo("MATCH (u:User {ycsb_key: $key}) RETURN u.field1 AS field1, u.field8 AS field8");
        assertThat(statements.update(two))
                .isEqualTo("MATCH (u:User {ycsb_key: $key}) SET u.field1 = $field1, u.field8 = $field8"
                        + " RETURN true AS found");
        assertThat(statements.scan(FieldSet.one(0)))
                .isEqualTo("MATCH (u:User) WHERE u.ycsb_key >= $start RETURN u.ycsb_key AS key, u.field0 AS field0"
                        + " ORDER BY key LIMIT $count");
        assertThat(statements.delete()).isEqualTo("MATCH (u:User {ycsb_key: $key}) DETACH DELETE u");
    }

    @Test
    void noFieldsIsAnExistenceCheck() {
        FieldSet none = FieldSet.of(0);
        assertThat(statements.read(none)).isEqualTo("MATCH (u:User {ycsb_key: $key}) RETURN true AS found");
        assertThat(statements.update(none)).isEqualTo("MATCH (u:User {ycsb_key: $key}) RETURN true AS found");
        assertThat(statements.scan(none)).contains("RETURN u.ycsb_key AS key ORDER BY key");
    }

    @Test
    void anInsertSetsTheKeyAndEveryField() {
        assertThat(statements.insert())
                .startsWith("CREATE (u:User {ycsb_key: $key, field0: $field0, field1: $field1")
                .endsWith("field9: $field9})");
    }

    @Test
    void anUnsafeLabelIsRefused() {
        assertThatThrownBy(() -> new UserStatements("User) DETACH DELETE (x")).isInstanceOf(DbxException.class);
    }
}
