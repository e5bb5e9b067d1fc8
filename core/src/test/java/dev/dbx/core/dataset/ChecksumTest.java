package dev.dbx.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The checksum is dbx's proof that two stores hold the same data, so each way data can differ must change it, and only
 * the order of rows may not.
 */
class ChecksumTest {
    private static final Entity ENTITY = new Entity(
            "thing",
            List.of(
                    Column.integer("id"),
                    Column.varchar("name", 20),
                    Column.varchar("note", 20),
                    Column.decimal("price", 15, 2),
                    Column.date("day")),
            List.of("id"),
            List.of());

    /** A mixed entity for the type test: the same column read as text in one store and number in another. */
    private static final Entity LOOSE =
            new Entity("loose", List.of(Column.integer("id"), Column.varchar("v", 10)), List.of("id"), List.of());

    private static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 1; i <= 50; i++) {
            rows.add(new Object[] {
                i,
                "name " + i,
                i % 3 == 0 ? null : "note " + i,
                new BigDecimal(i + ".25"),
                LocalDate.of(1995, 1, 1).plusDays(i)
            });
        }
        return rows;
    }

    private static String checksum(Entity entity, List<Object[]> rows) {
        Checksum c = new Checksum(entity);
        rows.forEach(c::add);
        return c.value() + "/" + c.count();
    }

    private static List<Object[]> copy(List<Object[]> rows) {
        List<Object[]> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.clone()));
        return out;
    }

    @Test
    void rowsInAnotherOrderGiveTheSameChecksum() {
        List<Object[]> shuffled = copy(rows());
        Collections.shuffle(shuffled, new Random(7));
        assertThat(checksum(ENTITY, shuffled)).isEqualTo(checksum(ENTITY, rows()));
    }

    @Test
    void oneChangedValueChangesIt() {
        List<Object[]> changed = copy(rows());
        changed.get(17)[3] = new BigDecimal("18.26");
        assertThat(checksum(ENTITY, changed)).isNotEqualTo(checksum(ENTITY, rows()));
    }

    @Test
    void aMissingRowChangesIt() {
        List<Object[]> missing = copy(rows());
        missing.remove(30);
        assertThat(checksum(ENTITY, missing)).isNotEqualTo(checksum(ENTITY, rows()));
    }

    @Test
    void aDuplicatedRowChangesItEvenWhenCountsAreNotCompared() {
        List<Object[]> doubled = copy(rows());
        doubled.add(doubled.get(4).clone());
        Checksum a = new Checksum(ENTITY);
        rows().forEach(a::add);
        Checksum b = new Checksum(ENTITY);
        doubled.forEach(b::add);
        assertThat(b.value()).isNotEqualTo(a.value());
        // a row twice instead of another row once: same count, and still different
        List<Object[]> swapped = copy(rows());
        swapped.set(9, swapped.get(4).clone());
        assertThat(checksum(ENTITY, swapped)).isNotEqualTo(checksum(ENTITY, rows()));
    }

    @Test
    void aNullDiffersFromAnEmptyString() {
        List<Object[]> empty = copy(rows());
        empty.get(2)[2] = ""; // row 3 has a null note
        assertThat(rows().get(2)[2]).isNull();
        assertThat(checksum(ENTITY, empty)).isNotEqualTo(checksum(ENTITY, rows()));
    }

    @Test
    void aNumberDiffersFromTheSameDigitsAsText() {
        List<Object[]> text = new ArrayList<>();
        text.add(new Object[] {1L, "1"});
        List<Object[]> number = new ArrayList<>();
        number.add(new Object[] {1L, 1L});
        assertThat(checksum(LOOSE, number)).isNotEqualTo(checksum(LOOSE, text));
    }

    @Test
    void twoValuesSwappedBetweenColumnsChangeIt() {
        List<Object[]> swapped = copy(rows());
        Object[] row = swapped.get(10);
        Object name = row[1];
        row[1] = row[2];
        row[2] = name;
        assertThat(checksum(ENTITY, swapped)).isNotEqualTo(checksum(ENTITY, rows()));
    }

    @Test
    void textCannotPassForAColumnBoundary() {
        // the old encoding joined values with \u001f: these two rows had the same text
        Entity two =
                new Entity("two", List.of(Column.varchar("a", 10), Column.varchar("b", 10)), List.of("a"), List.of());
        List<Object[]> left = List.<Object[]>of(new Object[] {"x\u001fy", "z"});
        List<Object[]> right = List.<Object[]>of(new Object[] {"x", "y\u001fz"});
        assertThat(checksum(two, left)).isNotEqualTo(checksum(two, right));
    }

    @Test
    void decimalsCompareAtTheColumnsScaleButAreNeverRounded() {
        List<Object[]> shorter = copy(rows());
        shorter.get(0)[3] = new BigDecimal("1.250"); // the same number, one more zero
        assertThat(checksum(ENTITY, shorter)).isEqualTo(checksum(ENTITY, rows()));
        List<Object[]> finer = copy(rows());
        finer.get(0)[3] = new BigDecimal("1.2501");
        assertThatThrownBy(() -> checksum(ENTITY, finer)).hasMessageContaining("price");
    }

    @Test
    void aValueOfNoCanonicalTypeNeverEqualsOne() {
        List<Object[]> odd = copy(rows());
        odd.get(0)[4] = "1995-01-02"; // the date as text
        assertThat(checksum(ENTITY, odd)).isNotEqualTo(checksum(ENTITY, rows()));
    }

    @Test
    void countsRows() {
        Checksum c = new Checksum(ENTITY);
        rows().forEach(c::add);
        assertThat(c.count()).isEqualTo(50);
        assertThat(c.value()).hasSize(16);
    }

    @Test
    void mergedPartsEqualTheWhole() {
        Checksum whole = new Checksum(ENTITY);
        rows().forEach(whole::add);
        Checksum a = new Checksum(ENTITY);
        Checksum b = new Checksum(ENTITY);
        List<Object[]> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            (i % 2 == 0 ? a : b).add(rows.get(i));
        }
        a.merge(b);
        assertThat(a.value()).isEqualTo(whole.value());
        assertThat(a.count()).isEqualTo(whole.count());
    }
}
