package dev.dbx.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.capability.FieldSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsertableSqlTest {
    @Test
    void statementsNameTheChosenFieldsInFieldOrderWithTheKeyWhereEachOperationBindsIt() {
        FieldSet two = FieldSet.named(List.of("field8", "field1"));
        assertThat(UsertableSql.read(two)).isEqualTo("SELECT field1, field8 FROM usertable WHERE ycsb_key = ?");
        assertThat(UsertableSql.update(two))
                .isEqualTo("UPDATE usertable SET field1 = ?, field8 = ? WHERE ycsb_key = ?");
        assertThat(UsertableSql.scan(two))
                .isEqualTo("SELECT ycsb_key, field1, field8 FROM usertable WHERE ycsb_key >= ? ORDER BY ycsb_key"
                        + " LIMIT ?");
        assertThat(UsertableSql.insert())
                .isEqualTo("INSERT INTO usertable (ycsb_key, field0, field1, field2, field3, field4, field5, field6,"
                        + " field7, field8, field9) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        assertThat(UsertableSql.delete()).isEqualTo("DELETE FROM usertable WHERE ycsb_key = ?");
    }

    @Test
    void noFieldChosenReadsOrScansTheKeyAloneAndCannotBeAnUpdate() {
        FieldSet none = FieldSet.of(0);
        assertThat(UsertableSql.read(none)).isEqualTo("SELECT ycsb_key FROM usertable WHERE ycsb_key = ?");
        assertThat(UsertableSql.scan(none))
                .isEqualTo("SELECT ycsb_key FROM usertable WHERE ycsb_key >= ? ORDER BY ycsb_key LIMIT ?");
        assertThatThrownBy(() -> UsertableSql.update(none)).isInstanceOf(IllegalArgumentException.class);
    }
}
