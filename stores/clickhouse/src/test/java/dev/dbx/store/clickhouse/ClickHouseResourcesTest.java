package dev.dbx.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.ServerResources;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClickHouseResourcesTest {
    private final ClickHouseResources resources = new ClickHouseResources(() -> {
        throw new IllegalStateException("no server here");
    });

    @Test
    void cpuIsUserPlusSystemMicrosecondsAndMemoryTheResidentSetWhereTheServerHasIt() {
        assertThat(resources.reading(List.of(
                        new String[] {"UserTimeMicroseconds", "1500000"},
                        new String[] {"SystemTimeMicroseconds", "250"},
                        new String[] {"jemalloc.resident", "42942464"},
                        new String[] {"MemoryResident", "83886080"})))
                .isEqualTo(new ServerResources.Reading(1_500_250_000L, 83_886_080L));
        assertThat(resources.source()).contains("MemoryResident, the process's resident set");
    }

    @Test
    void anOldServerGivesItsAllocatorsResidentBytesAndAMissingEventIsZero() {
        assertThat(resources.reading(List.<String[]>of(
                        new String[] {"UserTimeMicroseconds", "1080"}, new String[] {"jemalloc.resident", "42942464"})))
                .isEqualTo(new ServerResources.Reading(1_080_000L, 42_942_464L));
        assertThat(resources.source()).contains("jemalloc.resident, the allocator's resident bytes");
    }

    @Test
    void noFiguresBeforeTheServerComputedThemAndNoneWhenItCannotBeReached() {
        assertThat(resources.reading(List.of())).isEqualTo(ServerResources.Reading.NONE);
        assertThat(resources.read()).isEqualTo(ServerResources.Reading.NONE);
    }
}
