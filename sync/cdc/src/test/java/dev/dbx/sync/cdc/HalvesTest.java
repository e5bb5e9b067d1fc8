package dev.dbx.sync.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Halving a failed batch, against a target stand-in that refuses some items (pure logic: no store involved). */
class HalvesTest {
    /** Applies whole lists or nothing, refusing any list that holds a refused item; remembers what it applied. */
    private static class Refusing implements Halves.Steps<Integer> {
        final Set<Integer> refused;
        final List<Integer> applied = new ArrayList<>();
        final List<Integer> alone = new ArrayList<>();
        int calls;

        Refusing(Set<Integer> refused) {
            this.refused = refused;
        }

        @Override
        public void apply(List<Integer> items) {
            calls++;
            if (items.stream().anyMatch(refused::contains)) {
                throw new IllegalStateException("refused");
            }
            applied.addAll(items);
        }

        @Override
        public void failed(List<Integer> items, RuntimeException error) {}

        @Override
        public void alone(Integer item, RuntimeException error) {
            alone.add(item);
        }
    }

    private static List<Integer> upTo(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void everyItemButTheRefusedOnesIsAppliedInItsOrder() {
        Refusing target = new Refusing(Set.of(3, 17, 18));
        Halves.apply(upTo(40), target);
        assertThat(target.alone).containsExactly(3, 17, 18);
        List<Integer> expected = new ArrayList<>(upTo(40));
        expected.removeAll(List.of(3, 17, 18));
        assertThat(target.applied).containsExactlyElementsOf(expected);
        // halving finds one refused item in about 2 log2(n) applies, not n
        Refusing one = new Refusing(Set.of(300));
        Halves.apply(upTo(500), one);
        assertThat(one.alone).containsExactly(300);
        assertThat(one.calls).isLessThan(30);
    }

    @Test
    void aBatchThatAppliesIsAppliedOnceAndNothingIsSetAside() {
        Refusing target = new Refusing(Set.of());
        Halves.apply(upTo(10), target);
        assertThat(target.calls).isEqualTo(1);
        assertThat(target.alone).isEmpty();
        assertThat(target.applied).containsExactlyElementsOf(upTo(10));
    }

    @Test
    void aFailureJudgedTransientStopsTheHalving() {
        Refusing target = new Refusing(Set.of(5)) {
            @Override
            public void failed(List<Integer> items, RuntimeException error) {
                throw new IllegalArgumentException("target down");
            }
        };
        assertThatThrownBy(() -> Halves.apply(upTo(10), target)).hasMessage("target down");
        assertThat(target.calls).isEqualTo(1);
        assertThat(target.alone).isEmpty();
    }
}
