package dev.dbx.workloads.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.dataset.YcsbSchema;
import org.junit.jupiter.api.Test;

class YcsbDataTest {
    @Test
    void keysAreYcsbsHashedKeys() {
        // YCSB CoreWorkload with insertorder=hashed: "user" + Utils.fnvhash64(keynum)
        assertThat(YcsbData.key(0)).isEqualTo("user6284781860667377211");
        assertThat(YcsbData.key(1)).isEqualTo("user8517097267634966620");
    }

    @Test
    void valuesAreDeterministicHundredCharacterStringsThatChangeWithTheVersion() {
        String v = YcsbData.value("user1", "field0", 0);
        assertThat(v).hasSize(YcsbSchema.FIELD_LENGTH).isEqualTo(YcsbData.value("user1", "field0", 0));
        assertThat(YcsbData.value("user1", "field0", 1)).isNotEqualTo(v);
        assertThat(YcsbData.value("user1", "field1", 0)).isNotEqualTo(v);
        assertThat(YcsbData.record("user1", 0)).hasSize(YcsbSchema.FIELD_COUNT);
    }
}
