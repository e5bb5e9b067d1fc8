package dev.dbx.workloads.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.query.ResultTable;
import dev.dbx.workloads.query.Verdict;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AnswerCheckTest {
    private static final ExpectedAnswer Q01 = TpchAnswers.answer(0.01, "q01").orElseThrow();
    private static final ExpectedAnswer Q03 = TpchAnswers.answer(0.01, "q03").orElseThrow();

    @Test
    void publishedAnswersExistForTheThreeScalesOnly() {
        assertThat(TpchAnswers.published(0.01)).isTrue();
        assertThat(TpchAnswers.published(0.1)).isTrue();
        assertThat(TpchAnswers.published(1)).isTrue();
        assertThat(TpchAnswers.published(0.5)).isFalse();
        for (String q : TpchAnswers.QUERIES) {
            assertThat(TpchAnswers.published(1, q)).as(q).isPresent();
        }
        assertThat(TpchAnswers.answer(0.01, "q17").orElseThrow().rows().get(0))
                .as("an empty SUM is NULL")
                .containsOnlyNulls();
    }

    @Test
    void theAnswerAsPublishedIsRightInTheEnginesOwnTypes() {
        assertThat(AnswerCheck.check(Q01, typed(Q01))).isEqualTo(Verdict.right());
        assertThat(AnswerCheck.check(Q03, typed(Q03))).isEqualTo(Verdict.right());
    }

    @Test
    void withinTheTolerancesIsStillRight() {
        // money within a cent, averages within 1 %: what another engine's arithmetic may give
        assertThat(AnswerCheck.check(Q01, change(Q01, 0, 3, v -> add(v, "0.009"))))
                .isEqualTo(Verdict.right());
        assertThat(AnswerCheck.check(Q01, change(Q01, 0, 6, v -> ((BigDecimal) v).multiply(new BigDecimal("1.009")))))
                .isEqualTo(Verdict.right());
    }

    @Test
    void aWrongValueNamesTheQueryTheRowAndTheColumn() {
        Verdict cent = AnswerCheck.check(Q01, change(Q01, 2, 3, v -> add(v, "0.02")));
        assertThat(cent.correct()).isFalse();
        assertThat(cent.reason())
                .startsWith("q01: row 3 differs in sum_base_price: 1041502841.47, expected 1041502841.45");

        Verdict average =
                AnswerCheck.check(Q01, change(Q01, 1, 6, v -> ((BigDecimal) v).multiply(new BigDecimal("1.02"))));
        assertThat(average.reason()).startsWith("q01: row 2 differs in avg_qty");

        Verdict count = AnswerCheck.check(Q01, change(Q01, 3, 9, v -> (Long) v + 1));
        assertThat(count.reason()).startsWith("q01: row 4 differs in count_order: 14903, expected 14902");

        Verdict text = AnswerCheck.check(Q01, change(Q01, 0, 0, v -> "B"));
        assertThat(text.reason()).startsWith("q01: row 1 differs in l_returnflag: B, expected A");

        Verdict date = AnswerCheck.check(Q03, change(Q03, 0, 2, v -> ((LocalDate) v).plusDays(1)));
        assertThat(date.reason()).startsWith("q03: row 1 differs in o_orderdate");

        Verdict nullInstead = AnswerCheck.check(Q01, change(Q01, 0, 2, v -> null));
        assertThat(nullInstead.reason()).contains("NULL, expected 380456");
    }

    @Test
    void missingExtraOrReorderedRowsAndWrongColumnsAreWrong() {
        ResultTable right = typed(Q03);
        List<List<Object>> fewer = new ArrayList<>(right.rows());
        fewer.remove(fewer.size() - 1);
        assertThat(AnswerCheck.check(Q03, new ResultTable(right.columns(), fewer))
                        .reason())
                .isEqualTo("q03: 9 rows, expected 10; first missing row "
                        + Q03.rows().get(9));

        List<List<Object>> more = new ArrayList<>(right.rows());
        more.add(right.rows().get(0));
        assertThat(AnswerCheck.check(Q03, new ResultTable(right.columns(), more))
                        .reason())
                .startsWith("q03: 11 rows, expected 10; first extra row");

        List<List<Object>> swapped = new ArrayList<>(right.rows());
        swapped.set(0, right.rows().get(1));
        swapped.set(1, right.rows().get(0));
        assertThat(AnswerCheck.check(Q03, new ResultTable(right.columns(), swapped))
                        .reason())
                .startsWith("q03: row 1 differs in l_orderkey");

        ResultTable narrow = new ResultTable(List.of("l_orderkey"), List.of(List.of(1L)));
        assertThat(AnswerCheck.check(Q03, narrow).reason()).startsWith("q03: 1 columns");
    }

    /** The published rows as an engine's driver would hand them over: longs, decimals, dates, text. */
    private static ResultTable typed(ExpectedAnswer answer) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<String> row : answer.rows()) {
            List<Object> out = new ArrayList<>();
            for (String v : row) {
                out.add(typed(v));
            }
            rows.add(out);
        }
        return new ResultTable(answer.columns(), rows);
    }

    private static Object typed(String v) {
        if (v == null) {
            return null;
        }
        if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(v);
        }
        if (v.matches("-?\\d+")) {
            return Long.parseLong(v);
        }
        if (v.matches("-?\\d+\\.\\d+")) {
            return new BigDecimal(v);
        }
        return v;
    }

    private static ResultTable change(ExpectedAnswer answer, int row, int column, UnaryOperator<Object> change) {
        ResultTable table = typed(answer);
        List<List<Object>> rows = new ArrayList<>(table.rows());
        List<Object> changed = new ArrayList<>(rows.get(row));
        changed.set(column, change.apply(changed.get(column)));
        rows.set(row, changed);
        return new ResultTable(table.columns(), rows);
    }

    private static Object add(Object v, String amount) {
        return ((BigDecimal) v).add(new BigDecimal(amount));
    }
}
