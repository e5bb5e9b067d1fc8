package dev.dbx.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.ServerResources;
import org.junit.jupiter.api.Test;

class RedisResourcesTest {
    @Test
    void cpuIsSystemPlusUserSecondsAndMemoryTheResidentSet() {
        String info = "# Memory\r\nused_memory:1048576\r\nused_memory_rss:9437184\r\n\r\n# CPU\r\n"
                + "used_cpu_sys:1.250000\r\nused_cpu_user:0.004321\r\nused_cpu_sys_children:7.000000\r\n";
        assertThat(RedisResources.reading(ServerInfo.parse(info)))
                .isEqualTo(new ServerResources.Reading(1_254_321_000L, 9_437_184L));
    }

    @Test
    void aMissingOrGarbledFigureIsNoFigure() {
        assertThat(RedisResources.reading(ServerInfo.parse("used_cpu_sys:1.5\r\nused_memory_rss:n/a\r\n")))
                .isEqualTo(ServerResources.Reading.NONE);
    }
}
