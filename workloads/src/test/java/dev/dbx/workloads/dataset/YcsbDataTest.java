package dev.dbx.workloads.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.YcsbSchema;
import org.junit.jupiter.api.Test;

class YcsbDataTest {
    private static final String KEY = YcsbData.key(42);
    private static final int LENGTH = YcsbSchema.FIELD_LENGTH;

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
        assertThat(YcsbData.value("user2", "field0", 0)).isNotEqualTo(v);
        assertThat(YcsbData.record("user1", 0)).hasSize(YcsbSchema.FIELD_COUNT).containsEntry("field0", v);
        assertThat(YcsbData.values("user1", 0)[0]).isEqualTo(v);
        assertThat(YcsbData.value("user1", 0, 0, 300)).hasSize(300).startsWith(v.substring(0, 7));
    }

    @Test
    void aValueCarriesItsVersionFieldAndKeyTagUpFront() {
        String v = YcsbData.value(KEY, 3, 1295, LENGTH); // 1295 is "zz" in base 36
        assertThat(v).startsWith("zz#3");
        assertThat(YcsbData.version(v)).isEqualTo(1295);
        assertThat(YcsbData.version(YcsbData.value(KEY, 3, 0, LENGTH))).isZero();
        assertThat(YcsbData.version(YcsbData.value(KEY, 3, Long.MAX_VALUE, LENGTH)))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(YcsbData.version("no header at all")).isEqualTo(-1);
    }

    @Test
    void aValidValueAtAnyWrittenVersionPasses() {
        for (long version : new long[] {0, 1, 35, 36, 123_456_789_012L, Long.MAX_VALUE}) {
            for (int field = 0; field < YcsbSchema.FIELD_COUNT; field++) {
                String v = YcsbData.value(KEY, field, version, LENGTH);
                assertThat(YcsbData.check(KEY, field, v, LENGTH, Long.MAX_VALUE))
                        .isNull();
            }
        }
        assertThat(YcsbData.check(KEY, "field7", YcsbData.value(KEY, "field7", 0)))
                .isNull();
        assertThat(YcsbData.check(KEY, 2, YcsbData.value(KEY, 2, 50, 32), 32, 50))
                .isNull();
    }

    @Test
    void everyValueWithOneCharacterChangedIsReportedWherever() {
        String v = YcsbData.value(KEY, 5, 777_777, LENGTH);
        for (int i = 0; i < v.length(); i++) {
            for (char c : new char[] {'A', 'z', '0', ' ', '#', 'é'}) {
                if (v.charAt(i) == c) {
                    continue;
                }
                String changed = v.substring(0, i) + c + v.substring(i + 1);
                assertThat(YcsbData.check(KEY, 5, changed, LENGTH, Long.MAX_VALUE))
                        .as("'%s' at %d", c, i)
                        .isNotNull();
            }
        }
        String corrupt = v.substring(0, 60) + (v.charAt(60) == 'Q' ? 'R' : 'Q') + v.substring(61);
        assertThat(YcsbData.check(KEY, 5, corrupt, LENGTH, Long.MAX_VALUE))
                .startsWith("field5 is corrupt at character 60 ('");
    }

    @Test
    void aValueOfAnotherKeyOrFieldIsNamedAsSuch() {
        String otherKey = YcsbData.value(YcsbData.key(43), 5, 0, LENGTH);
        assertThat(YcsbData.check(KEY, 5, otherKey, LENGTH, Long.MAX_VALUE))
                .startsWith("field5 holds a value of another key");
        String otherField = YcsbData.value(KEY, 6, 0, LENGTH);
        assertThat(YcsbData.check(KEY, 5, otherField, LENGTH, Long.MAX_VALUE))
                .startsWith("field5 holds the value of field6");
    }

    @Test
    void aVersionNewerThanAnyWrittenIsReported() {
        String future = YcsbData.value(KEY, 1, 101, LENGTH);
        assertThat(YcsbData.check(KEY, 1, future, LENGTH, 100))
                .isEqualTo("field1 is at version 101, which was never written (the newest written is 100)");
        assertThat(YcsbData.check(KEY, 1, future, LENGTH, 101)).isNull();
    }

    @Test
    void aMissingTruncatedPaddedOrForeignValueIsReported() {
        String v = YcsbData.value(KEY, 0, 9, LENGTH);
        assertThat(YcsbData.check(KEY, 0, null, LENGTH, 10)).isEqualTo("field0 is missing");
        assertThat(YcsbData.check(KEY, 0, v.substring(0, 50), LENGTH, 10)).startsWith("field0 has 50 characters");
        assertThat(YcsbData.check(KEY, 0, v + " ", LENGTH, 10)).startsWith("field0 has 101 characters");
        assertThat(YcsbData.check(KEY, 0, "x".repeat(LENGTH), LENGTH, 10)).contains("no version header");
        assertThat(YcsbData.check(KEY, 0, "", LENGTH, 10)).contains("no version header");
        // a version too large for a long is not a version
        assertThat(YcsbData.check(KEY, 0, "zzzzzzzzzzzzz#0" + v.substring(15), LENGTH, Long.MAX_VALUE))
                .contains("no version header");
    }

    @Test
    void fieldsShorterThanTheHeaderAreRefusedClearly() {
        assertThatThrownBy(() -> YcsbData.value(KEY, 0, 0, 10))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("--field-length must be at least 32");
        assertThatThrownBy(() -> new YcsbSource(10, 10)).isInstanceOf(DbxException.class);
    }

    @Test
    void theSourceLoadsVersionZeroAtItsFieldLength() {
        YcsbSource source = new YcsbSource(3, 40);
        try (var rows = source.rows(YcsbSchema.USERTABLE)) {
            Object[] row = rows.next();
            assertThat(row[0]).isEqualTo(YcsbData.key(0));
            for (int i = 0; i < YcsbSchema.FIELD_COUNT; i++) {
                assertThat(row[i + 1]).isEqualTo(YcsbData.value(YcsbData.key(0), i, 0, 40));
                assertThat(YcsbData.check(YcsbData.key(0), i, (String) row[i + 1], 40, 0))
                        .isNull();
            }
        }
        assertThat(source.description()).contains("fields of 40 characters");
    }
}
