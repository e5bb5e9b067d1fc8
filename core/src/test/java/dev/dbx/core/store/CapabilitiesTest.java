package dev.dbx.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CapabilitiesTest {
    interface Reads extends Capability {}

    interface Writes extends Capability {}

    record Reader() implements Reads {}

    @Test
    void handsOutWhatWasDeclaredAndNothingElse() {
        Reader reader = new Reader();
        Capabilities capabilities =
                Capabilities.builder().add(Reads.class, reader).build();
        assertThat(capabilities.get(Reads.class)).containsSame(reader);
        assertThat(capabilities.get(Writes.class)).isEmpty();
        assertThat(capabilities.has(Writes.class)).isFalse();
        assertThat(capabilities.types()).containsExactly(Reads.class);
    }

    @Test
    void refusesATypeTwice() {
        assertThatThrownBy(() ->
                        Capabilities.builder().add(Reads.class, new Reader()).add(Reads.class, new Reader()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
