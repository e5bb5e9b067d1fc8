package dev.dbx.core.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSetTest {
    @Test
    void namesAndNumbersAgree() {
        FieldSet set = FieldSet.named(List.of("field7", "field2"));
        assertThat(set.names()).containsExactly("field2", "field7");
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.field(0)).isEqualTo(2);
        assertThat(set.field(1)).isEqualTo(7);
        assertThat(set.contains(7)).isTrue();
        assertThat(set.contains(3)).isFalse();
        assertThat(set.mask()).isEqualTo((1 << 2) | (1 << 7));
    }

    @Test
    void eachChoiceExistsOnce() {
        assertThat(FieldSet.one(3)).isSameAs(FieldSet.named(List.of("field3")));
        assertThat(FieldSet.all()).isSameAs(FieldSet.of(1023));
        assertThat(FieldSet.all().isAll()).isTrue();
        assertThat(FieldSet.all().size()).isEqualTo(10);
        assertThat(FieldSet.of(0).isEmpty()).isTrue();
    }

    @Test
    void unknownFieldsAreRefused() {
        assertThatThrownBy(() -> FieldSet.named(List.of("field10"))).isInstanceOf(DbxException.class);
        assertThatThrownBy(() -> FieldSet.one(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldSet.of(1024)).isInstanceOf(IllegalArgumentException.class);
    }
}
