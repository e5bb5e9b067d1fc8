package dev.dbx.sync.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.dataset.TpchSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowValidatorTest {
    private final RowValidator validator = new RowValidator(TpchSchema.ORDERS);

    private static Map<String, String> order() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("o_orderkey", "7");
        v.put("o_custkey", "39");
        v.put("o_orderstatus", "O");
        v.put("o_totalprice", "252004.18");
        v.put("o_orderdate", "1996-01-10");
        v.put("o_orderpriority", "2-HIGH");
        v.put("o_clerk", "Clerk#000000470");
        v.put("o_shippriority", "0");
        v.put("o_comment", "ly special requests");
        return v;
    }

    @Test
    void aGoodRecordBecomesCanonicalValues() {
        RowValidator.Result r = validator.validate(order());
        assertThat(r.ok()).isTrue();
        assertThat(r.row())
                .containsExactly(
                        7L,
                        39L,
                        "O",
                        new BigDecimal("252004.18"),
                        LocalDate.of(1996, 1, 10),
                        "2-HIGH",
                        "Clerk#000000470",
                        0L,
                        "ly special requests");
    }

    @Test
    void aDecimalGetsTheColumnsScale() {
        Map<String, String> v = order();
        v.put("o_totalprice", "12");
        assertThat(validator.validate(v).row()[3]).isEqualTo(new BigDecimal("12.00"));
    }

    @Test
    void eachKindOfBadValueIsNamed() {
        assertThat(problem("o_custkey", "abc")).isEqualTo("o_custkey: 'abc' is not an integer");
        assertThat(problem("o_custkey", "-3")).contains("not a valid key");
        assertThat(problem("o_custkey", "")).isEqualTo("o_custkey is missing");
        assertThat(problem("o_totalprice", "1.234")).contains("more than 2 digits after the point");
        assertThat(problem("o_totalprice", "12345678901234.00")).contains("out of range for DECIMAL(15,2)");
        assertThat(problem("o_totalprice", "ten")).contains("is not a number");
        assertThat(problem("o_orderdate", "1996-02-30")).contains("is not a date");
        assertThat(problem("o_orderstatus", "OPEN")).isEqualTo("o_orderstatus: 4 characters, at most 1 fit");
    }

    @Test
    void aMissingColumnIsNamed() {
        Map<String, String> v = order();
        v.remove("o_clerk");
        assertThat(validator.validate(v).problem()).isEqualTo("o_clerk is missing");
    }

    private String problem(String column, String value) {
        Map<String, String> v = order();
        v.put(column, value);
        RowValidator.Result r = validator.validate(v);
        assertThat(r.ok()).isFalse();
        return r.problem();
    }
}
