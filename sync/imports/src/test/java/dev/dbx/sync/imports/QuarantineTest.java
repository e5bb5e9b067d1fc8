package dev.dbx.sync.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuarantineTest {
    @Test
    void reasonsAreCountedByKindWithoutTheirValues() {
        assertThat(Quarantine.kind("c_acctbal: 'lots' is not a number"))
                .isEqualTo(Quarantine.kind("c_acctbal: 'ten' is not a number"))
                .isEqualTo("c_acctbal: '…' is not a number");
        assertThat(Quarantine.kind("a row with key (1) already exists in postgres"))
                .isEqualTo("a row with key already exists in postgres");
        assertThat(Quarantine.kind("c_name: 27 characters, at most 25 fit"))
                .isEqualTo("c_name: longer than 25 characters");
        assertThat(Quarantine.kind("duplicate key (1501), first on line 2")).isEqualTo("duplicate key");
    }
}
